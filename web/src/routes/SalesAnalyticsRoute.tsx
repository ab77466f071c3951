import { useEffect, useReducer, useRef, useState } from 'react';
import { useQuery, useSubscription } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { graphql } from '../gql/gql';
import type { SalesAnalyticsLiveSubscription } from '../gql/graphql';
import { ConnectionBadge } from '../components/ConnectionBadge';
import { PageTitle } from '../components/PageTitle';
import { SalesAnalyticsReport } from '../components/SalesAnalyticsReport';
import { SalesRangePicker } from '../components/SalesRangePicker';
import { SalesStatusBadge } from '../components/SalesStatusBadge';
import { ErrorState, Loading } from '../components/StatusMessages';
import { liveBucket, liveReportFits, queryArgs } from '../organizer/salesRange';
import { initialSalesView, salesViewReducer } from '../organizer/salesView';
import '../components/salesAnalytics.css';
import { ConcertNotFound } from '../components/ConcertNotFound';

const SalesAnalyticsPageQuery = graphql(/* GraphQL */ `
  query SalesAnalyticsPage($concertId: ID!, $from: DateTime, $to: DateTime, $bucket: SalesBucket!) {
    concert(id: $concertId) {
      id
      name
      timeZone
      salesStatus
    }
    salesAnalytics(concertId: $concertId, from: $from, to: $to, bucket: $bucket) {
      ...SalesAnalyticsReport_report
    }
  }
`);

// The server throttles this to one report a second per concert, however busy the on-sale.
const SalesAnalyticsLiveSubscription = graphql(/* GraphQL */ `
  subscription SalesAnalyticsLive($concertId: ID!, $bucket: SalesBucket!) {
    salesAnalyticsChanged(concertId: $concertId, bucket: $bucket) {
      ...SalesAnalyticsReport_report
    }
  }
`);

type PushedReport = SalesAnalyticsLiveSubscription['salesAnalyticsChanged'];

/**
 * One concert's sales dashboard. The subscription reports every booking of the concert: when the
 * page asks for all of them, the pushed report is drawn as is; for a narrower range it only says
 * "something changed", and the page re-reads its own range.
 */
export function SalesAnalyticsRoute() {
  const { id = '' } = useParams();
  const [view, dispatch] = useReducer(salesViewReducer, new Date(), initialSalesView);
  const args = queryArgs(view.range, view.bucket);
  const argsKey = JSON.stringify(args);
  // A pushed report belongs to the arguments it was drawn for; a later change of range leaves it behind.
  const [pushed, setPushed] = useState<{ key: string; report: PushedReport } | null>(null);
  const { data, previousData, error, loading, refetch } = useQuery(SalesAnalyticsPageQuery, {
    variables: { concertId: id, ...args },
    notifyOnNetworkStatusChange: true,
  });
  // Whichever came last is drawn: a fresh read supersedes an earlier push.
  useEffect(() => setPushed(null), [data]);
  const current = useRef({ argsKey, live: liveReportFits(args), refetch });
  current.current = { argsKey, live: liveReportFits(args), refetch };
  const subscription = useSubscription(SalesAnalyticsLiveSubscription, {
    variables: { concertId: id, bucket: liveBucket(view.bucket) },
    onData: ({ data: pushedData }) => {
      const report = pushedData.data?.salesAnalyticsChanged;
      if (!report) return;
      if (current.current.live) setPushed({ key: current.current.argsKey, report });
      else void current.current.refetch();
    },
  });

  const shown = data ?? previousData;
  if (!shown && error) return <ErrorState title="The sales figures could not be loaded." error={error} onRetry={() => void refetch()} />;
  if (!shown) return <Loading label="Loading sales figures…" />;
  const concert = shown.concert;
  if (!concert || !shown.salesAnalytics) {
    return <ConcertNotFound area="organizer" />;
  }
  const report = pushed?.key === argsKey ? pushed.report : shown.salesAnalytics;
  const path = `/organizer/concerts/${encodeURIComponent(concert.id)}`;

  return (
    <section className="sales-analytics" aria-labelledby="sales-analytics-title">
      <PageTitle>{`Sales · ${concert.name}`}</PageTitle>
      <p className="breadcrumb">
        <Link to={path}>← {concert.name}</Link>
      </p>
      <div className="organizer__heading">
        <h1 id="sales-analytics-title">Sales · {concert.name}</h1>
        <div className="sales-analytics__status">
          <SalesStatusBadge status={concert.salesStatus} />
          <ConnectionBadge subscriptionFailed={subscription.error !== undefined} />
        </div>
      </div>
      <SalesRangePicker key={`${view.range.from}/${view.range.to}`} view={view} timeZone={concert.timeZone} onChange={dispatch} />
      <p className="sales-analytics__updating" role="status" aria-live="polite">
        {/* Only a change of range: the live re-reads come every second during an on-sale and need no notice. */}
        {!data && loading ? 'Updating…' : ''}
      </p>
      {error ? <ErrorState title="The latest figures could not be loaded; these may be out of date." error={error} onRetry={() => void refetch()} /> : null}
      <SalesAnalyticsReport report={report} bucket={view.bucket} timeZone={concert.timeZone} />
    </section>
  );
}
