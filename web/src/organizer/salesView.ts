import { customRange, defaultBucket, fitBucket, presetRange, type RangePreset, type SalesBucket, type SalesRange } from './salesRange';

// What the analytics page shows: one range and one bucket, changed together so the bucket always
// fits the range (a reducer rather than two useStates that could disagree for a render).

export interface SalesView {
  range: SalesRange;
  bucket: SalesBucket;
}

export type SalesViewAction =
  | { type: 'preset'; preset: Exclude<RangePreset, 'custom'>; now: Date }
  | { type: 'custom'; from: string | null; to: string | null; now: Date }
  | { type: 'bucket'; bucket: SalesBucket; now: Date };

export function initialSalesView(now: Date): SalesView {
  const range = presetRange('sinceOnSale', now);
  return { range, bucket: fitBucket('HOUR', range, now) };
}

export function salesViewReducer(view: SalesView, action: SalesViewAction): SalesView {
  switch (action.type) {
    case 'preset': {
      // A preset is a whole view in one click: "Last hour" in hours would be a single bar.
      const range = presetRange(action.preset, action.now);
      return { range, bucket: defaultBucket(range, action.now) };
    }
    case 'custom': {
      const range = customRange(action.from, action.to);
      return { range, bucket: fitBucket(view.bucket, range, action.now) };
    }
    case 'bucket':
      return { ...view, bucket: fitBucket(action.bucket, view.range, action.now) };
  }
}
