import { isTimeZone, isoToWallTime, wallTimeToIso, type WallTime } from '../lib/zonedTime';
import { emptyTier, tierFieldOf, validateTier, wholeNumber, type TierDraft, type TierInput } from './tierDraft';

// The concert form as a state machine: what the organizer typed (draft) apart from where saving
// stands (status). The rules mirror the server's (server/src/catalogue/concert-input.ts); what only
// the server can know still comes back as a ValidationError naming a field, shown at that field.

export interface ConcertDraft {
  name: string;
  venue: string;
  timeZone: string;
  /** Wall times in the venue's zone. */
  startsAt: WallTime;
  onSaleAt: WallTime;
  holdMinutes: string;
  maxTicketsPerOrder: string;
  maxTicketsPerCustomer: string;
  /** Only when creating: an existing concert's tiers are edited one by one (TierEditor). */
  tiers: TierDraft[];
}

export type ConcertField = Exclude<keyof ConcertDraft, 'tiers'>;
/** Keys: a field ("venue"), a tier's field ("tiers[1].capacity"), or "form". */
export type ConcertErrors = Record<string, string | undefined>;

export interface ConcertInput {
  name: string;
  venue: string;
  timeZone: string;
  startsAt: string;
  onSaleAt: string | null;
  holdMinutes?: number;
  maxTicketsPerOrder: number | null;
  maxTicketsPerCustomer?: number;
  tiers?: TierInput[];
}

export type Mode = 'create' | 'edit';

export type ConcertFormStatus =
  | { kind: 'editing'; errors: ConcertErrors }
  | { kind: 'saving'; input: Partial<ConcertInput> }
  | { kind: 'saved' };

export interface ConcertFormState {
  mode: Mode;
  /** What the concert is now (edit), to send only what changed. */
  initial: ConcertDraft;
  draft: ConcertDraft;
  status: ConcertFormStatus;
}

export type ConcertFormAction =
  | { type: 'fieldChanged'; field: ConcertField; value: string }
  | { type: 'tierChanged'; index: number; field: keyof TierDraft; value: string }
  | { type: 'tierAdded' }
  | { type: 'tierRemoved'; index: number }
  | { type: 'submitted'; now: number }
  | { type: 'rejected'; field: string | null | undefined; message: string }
  | { type: 'saved' };

export const MAX_TIERS = 20;
export const MAX_HOLD_MINUTES = 60;
export const MAX_TICKETS = 100;

export function blankDraft(timeZone = 'UTC'): ConcertDraft {
  return { name: '', venue: '', timeZone, startsAt: '', onSaleAt: '', holdMinutes: '10', maxTicketsPerOrder: '', maxTicketsPerCustomer: '8', tiers: [{ ...emptyTier }] };
}

/** An existing concert as the form shows it. */
export function draftOf(concert: {
  name: string;
  venue: string;
  timeZone: string;
  startsAt: string;
  onSaleAt?: string | null;
  maxTicketsPerOrder?: number | null;
  maxTicketsPerCustomer?: number;
  holdMinutes?: number;
}): ConcertDraft {
  return {
    name: concert.name,
    venue: concert.venue,
    timeZone: concert.timeZone,
    startsAt: isoToWallTime(concert.startsAt, concert.timeZone),
    onSaleAt: concert.onSaleAt ? isoToWallTime(concert.onSaleAt, concert.timeZone) : '',
    holdMinutes: concert.holdMinutes == null ? '' : String(concert.holdMinutes),
    maxTicketsPerOrder: concert.maxTicketsPerOrder == null ? '' : String(concert.maxTicketsPerOrder),
    maxTicketsPerCustomer: concert.maxTicketsPerCustomer == null ? '' : String(concert.maxTicketsPerCustomer),
    tiers: [],
  };
}

export function initialConcertForm(mode: Mode, draft: ConcertDraft): ConcertFormState {
  return { mode, initial: draft, draft, status: { kind: 'editing', errors: {} } };
}

function text(value: string, what: string, max: number): string | { error: string } {
  const trimmed = value.trim();
  if (!trimmed) return { error: `${what} must not be empty` };
  if (trimmed.length > max) return { error: `${what} must be at most ${max} characters` };
  return trimmed;
}

/** The input to send, or every broken rule by field. Blank optional counts: the server's default (create) or unchanged (edit). */
export function validateConcert(draft: ConcertDraft, mode: Mode, startsAtChanged: boolean, now: number): { input: ConcertInput } | { errors: ConcertErrors } {
  const errors: ConcertErrors = {};
  const name = text(draft.name, 'Name', 200);
  if (typeof name !== 'string') errors.name = name.error;
  const venue = text(draft.venue, 'Venue', 200);
  if (typeof venue !== 'string') errors.venue = venue.error;
  if (!isTimeZone(draft.timeZone)) errors.timeZone = 'Choose the venue’s time zone';
  const zone = isTimeZone(draft.timeZone) ? draft.timeZone : 'UTC';

  const startsAt = wallTimeToIso(draft.startsAt, zone);
  if (!startsAt) errors.startsAt = 'Enter the date and time the concert starts';
  else if (startsAtChanged && Date.parse(startsAt) <= now) errors.startsAt = 'The concert must start in the future';
  const onSaleAt = draft.onSaleAt ? wallTimeToIso(draft.onSaleAt, zone) : null;
  if (draft.onSaleAt && !onSaleAt) errors.onSaleAt = 'Enter a date and time, or leave empty to sell as soon as published';
  else if (onSaleAt && startsAt && Date.parse(onSaleAt) >= Date.parse(startsAt)) errors.onSaleAt = 'Sales must open before the concert starts';

  const optional = (field: ConcertField, what: string, min: number, max: number) => {
    if (!draft[field].trim()) return undefined;
    const value = wholeNumber(draft[field], what, min, max);
    if (typeof value === 'string') errors[field] = value;
    return typeof value === 'number' ? value : undefined;
  };
  const holdMinutes = optional('holdMinutes', 'Hold time', 1, MAX_HOLD_MINUTES);
  const maxTicketsPerOrder = optional('maxTicketsPerOrder', 'Tickets per order', 1, MAX_TICKETS) ?? null;
  const maxTicketsPerCustomer = optional('maxTicketsPerCustomer', 'Tickets per customer', 1, MAX_TICKETS);

  let tiers: TierInput[] | undefined;
  if (mode === 'create') {
    if (draft.tiers.length === 0) errors.form = 'A concert needs at least one tier';
    if (draft.tiers.length > MAX_TIERS) errors.form = `At most ${MAX_TIERS} tiers per concert`;
    tiers = draft.tiers.flatMap((tier, index) => {
      const checked = validateTier(tier);
      if ('input' in checked) return [checked.input];
      for (const [field, message] of Object.entries(checked.errors)) errors[`tiers[${index}].${field}`] = message;
      return [];
    });
  }
  if (Object.values(errors).some(Boolean)) return { errors };
  const input: ConcertInput = { name: name as string, venue: venue as string, timeZone: draft.timeZone, startsAt: startsAt!, onSaleAt, maxTicketsPerOrder, holdMinutes, maxTicketsPerCustomer };
  if (tiers) input.tiers = tiers;
  return { input };
}

const sendKeys: Record<keyof ConcertInput, ConcertField[]> = {
  name: ['name'],
  venue: ['venue'],
  timeZone: ['timeZone'],
  // A zone change moves both instants.
  startsAt: ['startsAt', 'timeZone'],
  onSaleAt: ['onSaleAt', 'timeZone'],
  holdMinutes: ['holdMinutes'],
  maxTicketsPerOrder: ['maxTicketsPerOrder'],
  maxTicketsPerCustomer: ['maxTicketsPerCustomer'],
  tiers: [],
};

/** For an edit, only the fields the organizer changed (updateConcert changes only the fields given). */
export function changedInput(input: ConcertInput, draft: ConcertDraft, initial: ConcertDraft): Partial<ConcertInput> {
  const changed: Partial<ConcertInput> = {};
  for (const key of Object.keys(input) as (keyof ConcertInput)[]) {
    if (key === 'tiers' || input[key] === undefined) continue;
    if (sendKeys[key].some((field) => draft[field] !== initial[field])) Object.assign(changed, { [key]: input[key] });
  }
  return changed;
}

/** Where a server ValidationError's field ("input.name", "tiers[0].priceCents") is shown. */
export function errorKeyOf(serverField: string | null | undefined, draft: ConcertDraft): string {
  const path = (serverField ?? '').replace(/^input\./, '');
  const tier = /^tiers\[(\d+)\]\.(\w+)$/.exec(path);
  if (tier) return `tiers[${tier[1]}].${tierFieldOf(tier[2]) ?? 'name'}`;
  return path in draft && path !== 'tiers' ? path : 'form';
}

export function concertFormReducer(state: ConcertFormState, action: ConcertFormAction): ConcertFormState {
  const saving = state.status.kind === 'saving';
  const errors = state.status.kind === 'editing' ? state.status.errors : {};
  const editing = (draft: ConcertDraft, cleared: string[]): ConcertFormState => ({
    ...state,
    draft,
    status: { kind: 'editing', errors: { ...errors, ...Object.fromEntries(cleared.map((key) => [key, undefined])), form: undefined } },
  });
  switch (action.type) {
    case 'fieldChanged':
      if (saving) return state;
      return editing({ ...state.draft, [action.field]: action.value }, [action.field]);
    case 'tierChanged': {
      if (saving) return state;
      const tiers = state.draft.tiers.map((tier, index) => (index === action.index ? { ...tier, [action.field]: action.value } : tier));
      return editing({ ...state.draft, tiers }, [`tiers[${action.index}].${action.field}`]);
    }
    case 'tierAdded':
      if (saving || state.draft.tiers.length >= MAX_TIERS) return state;
      return editing({ ...state.draft, tiers: [...state.draft.tiers, { ...emptyTier }] }, []);
    case 'tierRemoved':
      if (saving || state.draft.tiers.length <= 1) return state;
      // Errors are keyed by position; after a removal they would point at the wrong tier.
      return { ...state, draft: { ...state.draft, tiers: state.draft.tiers.filter((_, index) => index !== action.index) }, status: { kind: 'editing', errors: {} } };
    case 'submitted': {
      if (saving) return state;
      const startsAtChanged = state.mode === 'create' || state.draft.startsAt !== state.initial.startsAt || state.draft.timeZone !== state.initial.timeZone;
      const checked = validateConcert(state.draft, state.mode, startsAtChanged, action.now);
      if ('errors' in checked) return { ...state, status: { kind: 'editing', errors: checked.errors } };
      const input = state.mode === 'create' ? checked.input : changedInput(checked.input, state.draft, state.initial);
      if (Object.keys(input).length === 0) return { ...state, status: { kind: 'saved' } };
      return { ...state, status: { kind: 'saving', input } };
    }
    case 'rejected':
      if (!saving) return state;
      return { ...state, status: { kind: 'editing', errors: { [errorKeyOf(action.field, state.draft)]: action.message } } };
    case 'saved':
      if (!saving) return state;
      return { ...state, initial: state.draft, status: { kind: 'saved' } };
  }
}
