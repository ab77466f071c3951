import { useState, type FormEvent } from 'react';
import { BUCKET_LABELS, bucketsFor, PRESET_LABELS, rangeProblem, customRange, type RangePreset, type SalesBucket } from '../organizer/salesRange';
import type { SalesView, SalesViewAction } from '../organizer/salesView';
import { isoToWallTime, wallTimeToIso } from '../lib/zonedTime';

interface SalesRangePickerProps {
  view: SalesView;
  /** The venue's zone: custom ranges are typed on the venue's clock, like the concert's own times. */
  timeZone: string;
  onChange: (action: SalesViewAction) => void;
}

const PRESETS = Object.keys(PRESET_LABELS) as Exclude<RangePreset, 'custom'>[];

/** Presets in one click, a custom from/to, and the bucket size the range allows. */
export function SalesRangePicker({ view, timeZone, onChange }: SalesRangePickerProps) {
  const [from, setFrom] = useState(() => (view.range.from ? isoToWallTime(view.range.from, timeZone) : ''));
  const [to, setTo] = useState(() => (view.range.to ? isoToWallTime(view.range.to, timeZone) : ''));
  const [problem, setProblem] = useState<string | null>(null);
  const buckets = bucketsFor(view.range, new Date());

  function applyCustom(event: FormEvent) {
    event.preventDefault();
    const range = customRange(from ? wallTimeToIso(from, timeZone) : null, to ? wallTimeToIso(to, timeZone) : null);
    const message = rangeProblem(range);
    setProblem(message);
    if (!message) onChange({ type: 'custom', from: range.from, to: range.to, now: new Date() });
  }

  return (
    <div className="card sales-range">
      <div className="sales-range__presets" role="group" aria-label="Date range">
        {PRESETS.map((preset) => (
          <button
            key={preset}
            type="button"
            className={`chip${view.range.preset === preset ? ' chip--on' : ''}`}
            aria-pressed={view.range.preset === preset}
            onClick={() => onChange({ type: 'preset', preset, now: new Date() })}
          >
            {PRESET_LABELS[preset]}
          </button>
        ))}
      </div>
      <form className="sales-range__custom" aria-label="Custom date range" onSubmit={applyCustom}>
        <label>
          From <span className="visually-hidden">(venue time)</span>
          <input type="datetime-local" value={from} onChange={(event) => setFrom(event.target.value)} />
        </label>
        <label>
          To <span className="visually-hidden">(venue time)</span>
          <input type="datetime-local" value={to} onChange={(event) => setTo(event.target.value)} />
        </label>
        <button type="submit" className={`button button--secondary${view.range.preset === 'custom' ? ' chip--on' : ''}`}>
          Show range
        </button>
        <span className="sales-range__zone">Times in {timeZone}</span>
        {problem ? (
          <p className="field-error" role="alert">
            {problem}
          </p>
        ) : null}
      </form>
      <label className="sales-range__bucket">
        Buckets{' '}
        <select value={view.bucket} onChange={(event) => onChange({ type: 'bucket', bucket: event.target.value as SalesBucket, now: new Date() })}>
          {buckets.map((bucket) => (
            <option key={bucket} value={bucket}>
              {BUCKET_LABELS[bucket]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
