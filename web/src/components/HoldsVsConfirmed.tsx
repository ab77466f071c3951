import { graphql } from '../gql/gql';
import { useFragment, type FragmentType } from '../gql/fragment-masking';
import { statusShares } from '../organizer/salesSeries';

export const HoldsVsConfirmedFragment = graphql(/* GraphQL */ `
  fragment HoldsVsConfirmed_report on SalesAnalytics {
    holdsVsConfirmed {
      held
      confirmed
      expired
      cancelled
    }
  }
`);

/** Where the range's tickets stand now: paid, still held, or let go; one stacked bar and its figures. */
export function HoldsVsConfirmed(props: { report: FragmentType<typeof HoldsVsConfirmedFragment> }) {
  const { holdsVsConfirmed } = useFragment(HoldsVsConfirmedFragment, props.report);
  const shares = statusShares(holdsVsConfirmed);
  const anyTickets = shares.some((share) => share.tickets > 0);
  return (
    <figure className="chart-figure" aria-labelledby="holds-title">
      <figcaption id="holds-title" className="chart-figure__title">
        Holds vs confirmed
      </figcaption>
      {anyTickets ? (
        <div className="status-bar" aria-hidden="true">
          {shares.map((share) => (share.share > 0 ? <span key={share.key} className={`status-bar__part status-bar__part--${share.key}`} style={{ width: `${share.share * 100}%` }} /> : null))}
        </div>
      ) : (
        <div className="chart-empty">No holds or bookings in this range yet.</div>
      )}
      <dl className="status-figures" data-testid="holds-vs-confirmed">
        {shares.map((share) => (
          <div key={share.key} className={`status-figures__item status-figures__item--${share.key}`}>
            <dt>{share.label}</dt>
            <dd>{share.tickets}</dd>
          </div>
        ))}
      </dl>
    </figure>
  );
}
