import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../gql/gql';
import { useFragment, type FragmentType } from '../gql/fragment-masking';
import { formatDate } from '../lib/format';
import { SCOPE_WORDS } from './CreateApiKeyForm';

export const ApiKeyRowFragment = graphql(/* GraphQL */ `
  fragment ApiKeyRow_apiKey on ApiKey {
    id
    name
    start
    scopes
    requestsPerMinute
    enabled
    createdAt
  }
`);

const RevokeApiKeyMutation = graphql(/* GraphQL */ `
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      __typename
      ... on RevokeApiKeySuccess {
        apiKey {
          id
          enabled
        }
      }
      ... on NotFoundError {
        message
      }
    }
  }
`);

export function ApiKeyRow(props: { apiKey: FragmentType<typeof ApiKeyRowFragment> }) {
  const key = useFragment(ApiKeyRowFragment, props.apiKey);
  const [revoke, { loading }] = useMutation(RevokeApiKeyMutation);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const label = key.name ?? key.start ?? 'this key';

  async function confirm() {
    setProblem(null);
    try {
      const { data } = await revoke({ variables: { id: key.id } });
      if (data?.revokeApiKey.__typename === 'NotFoundError') setProblem(data.revokeApiKey.message);
      setConfirming(false);
    } catch {
      setProblem('We could not reach the box office; the key may still work. Revoking again is safe.');
    }
  }

  return (
    <tr data-testid="api-key-row">
      <th scope="row">
        {key.name ?? 'Unnamed'}
        <span className="organizer-table__sub">
          <code>{key.start}…</code>
        </span>
      </th>
      <td>{key.scopes.map((scope) => SCOPE_WORDS[scope]).join(', ')}</td>
      <td className="num">{key.requestsPerMinute ?? 'No limit'}</td>
      <td>{formatDate(key.createdAt)}</td>
      <td>
        {!key.enabled ? (
          <span className="tag tag--muted">Revoked</span>
        ) : confirming ? (
          <span role="group" aria-label={`Revoke ${label}?`}>
            <span>Partners using it are refused at once. </span>
            <button type="button" className="button button--danger" disabled={loading} onClick={() => void confirm()}>
              {loading ? 'Revoking…' : `Yes, revoke ${label}`}
            </button>{' '}
            <button type="button" className="button button--secondary" disabled={loading} onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </span>
        ) : (
          <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
            Revoke<span className="visually-hidden"> {label}</span>
          </button>
        )}
        {problem ? (
          <p className="form-error" role="alert">
            {problem}
          </p>
        ) : null}
      </td>
    </tr>
  );
}
