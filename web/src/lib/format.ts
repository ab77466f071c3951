// Money is integer minor units; the formatter owns the conversion so no
// component does arithmetic on floats.
export interface Money {
  cents: number;
  currency: string;
}

const moneyFormatters = new Map<string, Intl.NumberFormat>();

export function formatMoney({ cents, currency }: Money): string {
  let formatter = moneyFormatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    moneyFormatters.set(currency, formatter);
  }
  return formatter.format(cents / 100);
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Show times go in the venue's zone, so a 7:30 PM show in Los Angeles reads 7:30 PM PDT from
 * anywhere; without a zone (e.g. when a booking was made) the shopper's own is used.
 */
export function formatDate(iso: string, timeZone?: string): string {
  const key = timeZone ?? 'local';
  let formatter = dateFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZone,
      timeZoneName: 'short',
    });
    dateFormatters.set(key, formatter);
  }
  return formatter.format(new Date(iso));
}

const timeFormatter = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });

/** A time today-ish in the shopper's own zone (e.g. "10:00 AM UTC"): when a line opens or draws. */
export function formatTime(iso: string): string {
  return timeFormatter.format(new Date(iso));
}
