import { graphql } from '../gql/gql';
import { useFragment, type FragmentType } from '../gql/fragment-masking';
import { tierBars } from '../organizer/salesSeries';

export const SellThroughListFragment = graphql(/* GraphQL */ `
  fragment SellThroughList_report on SalesAnalytics {
    byTier {
      tier {
        id
        name
      }
      ticketsSold
      held
      capacity
      sellThrough
    }
  }
`);

/**
 * Sell-through per tier as plain HTML bars: a share of a capacity is one number per tier, which a
 * labelled bar shows as well as any chart and a screen reader reads without a table beside it.
 */
export function SellThroughList(props: { report: FragmentType<typeof SellThroughListFragment> }) {
  const { byTier } = useFragment(SellThroughListFragment, props.report);
  const bars = tierBars(byTier);
  return (
    <figure className="chart-figure" aria-labelledby="sell-through-title">
      <figcaption id="sell-through-title" className="chart-figure__title">
        Sell-through per tier
      </figcaption>
      {bars.length === 0 ? <div className="chart-empty">This concert has no tiers.</div> : null}
      <ul className="sell-through">
        {bars.map((bar) => (
          <li key={bar.id} className="sell-through__tier" data-testid="sell-through-tier">
            <span className="sell-through__name">{bar.name}</span>
            <span className="sell-through__figures">
              {bar.soldPercent}% sold · {bar.ticketsSold} of {bar.capacity}
              {bar.held > 0 ? ` · ${bar.held} held` : ''}
            </span>
            <span
              className="sell-through__track"
              role="img"
              aria-label={`${bar.name}: ${bar.ticketsSold} of ${bar.capacity} sold (${bar.soldPercent}%), ${bar.held} held`}
            >
              <span className="sell-through__sold" style={{ width: `${bar.soldShare * 100}%` }} />
              <span className="sell-through__held" style={{ width: `${bar.heldShare * 100}%` }} />
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
