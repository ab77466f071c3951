import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../gql/gql';

const ReleaseHoldMutation = graphql(/* GraphQL */ `
  mutation ReleaseHold($bookingId: ID!, $accessToken: String) {
    releaseHold(bookingId: $bookingId, accessToken: $accessToken) {
      __typename
      ... on ReleaseHoldSuccess {
        booking {
          id
          status
          holdRemainingMs
        }
      }
    }
  }
`);

/** Gives the held tickets back at once, so others can buy them; the booking page then says so. */
export function ReleaseHoldButton(props: { bookingId: string; accessToken: string | null; onSettled: () => void }) {
  const [releaseHold, { loading }] = useMutation(ReleaseHoldMutation);
  const [failed, setFailed] = useState(false);

  async function release() {
    setFailed(false);
    try {
      const { data } = await releaseHold({ variables: { bookingId: props.bookingId, accessToken: props.accessToken } });
      // Not held any more (paid, expired or released meanwhile): the booking page shows which.
      if (data?.releaseHold.__typename !== 'ReleaseHoldSuccess') props.onSettled();
    } catch {
      setFailed(true);
    }
  }

  return (
    <div className="release-hold">
      <button type="button" className="link-button" disabled={loading} onClick={() => void release()}>
        {loading ? 'Giving up these tickets…' : 'Give up these tickets'}
      </button>
      {failed ? (
        <p className="form-error" role="alert">
          We could not reach the box office; your tickets are still held. Try again.
        </p>
      ) : null}
    </div>
  );
}
