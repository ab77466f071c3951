import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/auth/rate-limiter.ts';
import { createDatabase } from '../../src/db/client.ts';
import { testDatabaseUrl } from '../support/test-app.ts';

// The limiter on its own against the real counting statement, without an app around it.
const statements: string[] = [];
const database = createDatabase({ url: testDatabaseUrl(), poolSize: 2, onQuery: (sql) => statements.push(sql) });
afterAll(() => database.pool.end());

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("a busy key's allowance", () => {
  it('is counted again while half of it is left, so steady hits do not wait for the round trip', async () => {
    const limiter = new RateLimiter(database.run);
    const key = `refill-${randomUUID()}`;
    // 50 hits counted ahead per count; an hour's window, so the test seldom straddles its end.
    const quota = { max: 1_000_000, windowMs: 3_600_000 };
    expect(await limiter.hit(key, quota)).toMatchObject({ allowed: true });
    statements.length = 0;

    let waited = 0;
    for (let hit = 0; hit < 300; hit += 1) {
      await pause(2); // 25 hits, the half left when a count goes out, take at least 50 ms: ample for it
      const verdict = limiter.hit(key, quota);
      if (verdict instanceof Promise) waited += 1;
      expect(await verdict).toMatchObject({ allowed: true });
    }
    // Without the early count every 50th hit would wait (6 of 300); one may, at a window's end.
    expect(waited).toBeLessThanOrEqual(1);
    // Still about one statement per 50 hits, not one per hit.
    expect(statements.length).toBeGreaterThanOrEqual(5);
    expect(statements.length).toBeLessThanOrEqual(8);
  });
});
