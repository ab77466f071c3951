import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../gql/gql';
import { useFragment, type FragmentType } from '../gql/fragment-masking';
import { formatMoney } from '../lib/format';
import { priceText, tierFieldOf, validateTier, type TierDraft, type TierErrors } from '../organizer/tierDraft';
import { TierDraftFields } from './TierDraftFields';

export const TierRowFragment = graphql(/* GraphQL */ `
  fragment TierRow_tier on TicketTier {
    id
    name
    capacity
    available
    price {
      cents
      currency
    }
  }
`);

const UpdateTierMutation = graphql(/* GraphQL */ `
  mutation UpdateTier($id: ID!, $input: UpdateTierInput!) {
    updateTier(id: $id, input: $input) {
      __typename
      ... on TierChangeSuccess {
        tier {
          id
          ...TierRow_tier
        }
      }
      ... on CapacityBelowSoldError {
        sold
        held
        requested
      }
      ... on ValidationError {
        field
        message
      }
    }
  }
`);

type Status = { kind: 'viewing'; saved?: boolean } | { kind: 'editing'; draft: TierDraft; errors: TierErrors; saving: boolean };

/** One tier: its figures, or (after Edit) its fields with the server's refusals shown at them. */
export function TierRow(props: { tier: FragmentType<typeof TierRowFragment>; position: number }) {
  const tier = useFragment(TierRowFragment, props.tier);
  const [updateTier] = useMutation(UpdateTierMutation);
  const [status, setStatus] = useState<Status>({ kind: 'viewing' });
  const idBase = `tier-${props.position}`;

  async function save(event: FormEvent) {
    event.preventDefault();
    if (status.kind !== 'editing' || status.saving) return;
    const checked = validateTier(status.draft);
    if ('errors' in checked) return setStatus({ ...status, errors: checked.errors });
    setStatus({ ...status, errors: {}, saving: true });
    try {
      const { data } = await updateTier({ variables: { id: tier.id, input: checked.input } });
      const result = data?.updateTier;
      if (result?.__typename === 'TierChangeSuccess') return setStatus({ kind: 'viewing', saved: true });
      let errors: TierErrors = { name: 'This tier no longer exists.' };
      if (result?.__typename === 'CapacityBelowSoldError') {
        errors = { capacity: `Capacity can’t go below ${result.sold + result.held}: ${result.sold} sold and ${result.held} held.` };
      } else if (result?.__typename === 'ValidationError') {
        errors = { [tierFieldOf(result.field) ?? 'name']: result.message };
      }
      setStatus({ ...status, errors, saving: false });
    } catch {
      setStatus({ ...status, errors: { name: 'We could not reach the box office; the tier may not have changed. Try again.' }, saving: false });
    }
  }

  if (status.kind === 'viewing') {
    const taken = tier.capacity - tier.available;
    return (
      <li className="tier-editor__tier" data-testid="tier-row">
        <span className="tier-editor__name">{tier.name}</span>
        <span>{formatMoney(tier.price)}</span>
        <span>
          {taken} sold or held of {tier.capacity}
        </span>
        <button
          type="button"
          className="button button--secondary"
          aria-label={`Edit ${tier.name}`}
          onClick={() => setStatus({ kind: 'editing', draft: { name: tier.name, price: priceText(tier.price.cents), capacity: String(tier.capacity) }, errors: {}, saving: false })}
        >
          Edit
        </button>
        <span role="status" className="tier-editor__saved">
          {status.saved ? 'Saved.' : ''}
        </span>
      </li>
    );
  }
  return (
    <li className="tier-editor__tier tier-editor__tier--editing" data-testid="tier-row">
      <form onSubmit={(event) => void save(event)} noValidate aria-label={`Edit tier ${tier.name}`}>
        <TierDraftFields
          idBase={idBase}
          label={tier.name}
          draft={status.draft}
          errors={status.errors}
          disabled={status.saving}
          onChange={(field, value) => setStatus({ ...status, draft: { ...status.draft, [field]: value }, errors: { ...status.errors, [field]: undefined } })}
        />
        <button type="submit" className="button button--primary" disabled={status.saving}>
          {status.saving ? 'Saving…' : 'Save tier'}
        </button>{' '}
        <button type="button" className="button button--secondary" disabled={status.saving} onClick={() => setStatus({ kind: 'viewing' })}>
          Cancel
        </button>
      </form>
    </li>
  );
}
