import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { createCache } from '../apollo';
import type { FragmentType } from '../gql/fragment-masking';
import { CancelConcert, CancelConcertFragment, CancelConcertMutation } from './CancelConcert';

const concert = { __typename: 'Concert', id: 'C1', name: 'Summer Tour', cancellationReason: null, cancellation: null } as unknown as FragmentType<typeof CancelConcertFragment>;

function cancelMock(respond: Record<string, unknown> | Error, calls: unknown[]): MockLink.MockedResponse {
  return {
    request: {
      query: CancelConcertMutation,
      variables: (variables: unknown) => {
        calls.push(variables);
        return true;
      },
    },
    ...(respond instanceof Error ? { error: respond } : { result: { data: { __typename: 'Mutation', cancelConcert: respond } } }),
  };
}

async function openAndConfirm(mocks: MockLink.MockedResponse[], reason = 'The venue flooded') {
  const user = userEvent.setup();
  render(
    <MockedProvider mocks={mocks} cache={createCache()}>
      <CancelConcert concert={concert} />
    </MockedProvider>,
  );
  await user.click(screen.getByRole('button', { name: 'Cancel concert' }));
  if (reason) await user.type(screen.getByLabelText('Reason (shoppers are told)'), reason);
  const go = screen.getByRole('button', { name: 'Cancel concert and refund everyone' }) as HTMLButtonElement;
  expect(go.disabled).toBe(true);
  await user.type(screen.getByLabelText(/to confirm$/), 'summer tour');
  expect(go.disabled).toBe(false);
  await user.click(go);
  return user;
}

describe('CancelConcert', () => {
  it('sends the trimmed reason once the name is typed back', async () => {
    const calls: unknown[] = [];
    const validation = { __typename: 'ValidationError', message: 'A reason of 1 to 500 characters is required', field: 'reason' };
    await openAndConfirm([cancelMock(validation, calls)], '  Storm  ');
    expect(await screen.findByText('A reason of 1 to 500 characters is required')).toBeTruthy();
    expect(calls).toEqual([{ concertId: 'C1', reason: 'Storm' }]);
    // The server's message sits by the field it names.
    expect(screen.getByLabelText('Reason (shoppers are told)').getAttribute('aria-invalid')).toBe('true');
  });

  it('asks for a reason before sending anything', async () => {
    const calls: unknown[] = [];
    // A mutation sent by mistake would reach this mock and be recorded.
    await openAndConfirm([cancelMock({ __typename: 'CancelConcertSuccess' }, calls)], '');
    expect(screen.getByRole('alert').textContent).toBe('Say why: shoppers are told the reason.');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).toEqual([]);
  });

  it('says a concert that vanished could not be cancelled', async () => {
    await openAndConfirm([cancelMock({ __typename: 'NotFoundError', message: 'Concert C1 not found' }, [])]);
    expect(await screen.findByText('Concert C1 not found')).toBeTruthy();
  });

  it('says the outcome is unknown when no answer came, and that trying again is safe', async () => {
    await openAndConfirm([cancelMock(new Error('socket hang up'), [])]);
    expect(await screen.findByText(/may or may not be cancelled\. Trying again is safe/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Cancel concert and refund everyone' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
