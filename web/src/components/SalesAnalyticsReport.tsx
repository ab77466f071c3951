import { graphql } from '../gql/gql';
import { useFragment, type FragmentType } from '../gql/fragment-masking';
import type { SalesBucket } from '../organizer/salesRange';
import { HoldsVsConfirmed } from './HoldsVsConfirmed';
import { SalesOverTimeChart } from './SalesOverTimeChart';
import { SalesTotals } from './SalesTotals';
import { SellThroughList } from './SellThroughList';
import { TierRevenueChart } from './TierRevenueChart';

// The query and the live subscription both select this, so a pushed report draws exactly like a fetched one.
export const SalesAnalyticsReportFragment = graphql(/* GraphQL */ `
  fragment SalesAnalyticsReport_report on SalesAnalytics {
    ...SalesTotals_report
    ...SalesOverTimeChart_report
    ...TierRevenueChart_report
    ...SellThroughList_report
    ...HoldsVsConfirmed_report
  }
`);

/** Lays the report's figures out: totals first, then time, then tiers, then where tickets stand. */
export function SalesAnalyticsReport(props: { report: FragmentType<typeof SalesAnalyticsReportFragment>; bucket: SalesBucket; timeZone: string }) {
  const report = useFragment(SalesAnalyticsReportFragment, props.report);
  return (
    <div className="sales-report">
      <SalesTotals report={report} />
      <div className="card">
        <SalesOverTimeChart report={report} bucket={props.bucket} timeZone={props.timeZone} />
      </div>
      <div className="sales-report__grid">
        <div className="card">
          <TierRevenueChart report={report} />
        </div>
        <div className="card">
          <SellThroughList report={report} />
        </div>
      </div>
      <div className="card">
        <HoldsVsConfirmed report={report} />
      </div>
    </div>
  );
}
