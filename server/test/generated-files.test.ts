import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/graphql/schema.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const contractCheck = join(repoRoot, '..', 'shared', 'check-contract.mjs');

describe('generated files', () => {
  it('schema.graphql is what the Pothos schema prints (run `npm run schema:print`)', () => {
    const committed = readFileSync(join(repoRoot, 'schema.graphql'), 'utf8');
    expect(committed).toBe(`${printSchema(schema)}\n`);
  });

  it('the migrations cover db/schema.ts (run `npm run db:generate`)', () => {
    const out = mkdtempSync(join(tmpdir(), 'migrations-'));
    try {
      cpSync(join(repoRoot, 'server', 'drizzle'), out, { recursive: true });
      const before = readdirSync(out).sort();
      execFileSync(
        join(repoRoot, 'node_modules', '.bin', 'drizzle-kit'),
        ['generate', '--dialect', 'postgresql', '--schema', './server/src/db/*schema.ts', '--out', out],
        { cwd: repoRoot, stdio: 'pipe' },
      );
      expect(readdirSync(out).sort()).toEqual(before);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('the public contract', () => {
  it.runIf(existsSync(contractCheck))('schema.graphql stays compatible with ../shared/contract.graphql', () => {
    const output = execFileSync(process.execPath, [contractCheck, 'schema.graphql'], { cwd: repoRoot, encoding: 'utf8' });
    expect(output).toMatch(/is compatible with the contract/);
  });
});
