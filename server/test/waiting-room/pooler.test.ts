import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/db/client.ts';
import { freePort } from '../../src/db/free-port.ts';
import { tickWaitingRooms } from '../../src/waiting-room/admission-ticker.ts';
import { testDatabaseUrl } from '../support/test-app.ts';
import { binary, renderConfig, scratchDir, startPgbouncer, type Engine } from '../topology/engines.ts';
import { addWaiters, admissions, at, createRoomConcert, createRoomTestApp, tick } from './room-support.ts';

// The ticker's lock is transaction-level, so it holds behind PgBouncer in transaction mode, where a
// session lock would be taken on one server connection and released on another.
const pgbouncerBin = binary('pgbouncer');
if (!pgbouncerBin) console.warn('waiting-room pooler test skipped: pgbouncer not installed (apt-get install pgbouncer)');

const app = createRoomTestApp();
const scratch = scratchDir();
let bouncer: Engine | undefined;
let pooled: ReturnType<typeof createDatabase>[] = [];

beforeAll(async () => {
  await app.start(0, '127.0.0.1');
  if (!pgbouncerBin) return;
  const direct = new URL(testDatabaseUrl());
  const port = await freePort();
  const config = renderConfig(scratch.dir, 'pgbouncer/pgbouncer.ini', [
    [/^concert_tickets = .*$/m, `concert_tickets = host=${direct.hostname} port=${direct.port} dbname=${direct.pathname.slice(1)} user=${decodeURIComponent(direct.username)} password=${decodeURIComponent(direct.password)}`],
    [/^listen_addr = .*$/m, 'listen_addr = 127.0.0.1'],
    [/^listen_port = .*$/m, `listen_port = ${port}`],
  ]);
  bouncer = await startPgbouncer(pgbouncerBin, config, port);
  // Two "instances", each with its own pool, both through the pooler, without named statements.
  pooled = [0, 1].map(() => createDatabase({ url: `postgres://app:unused@127.0.0.1:${port}/concert_tickets`, poolSize: 4, namedStatements: false }));
}, 60_000);

afterAll(async () => {
  await Promise.all(pooled.map((database) => database.pool.end()));
  await bouncer?.stop();
  scratch.remove();
  await app.stop();
});

describe.skipIf(!pgbouncerBin)('waiting room behind a transaction-mode pooler', () => {
  it('admits exactly the rate when two pooled instances tick every second at once', async () => {
    const { concert, onSaleAt } = await createRoomConcert(app, { admissionsPerMinute: 90 });
    await addWaiters(app, concert.id, 500);
    await tick(app, concert.id, onSaleAt!);
    for (let s = 1; s <= 60; s++) {
      const now = at(onSaleAt!, s);
      // Several ticks per instance per second, interleaved on the pooler's shared connections.
      const results = await Promise.all(pooled.flatMap(({ db }) => [0, 1].map(() => tickWaitingRooms(db, { concertId: concert.id, now }))));
      if (!results.some((statuses) => statuses.length > 0)) await tick(app, concert.id, now);
    }
    const { admitted } = await admissions(app, concert.id);
    expect(admitted).toEqual(Array.from({ length: 90 }, (_, i) => i + 1));
  });
});
