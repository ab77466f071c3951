// What the shopper reads when checkout refuses their admission, in our words (the server's are for
// developers). Every refusal sends them back to the waiting room, which reads their ticket again
// and shows the right next step: a fresh turn, "already used" or "expired".

export type AdmissionRefusal = 'FORGED' | 'EXPIRED' | 'NOT_YOURS' | 'WRONG_CONCERT' | 'ALREADY_USED';

export type AdmissionProblem = { __typename: 'AdmissionRequiredError' } | { __typename: 'InvalidAdmissionError'; admissionRefusal: AdmissionRefusal };

const REFUSED: Record<AdmissionRefusal, string> = {
  EXPIRED: 'Your admission ran out before your tickets were held, so nothing was held.',
  ALREADY_USED: 'Your admission was already used for an order, perhaps in another tab, so nothing more was held.',
  NOT_YOURS: 'That admission was given to another shopper (did you sign in or out since?), so nothing was held. Your own place in line is below.',
  FORGED: 'We could not verify your admission, so nothing was held. Your place in line is below.',
  WRONG_CONCERT: 'That admission was for another concert, so nothing was held. Your place in this concert’s line is below.',
};

const REQUIRED = 'Tickets for this concert are sold through a waiting room, so nothing was held. Wait here for your turn: you’ll go to checkout automatically.';

export function admissionNotice(problem: AdmissionProblem): string {
  return problem.__typename === 'AdmissionRequiredError' ? REQUIRED : REFUSED[problem.admissionRefusal];
}

export function isAdmissionProblem<T extends { __typename: string }>(result: T): result is Extract<T, AdmissionProblem> {
  return result.__typename === 'AdmissionRequiredError' || result.__typename === 'InvalidAdmissionError';
}

export const waitingRoomPath = (concertId: string) => `/concerts/${encodeURIComponent(concertId)}/waiting-room`;
