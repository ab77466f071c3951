import { safeLocalStorage } from '../auth/guestId';

// An admission token kept per concert, so the concert page can open the booking form at once after
// the waiting room moves the shopper there, and again after a reload. It is only a shortcut: the
// server holds the truth, and the waiting room can always read the token again (myQueueTicket).
// localStorage rather than sessionStorage: every tab of this browser shares one place in line.

export interface Admission {
  token: string;
  /** ISO time the admission ends (QueueTicket.admissionExpiresAt). */
  expiresAt: string;
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const keyOf = (concertId: string) => `encore.admission.${concertId}`;

export function saveAdmission(concertId: string, admission: Admission, storage: Store | null = safeLocalStorage()) {
  try {
    storage?.setItem(keyOf(concertId), JSON.stringify(admission));
  } catch {
    // Storage full or refused: the waiting room reads the token again when needed.
  }
}

/** The stored admission if it is still good at `now`; an expired or unreadable one is dropped. */
export function loadAdmission(concertId: string, now = Date.now(), storage: Store | null = safeLocalStorage()): Admission | null {
  let raw: string | null | undefined;
  try {
    raw = storage?.getItem(keyOf(concertId));
  } catch {
    return null;
  }
  if (!raw) return null;
  const admission = parse(raw);
  if (!admission || Date.parse(admission.expiresAt) <= now) {
    clearAdmission(concertId, storage);
    return null;
  }
  return admission;
}

export function clearAdmission(concertId: string, storage: Store | null = safeLocalStorage()) {
  try {
    storage?.removeItem(keyOf(concertId));
  } catch {
    // Nothing to do: a stale token is refused by the server and cleared then.
  }
}

function parse(raw: string): Admission | null {
  try {
    const value = JSON.parse(raw) as Partial<Admission> | null;
    if (typeof value?.token !== 'string' || typeof value.expiresAt !== 'string' || Number.isNaN(Date.parse(value.expiresAt))) return null;
    return { token: value.token, expiresAt: value.expiresAt };
  } catch {
    return null;
  }
}
