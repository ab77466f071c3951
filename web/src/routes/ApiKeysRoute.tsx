import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql/gql';
import { ApiKeyRow } from '../components/ApiKeyRow';
import { CreateApiKeyForm } from '../components/CreateApiKeyForm';
import { PageTitle } from '../components/PageTitle';
import { ErrorState, Loading } from '../components/StatusMessages';

const ApiKeysQuery = graphql(/* GraphQL */ `
  query ApiKeys {
    apiKeys {
      id
      ...ApiKeyRow_apiKey
    }
  }
`);

export function ApiKeysRoute() {
  const { data, error, loading, refetch } = useQuery(ApiKeysQuery);
  return (
    <section aria-labelledby="api-keys-title">
      <PageTitle>Partner API keys</PageTitle>
      <h1 id="api-keys-title">Partner API keys</h1>
      <p>Partners send a key as the x-api-key header to read the catalogue and book for their customers.</p>
      <CreateApiKeyForm />
      {loading && !data ? <Loading label="Loading keys…" /> : null}
      {error && !data ? <ErrorState title="The keys could not be loaded." error={error} onRetry={() => void refetch()} /> : null}
      {data ? (
        data.apiKeys.length === 0 ? (
          <p>No keys yet.</p>
        ) : (
          <div className="table-scroll">
            <table className="organizer-table" aria-labelledby="api-keys-title">
              <thead>
                <tr>
                  <th scope="col">Key</th>
                  <th scope="col">May</th>
                  <th scope="col" className="num">
                    Requests / minute
                  </th>
                  <th scope="col">Created</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.apiKeys.map((key) => (
                  <ApiKeyRow key={key.id} apiKey={key} />
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
    </section>
  );
}
