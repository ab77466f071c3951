// Organizers type show times as the venue's wall clock ("20:00 in Paris"), whatever zone their own
// computer is in; the server stores instants. These convert between the two with Intl only.

/** "2027-03-14T20:00" as <input type="datetime-local"> gives it. */
export type WallTime = string;

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function partsIn(zone: string, instant: number) {
  let formatter = partsFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    partsFormatters.set(zone, formatter);
  }
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = Object.fromEntries(formatter.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  const n = (type: Intl.DateTimeFormatPartTypes) => Number(parts[type] ?? 0);
  return { year: n('year'), month: n('month'), day: n('day'), hour: n('hour'), minute: n('minute'), second: n('second') };
}

/** How far the zone's clock is ahead of UTC at that instant, in ms. */
function offsetAt(zone: string, instant: number) {
  const p = partsIn(zone, instant);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant / 1000) * 1000;
}

export function isTimeZone(zone: string): boolean {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The instant a wall time in a zone names, or null for text that is not a wall time. A time that a
 * daylight-saving jump skips comes out an hour later, as clocks show it; one that repeats takes
 * its first occurrence.
 */
export function wallTimeToIso(wall: WallTime, zone: string): string | null {
  const match = WALL.exec(wall);
  if (!match || !isTimeZone(zone)) return null;
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0] = match.slice(1).map(Number);
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  // Two rounds settle on the offset in force at the result, across a daylight-saving change.
  let instant = asUtc - offsetAt(zone, asUtc);
  instant = asUtc - offsetAt(zone, instant);
  const earlier = asUtc - offsetAt(zone, instant - 3_600_000);
  if (earlier < instant && isoToWallTime(new Date(earlier).toISOString(), zone) === wall) instant = earlier;
  return new Date(instant).toISOString();
}

/** The wall time an instant shows in a zone, for a datetime-local input. */
export function isoToWallTime(iso: string, zone: string): WallTime {
  const p = partsIn(zone, new Date(iso).getTime());
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}

/** IANA zones the browser knows, for the venue's select; a few common ones when it cannot list them. */
export function timeZoneOptions(): string[] {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone');
  const zones = supported && supported.length > 0 ? supported : ['America/Los_Angeles', 'America/New_York', 'Europe/London', 'Europe/Paris', 'Asia/Tokyo'];
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}
