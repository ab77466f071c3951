// The table of `--processes=1,2`: each phase's throughput per process count and the ratio.
import type { ProcessComparison } from './processes.ts';

const fmt = (value: number, digits = 0) => (Number.isNaN(value) ? '–' : value.toFixed(digits));

export function printProcesses(comparison: ProcessComparison) {
  const { counts, byCount, ratio } = comparison;
  const names = { baseline: 'baseline { __typename }', hot: 'hot tier (bookTickets, 1 tier)', catalogue: 'catalogue (concert page)' } as const;
  const header = ['phase', ...counts.map((n) => `${n}p req/s`), `${counts.at(-1)}p ÷ ${counts[0]}p`, ...counts.map((n) => `${n}p p95 ms`), ...counts.map((n) => `${n}p µs CPU/req`), ...counts.map((n) => `${n}p cores (server, pg, client)`), 'errors'];
  const rows = [header];
  for (const phase of ['baseline', 'hot', 'catalogue'] as const) {
    const of = (n: number) => byCount[String(n)][phase];
    const consistent = counts.every((n) => of(n).consistent !== false);
    rows.push([
      `${names[phase]}${consistent ? '' : ' NOT CONSISTENT'}`,
      ...counts.map((n) => fmt(of(n).reqPerSec)),
      `${fmt(ratio[phase], 2)}×`,
      ...counts.map((n) => fmt(of(n).p95Ms, 1)),
      ...counts.map((n) => fmt(of(n).serverUsPerRequest)),
      ...counts.map((n) => ['server', 'postgres', 'client'].map((name) => fmt(of(n).cores[name] ?? NaN, 2)).join(', ')),
      counts.map((n) => fmt(of(n).errors)).join(' / '),
    ]);
  }
  const widths = header.map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  console.log([line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n'));
  console.log(`medians of ${comparison.rounds.length / counts.length} rounds per count; ${comparison.note}`);
}
