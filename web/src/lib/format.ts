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

const dateFormatter = new Intl.DateTimeFormat('en-US', {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

export function formatDate(iso: string): string {
  return dateFormatter.format(new Date(iso));
}
