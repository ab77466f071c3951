import { safeLocalStorage } from '../auth/guestId';

const KEY = 'encore.bookingLinks';
// Enough for a guest's recent orders; the oldest is forgotten first.
const MAX_REMEMBERED = 20;

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
type Remembered = { id: string; token: string }[];

/** The booking page's address: the booking, and for a guest the secret that lets them see it. */
export function bookingPath(bookingId: string, accessToken?: string | null) {
  const path = `/bookings/${encodeURIComponent(bookingId)}`;
  return accessToken ? `${path}?access=${encodeURIComponent(accessToken)}` : path;
}

function read(storage: StorageLike | null): Remembered {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((entry): entry is Remembered[number] => typeof entry?.id === 'string' && typeof entry?.token === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * The links of bookings this browser made or opened, so a guest who comes back by a link without
 * the secret (the emails' links carry none) still finds their booking on the same device. The
 * secret is no more exposed here than in the browser's history, where its link already is.
 */
export function rememberBookingLink(bookingId: string, accessToken: string, storage: StorageLike | null = safeLocalStorage()) {
  try {
    const others = read(storage).filter((entry) => entry.id !== bookingId);
    storage?.setItem(KEY, JSON.stringify([{ id: bookingId, token: accessToken }, ...others].slice(0, MAX_REMEMBERED)));
  } catch {
    // Storage full or refused: the link in the address bar still works.
  }
}

export function rememberedAccessToken(bookingId: string, storage: StorageLike | null = safeLocalStorage()): string | null {
  return read(storage).find((entry) => entry.id === bookingId)?.token ?? null;
}

/** On sign-out: a shared computer should not keep opening the bookings made on it. */
export function forgetBookingLinks(storage: StorageLike | null = safeLocalStorage()) {
  try {
    storage?.removeItem(KEY);
  } catch {
    // Nothing to forget.
  }
}
