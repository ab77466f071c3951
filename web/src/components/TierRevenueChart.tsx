import { useMemo } from 'react';
import uPlot from 'uplot';
import { graphql } from '../gql/gql';
import { useFragment, type FragmentType } from '../gql/fragment-masking';
import { formatMoney } from '../lib/format';
import { tierRevenueData } from '../organizer/salesSeries';
import { UPlotChart, type ChartOptions } from './UPlotChart';

export const TierRevenueChartFragment = graphql(/* GraphQL */ `
  fragment TierRevenueChart_report on SalesAnalytics {
    byTier {
      tier {
        id
        name
      }
      ticketsSold
      revenue {
        cents
        currency
      }
    }
  }
`);

/** Confirmed revenue of each tier, as bars in the tiers' display order. */
export function TierRevenueChart(props: { report: FragmentType<typeof TierRevenueChartFragment> }) {
  const { byTier } = useFragment(TierRevenueChartFragment, props.report);
  // Each live report brings a new byTier: the chart is rebuilt only when the tiers' names change (new options rebuild it, new data only redraws).
  const namesKey = byTier.map((row) => row.tier.name).join('\n');
  const currency = byTier[0]?.revenue.currency ?? 'USD';
  const options = useMemo(() => chartOptions(namesKey === '' ? [] : namesKey.split('\n'), currency), [namesKey, currency]);
  const data = useMemo<uPlot.AlignedData>(() => tierRevenueData(byTier), [byTier]);
  const anyRevenue = byTier.some((row) => row.revenue.cents > 0);

  return (
    <figure className="chart-figure" aria-labelledby="tier-revenue-title">
      <figcaption id="tier-revenue-title" className="chart-figure__title">
        Revenue by tier
      </figcaption>
      {byTier.length === 0 ? <div className="chart-empty">This concert has no tiers.</div> : null}
      {byTier.length > 0 && !anyRevenue ? <div className="chart-empty">No tier has confirmed revenue in this range yet.</div> : null}
      {anyRevenue ? <UPlotChart options={options} data={data} height={200} /> : null}
      {/* The table is the chart's text: screen readers read it, and tests assert on it. */}
      <table className="visually-hidden" aria-label="Revenue by tier">
        <thead>
          <tr>
            <th scope="col">Tier</th>
            <th scope="col">Tickets sold</th>
            <th scope="col">Revenue</th>
          </tr>
        </thead>
        <tbody>
          {byTier.map((row) => (
            <tr key={row.tier.id} data-testid="tier-revenue-row">
              <th scope="row">{row.tier.name}</th>
              <td>{row.ticketsSold}</td>
              <td>{formatMoney(row.revenue)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function chartOptions(names: string[], currency: string): ChartOptions {
  const money = new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 });
  return {
    legend: { show: false },
    cursor: { show: false },
    scales: {
      // Categories: x is the tier's index, half a slot of room either side.
      x: { time: false, range: () => [-0.5, names.length - 0.5] },
      y: { range: (_u, _min, max) => [0, Math.max(1, max)] },
    },
    axes: [
      { splits: () => names.map((_name, index) => index), values: (_u, splits) => splits.map((index) => names[index] ?? ''), grid: { show: false } },
      { values: (_u, splits) => splits.map((v) => money.format(v)) },
    ],
    series: [{}, { label: 'Revenue', fill: 'rgb(31 122 77 / 45%)', stroke: '#1f7a4d', paths: uPlot.paths.bars!({ size: [0.5, 96] }), points: { show: false } }],
  };
}
