import { useMutation } from '@apollo/client/react';
import { Link, useNavigate } from 'react-router';
import { graphql } from '../gql/gql';
import { ConcertForm, type SaveOutcome } from '../components/ConcertForm';
import { PageTitle } from '../components/PageTitle';
import { blankDraft, type ConcertInput } from '../organizer/concertForm';

const CreateConcertMutation = graphql(/* GraphQL */ `
  mutation CreateConcert($input: CreateConcertInput!) {
    createConcert(input: $input) {
      __typename
      ... on ConcertChangeSuccess {
        concert {
          id
        }
      }
      ... on ValidationError {
        field
        message
      }
    }
  }
`);

export function NewConcertRoute() {
  const navigate = useNavigate();
  // The concert list gains a row; it is read again when shown.
  const [createConcert] = useMutation(CreateConcertMutation, { refetchQueries: ['OrganizerConcerts'] });

  async function save(input: Partial<ConcertInput>): Promise<SaveOutcome> {
    const { data } = await createConcert({ variables: { input: input as ConcertInput & { tiers: NonNullable<ConcertInput['tiers']> } } });
    const result = data?.createConcert;
    if (result?.__typename === 'ConcertChangeSuccess') {
      // Created unpublished: its page is where tiers are adjusted and it is published.
      void navigate(`/organizer/concerts/${encodeURIComponent(result.concert.id)}`, { state: { created: true } });
      return { kind: 'saved' };
    }
    if (result?.__typename === 'ValidationError') return { kind: 'rejected', field: result.field, message: result.message };
    return { kind: 'rejected', message: 'The concert could not be created.' };
  }

  return (
    <section aria-labelledby="new-concert-title">
      <PageTitle>New concert</PageTitle>
      <p className="breadcrumb">
        <Link to="/organizer">← Concerts</Link>
      </p>
      <h1 id="new-concert-title">New concert</h1>
      <p>It is created unpublished: nobody but organizers sees it until you publish it.</p>
      <ConcertForm mode="create" initial={blankDraft(Intl.DateTimeFormat().resolvedOptions().timeZone)} onSave={save} />
    </section>
  );
}
