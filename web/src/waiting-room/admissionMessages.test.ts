import { describe, expect, it } from 'vitest';
import { admissionNotice, isAdmissionProblem, waitingRoomPath, type AdmissionRefusal } from './admissionMessages';

describe('admission refusals', () => {
  it('has a sentence for every reason, none of them the server’s', () => {
    const reasons: AdmissionRefusal[] = ['FORGED', 'EXPIRED', 'NOT_YOURS', 'WRONG_CONCERT', 'ALREADY_USED'];
    const sentences = reasons.map((reason) => admissionNotice({ __typename: 'InvalidAdmissionError', admissionRefusal: reason }));
    expect(new Set(sentences).size).toBe(reasons.length);
    for (const sentence of sentences) expect(sentence).toMatch(/nothing (more )?was held/);
    expect(admissionNotice({ __typename: 'AdmissionRequiredError' })).toMatch(/waiting room/);
  });

  it('tells admission problems from other answers', () => {
    expect(isAdmissionProblem({ __typename: 'AdmissionRequiredError' })).toBe(true);
    expect(isAdmissionProblem({ __typename: 'InvalidAdmissionError' })).toBe(true);
    expect(isAdmissionProblem({ __typename: 'SoldOutError' })).toBe(false);
  });

  it('builds the waiting room’s address', () => {
    expect(waitingRoomPath('Q29uY2VydDox')).toBe('/concerts/Q29uY2VydDox/waiting-room');
  });
});
