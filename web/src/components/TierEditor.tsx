import { graphql } from '../gql/gql';
import { useFragment, type FragmentType } from '../gql/fragment-masking';
import { AddTierForm } from './AddTierForm';
import { TierRow } from './TierRow';

export const TierEditorFragment = graphql(/* GraphQL */ `
  fragment TierEditor_concert on Concert {
    id
    tiers {
      id
      ...TierRow_tier
    }
  }
`);

/** An existing concert's tiers, each edited and saved on its own, and a form to add one. */
export function TierEditor(props: { concert: FragmentType<typeof TierEditorFragment> }) {
  const concert = useFragment(TierEditorFragment, props.concert);
  return (
    <section className="tier-editor" aria-labelledby="tier-editor-title">
      <h2 id="tier-editor-title">Ticket tiers</h2>
      <ul className="tier-editor__list">
        {concert.tiers.map((tier, index) => (
          <TierRow key={tier.id} tier={tier} position={index + 1} />
        ))}
      </ul>
      <AddTierForm concertId={concert.id} />
    </section>
  );
}
