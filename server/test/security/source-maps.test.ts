import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticHandler } from '../../src/http/static-files.ts';
import viteConfig from '../../../web/vite.config.ts';

// A build with a source map next to its bundle, as `vite build` writes one with `sourcemap: 'hidden'`.
const root = mkdtempSync(join(tmpdir(), 'source-maps-'));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
writeFileSync(join(root, 'assets', 'app-1234.js'), 'console.log("app")');
writeFileSync(join(root, 'assets', 'app-1234.js.map'), '{"sourcesContent":["const SECRET_SOURCE = 1"]}');

const servers: Server[] = [];
const bases: Record<'production' | 'development', string> = { production: '', development: '' };
beforeAll(async () => {
  for (const mode of ['production', 'development'] as const) {
    const server = createServer(createStaticHandler(root, { production: mode === 'production' }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    bases[mode] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
});
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  rmSync(root, { recursive: true, force: true });
});

describe('source maps', () => {
  it('are never served in production, not even as the index.html fallback', async () => {
    for (const path of ['/assets/app-1234.js.map', '/assets/APP-1234.JS.MAP', '/assets/app-1234.js.map?x=1', '/assets/missing.js.map']) {
      const response = await fetch(`${bases.production}${path}`);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('SECRET_SOURCE');
    }
    expect((await fetch(`${bases.production}/assets/app-1234.js`)).status).toBe(200);
  });

  it('are served in development', async () => {
    expect(await (await fetch(`${bases.development}/assets/app-1234.js.map`)).text()).toContain('SECRET_SOURCE');
  });

  it('are not referenced from the production bundle: the build writes hidden maps or none', () => {
    expect([false, 'hidden']).toContain(viteConfig.build?.sourcemap ?? false);
  });
});
