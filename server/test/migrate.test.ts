import { is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as analyticsSchema from '../src/db/analytics-schema.ts';
import * as authSchema from '../src/db/auth-schema.ts';
import * as paymentsSchema from '../src/db/payments-schema.ts';
import * as bookingSchema from '../src/db/schema.ts';
import * as waitingRoomSchema from '../src/db/waiting-room-schema.ts';
import { describe, expect, it } from 'vitest';
import { migrateDatabase } from '../src/db/migrate.ts';
import { testDatabaseUrl } from './support/test-app.ts';

describe('migrateDatabase', () => {
  it('is safe when several instances migrate one fresh database at once', async () => {
    const admin = new pg.Client({ connectionString: testDatabaseUrl() });
    await admin.connect();
    const name = `migrate_race_${Date.now()}`;
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(testDatabaseUrl());
    url.pathname = `/${name}`;
    try {
      await Promise.all(Array.from({ length: 4 }, () => migrateDatabase(url.toString())));
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      const { rows } = await client.query(
        `SELECT count(*)::int AS tables FROM information_schema.tables WHERE table_schema = 'public'`,
      );
      await client.end();
      // Every table of db/*schema.ts, each created once.
      expect(rows[0].tables).toBe([bookingSchema, paymentsSchema, authSchema, analyticsSchema, waitingRoomSchema].flatMap((module) => Object.values(module)).filter((value) => is(value, PgTable)).length);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
