import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { SERVER_V8_FLAGS } from './runtime-flags.ts';

test('npm start runs the server with the same V8 flags as every spawned server', () => {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } };
  const start = manifest.scripts.start.split(/\s+/);
  const node = start.indexOf('node');
  expect(node).toBeGreaterThanOrEqual(0);
  expect(start.slice(node + 1, node + 1 + SERVER_V8_FLAGS.length)).toEqual([...SERVER_V8_FLAGS]);
});
