import { useMemo } from 'react';
import uPlot from 'uplot';
import { graphql } from '../gql/gql';
import { useFragment, type FragmentType } from '../gql/fragment-masking';
import { formatMoney } from '../lib/format';
import { overTimeSeries } from '../organizer/salesSeries';
import type { SalesBucket } from '../organizer/salesRange';
import { UPlotChart, type ChartOptions } from './UPlotChart';

export const SalesOverTimeChartFragment = graphql(/* GraphQL */ `
  fragment SalesOverTimeChart_report on SalesAnalytics {
    overTime {
      start
      tickets
      revenue {
        cents
        currency
      }
    }
  }
`);

const BUCKET_SECONDS: Record<SalesBucket, number> = { MINUTE: 60, HOUR: 3_600, DAY: 86_400 };
const BUCKET_WORDS: Record<SalesBucket, string> = { MINUTE: 'minute', HOUR: 'hour', DAY: 'day' };

/** Tickets sold per bucket as bars, and revenue as a running total on its own axis, in the venue's time zone. */
export function SalesOverTimeChart(props: { report: FragmentType<typeof SalesOverTimeChartFragment>; bucket: SalesBucket; timeZone: string }) {
  const { overTime } = useFragment(SalesOverTimeChartFragment, props.report);
  const { bucket, timeZone } = props;
  const series = useMemo(() => overTimeSeries(overTime), [overTime]);
  const currency = series.totalRevenue?.currency ?? 'USD';
  const options = useMemo(() => chartOptions(bucket, timeZone, currency), [bucket, timeZone, currency]);
  const data = useMemo<uPlot.AlignedData>(() => [series.x, series.tickets, series.cumulativeRevenue], [series]);
  const label = useMemo(() => bucketLabel(bucket, timeZone), [bucket, timeZone]);

  const summary = series.totalRevenue
    ? `${series.totalTickets} tickets sold for ${formatMoney(series.totalRevenue)} over ${series.x.length} ${BUCKET_WORDS[bucket]}${series.x.length === 1 ? '' : 's'} with sales.`
    : 'No confirmed sales in this range yet.';

  return (
    <figure className="chart-figure" aria-labelledby="over-time-title">
      <figcaption id="over-time-title" className="chart-figure__title">
        Tickets and revenue over time
      </figcaption>
      <p className="chart-figure__summary" data-testid="over-time-summary">
        {summary}
      </p>
      {series.x.length === 0 ? (
        <div className="chart-empty">New sales appear here as they happen.</div>
      ) : (
        <>
          <UPlotChart options={options} data={data} height={240} />
          <table className="visually-hidden" aria-label={`Tickets and revenue per ${BUCKET_WORDS[bucket]}`}>
            <thead>
              <tr>
                <th scope="col">{BUCKET_WORDS[bucket]} starting</th>
                <th scope="col">Tickets</th>
                <th scope="col">Revenue</th>
              </tr>
            </thead>
            <tbody>
              {overTime.map((point) => (
                <tr key={point.start}>
                  <th scope="row">{label(point.start)}</th>
                  <td>{point.tickets}</td>
                  <td>{formatMoney(point.revenue)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </figure>
  );
}

function chartOptions(bucket: SalesBucket, timeZone: string, currency: string): ChartOptions {
  const half = BUCKET_SECONDS[bucket] / 2;
  const money = new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 });
  return {
    // Buckets start at the venue's hour and midnight; the axis says the same clock.
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), timeZone),
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: {
      // Half a bucket either side, so the first and last bars are whole. A single point gets a bucket
      // either side: uPlot's own widening of a one-point time scale assumes milliseconds and spans years.
      x: {
        time: true,
        range: (u, min, max) => {
          const xs = u.data[0];
          return xs.length === 1 ? [xs[0]! - 2 * half, xs[0]! + 2 * half] : [min - half, max + half];
        },
      },
      tickets: { range: (_u, _min, max) => [0, Math.max(1, max)] },
      revenue: { range: (_u, _min, max) => [0, Math.max(1, max)] },
    },
    axes: [
      {},
      { scale: 'tickets', label: 'Tickets', values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? String(v) : '')) },
      { scale: 'revenue', side: 1, label: 'Revenue (running total)', grid: { show: false }, values: (_u, splits) => splits.map((v) => money.format(v)) },
    ],
    series: [
      {},
      { label: 'Tickets', scale: 'tickets', fill: 'rgb(91 43 214 / 35%)', stroke: '#5b2bd6', paths: uPlot.paths.bars!({ size: [0.6, 48] }), points: { show: false } },
      { label: 'Revenue', scale: 'revenue', stroke: '#1f7a4d', width: 2, paths: uPlot.paths.stepped!({ align: 1 }), points: { show: true, size: 5 } },
    ],
  };
}

function bucketLabel(bucket: SalesBucket, timeZone: string) {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    month: 'short',
    day: 'numeric',
    ...(bucket === 'DAY' ? {} : { hour: 'numeric', minute: '2-digit' }),
    timeZoneName: 'short',
  });
  return (iso: string) => format.format(new Date(iso));
}
