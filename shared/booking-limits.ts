// Rules of a booking request that the web app checks before sending and the server enforces.
// One copy, imported by both workspaces (server/src/booking/booking-request.ts and web/src),
// so the form never offers what the server will refuse. No imports: it must load in Node and Vite alike.

/** Tickets of one tier in one order. */
export const MIN_QUANTITY_PER_TIER = 1;
export const MAX_QUANTITY_PER_TIER = 10;

/** Distinct tiers in one order. */
export const MAX_ITEMS_PER_ORDER = 20;

/** RFC 5321's limit on a forward path. */
export const MAX_EMAIL_LENGTH = 254;
/** zod 4's default email rule (z.regexes.email), spelled out so the browser applies the same one. */
export const EMAIL_PATTERN =
  /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;

export const MIN_IDEMPOTENCY_KEY_LENGTH = 1;
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/** The email check both sides run, after trimming surrounding whitespace. */
export function isValidEmail(email: string): boolean {
  return email.length <= MAX_EMAIL_LENGTH && EMAIL_PATTERN.test(email);
}
