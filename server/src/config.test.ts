import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';

describe('readConfig', () => {
  it('has a default for everything', () => {
    const config = readConfig({});
    expect(config).toMatchObject({
      port: 4000,
      databaseUrl: undefined,
      embeddedPostgresPort: 54329,
      embeddedPostgresPortIsExplicit: false,
      seedDemo: false,
      poolSize: 20,
      production: false,
      logLevel: 'info',
      persistedOperations: 'allow',
      databaseTimeouts: { statementMs: 5_000, lockMs: 2_000, idleInTransactionMs: 10_000 },
      namedStatements: true,
      shutdownTimeoutMs: 15_000,
    });
    expect(config.dataDir).toMatch(/\.data$/);
    expect(config.persistedDocuments).toHaveLength(1);
  });

  it('treats an empty variable as unset', () => {
    expect(readConfig({ PORT: '', DATABASE_URL: '', LOG_LEVEL: '' })).toMatchObject({ port: 4000, databaseUrl: undefined, logLevel: 'info' });
  });

  it('reads each variable', () => {
    const config = readConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u:p@db/tickets',
      EMBEDDED_PG_PORT: '6000',
      SEED_DEMO: 'true',
      NODE_ENV: 'production',
      LOG_LEVEL: 'debug',
      PERSISTED_OPERATIONS: 'only',
      PERSISTED_DOCUMENTS: ' a.json , b.json ,, ',
      DB_LOCK_TIMEOUT_MS: '0',
      DB_NAMED_STATEMENTS: 'off',
      SHUTDOWN_TIMEOUT_MS: '100',
    });
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: 'postgres://u:p@db/tickets',
      embeddedPostgresPort: 6000,
      embeddedPostgresPortIsExplicit: true,
      seedDemo: true,
      production: true,
      logLevel: 'debug',
      persistedOperations: 'only',
      persistedDocuments: ['a.json', 'b.json'],
      namedStatements: false,
      shutdownTimeoutMs: 100,
    });
    expect(config.databaseTimeouts.lockMs).toBe(0);
  });

  it("allows Vite's origin in development only, and exactly CORS_ORIGINS when set", () => {
    expect(readConfig({}).corsOrigins).toEqual(['http://localhost:5173']);
    expect(readConfig({ NODE_ENV: 'production' }).corsOrigins).toEqual([]);
    expect(readConfig({ NODE_ENV: 'production', CORS_ORIGINS: 'https://a.example, https://b.example' }).corsOrigins).toEqual(['https://a.example', 'https://b.example']);
  });

  it.each([['-1'], ['1.5'], ['abc'], ['1e3'], ['0x10'], [' 12']])('refuses the integer %j, naming the variable', (raw) => {
    expect(() => readConfig({ DB_POOL_SIZE: raw })).toThrow(`DB_POOL_SIZE must be a non-negative integer, got "${raw}"`);
  });

  it('refuses a value outside a fixed set, naming the allowed ones', () => {
    expect(() => readConfig({ LOG_LEVEL: 'loud' })).toThrow('LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"');
    expect(() => readConfig({ DB_NAMED_STATEMENTS: 'yes' })).toThrow('DB_NAMED_STATEMENTS must be one of on, off');
  });
});
