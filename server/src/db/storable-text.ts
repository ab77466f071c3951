/**
 * Text Postgres cannot store as sent: U+0000 ("invalid byte sequence for encoding UTF8: 0x00"),
 * and lone UTF-16 surrogates, which become U+FFFD on the way, so that two different idempotency
 * keys could turn into one.
 */
export const UNSTORABLE_TEXT = 'Text must be valid Unicode and may not contain the NUL character (U+0000).';

const UNSTORABLE = /[\0\p{Cs}]/u;

export const isStorableText = (text: string) => !UNSTORABLE.test(text);

/** Whether any string in a parsed JSON value (or a key of its objects) is unstorable. A loop, not recursion: JSON may nest deeper than the stack. */
export function hasUnstorableText(json: unknown): boolean {
  const pending: unknown[] = [json];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (!isStorableText(value)) return true;
    } else if (Array.isArray(value)) {
      for (const item of value) pending.push(item);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (!isStorableText(key)) return true;
        pending.push(item);
      }
    }
  }
  return false;
}
