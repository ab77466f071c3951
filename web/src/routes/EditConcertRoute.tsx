import { useEffect } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useLocation, useParams } from 'react-router';
import { graphql } from '../gql/gql';
import { CancelConcert } from '../components/CancelConcert';
import { ConcertForm, type SaveOutcome } from '../components/ConcertForm';
import { PageTitle } from '../components/PageTitle';
import { SalesControls } from '../components/SalesControls';
import { ErrorState, Loading } from '../components/StatusMessages';
import { TierEditor } from '../components/TierEditor';
import { draftOf, type ConcertInput } from '../organizer/concertForm';
import { ConcertNotFound } from '../components/ConcertNotFound';

const OrganizerConcertQuery = graphql(/* GraphQL */ `
  query OrganizerConcert($id: ID!) {
    concert(id: $id) {
      id
      name
      venue
      timeZone
      startsAt
      onSaleAt
      maxTicketsPerOrder
      maxTicketsPerCustomer
      holdMinutes
      cancellation {
        status
      }
      ...SalesControls_concert
      ...TierEditor_concert
      ...CancelConcert_concert
    }
  }
`);

const UpdateConcertMutation = graphql(/* GraphQL */ `
  mutation UpdateConcert($id: ID!, $input: UpdateConcertInput!) {
    updateConcert(id: $id, input: $input) {
      __typename
      ... on ConcertChangeSuccess {
        concert {
          id
          name
          venue
          timeZone
          startsAt
          onSaleAt
          maxTicketsPerOrder
          salesStatus
        }
      }
      ... on Error {
        message
      }
      ... on ValidationError {
        field
      }
    }
  }
`);

export function EditConcertRoute() {
  const { id = '' } = useParams();
  const created = (useLocation().state as { created?: boolean } | null)?.created === true;
  const { data, error, loading, refetch, startPolling, stopPolling } = useQuery(OrganizerConcertQuery, { variables: { id } });
  const [updateConcert] = useMutation(UpdateConcertMutation);

  // The refund job reports no events of its own; while it runs, re-read its progress every second.
  const refunding = data?.concert?.cancellation?.status === 'RUNNING';
  useEffect(() => {
    if (!refunding) return;
    startPolling(1_000);
    return () => stopPolling();
  }, [refunding, startPolling, stopPolling]);

  if (loading && !data) return <Loading label="Loading concert…" />;
  if (error && !data) return <ErrorState title="This concert could not be loaded." error={error} onRetry={() => void refetch()} />;
  const concert = data?.concert;
  if (!concert) {
    return <ConcertNotFound area="organizer" />;
  }

  async function save(input: Partial<ConcertInput>): Promise<SaveOutcome> {
    const { data: answer } = await updateConcert({ variables: { id, input } });
    const result = answer?.updateConcert;
    if (result?.__typename === 'ConcertChangeSuccess') return { kind: 'saved' };
    if (result?.__typename === 'ValidationError') return { kind: 'rejected', field: result.field, message: result.message };
    return { kind: 'rejected', message: result?.message ?? 'The concert could not be saved.' };
  }

  return (
    <section className="concert-admin" aria-labelledby="concert-admin-title">
      <PageTitle>{`Edit ${concert.name}`}</PageTitle>
      <p className="breadcrumb">
        <Link to="/organizer">← Concerts</Link>
      </p>
      <div className="organizer__heading">
        <h1 id="concert-admin-title">{concert.name}</h1>
        <p className="organizer__links">
          <Link to={`/organizer/concerts/${encodeURIComponent(concert.id)}/orders`}>Orders</Link>
          <Link to={`/organizer/concerts/${encodeURIComponent(concert.id)}/analytics`}>Sales figures</Link>
          <Link to={`/organizer/concerts/${encodeURIComponent(concert.id)}/queue`}>Waiting room</Link>
        </p>
      </div>
      {created ? (
        <p className="notice" role="status">
          Concert created, unpublished. Check its tiers, then publish it.
        </p>
      ) : null}
      {concert.cancellation ? (
        // A cancelled concert sells nothing again: what is left to see is its refund job.
        <p className="notice" role="status">
          This concert is cancelled: its sales are closed for good, so its details, tiers and sales switches can no longer be changed.
        </p>
      ) : (
        <>
          <SalesControls concert={concert} />
          <h2>Details</h2>
          <ConcertForm key={concert.id} mode="edit" initial={draftOf(concert)} onSave={save} />
          <TierEditor concert={concert} />
        </>
      )}
      <CancelConcert concert={concert} />
    </section>
  );
}
