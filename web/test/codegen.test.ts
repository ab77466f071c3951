// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { expect, it } from 'vitest';
import config from '../../codegen';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const gqlDir = resolve(repoRoot, 'web/src/gql');

// The committed web/src/gql must be exactly what `npm run codegen` produces
// from the current schema and documents; otherwise types, documents and the
// persisted-operations manifest the server allow-lists have drifted.
it('web/src/gql is up to date with schema.graphql and the documents', async () => {
  const outputs: { filename: string; content: string }[] = await generate({ ...config, cwd: repoRoot }, false);
  const generated = Object.fromEntries(
    outputs.map((output) => [relative(gqlDir, resolve(repoRoot, output.filename)), output.content]),
  );
  const committed = Object.fromEntries(
    readdirSync(gqlDir).map((name) => [name, readFileSync(resolve(gqlDir, name), 'utf8')]),
  );
  expect(Object.keys(committed).sort(), 'files in web/src/gql; run `npm run codegen`').toEqual(
    Object.keys(generated).sort(),
  );
  for (const [name, content] of Object.entries(generated)) {
    expect(committed[name], `web/src/gql/${name} is stale; run \`npm run codegen\``).toBe(content);
  }
}, 60_000);
