import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticHandler } from '../src/http/static-files.ts';

// A build folder with a secret beside it: nothing outside the folder may ever be served.
const parent = mkdtempSync(join(tmpdir(), 'static-files-'));
const root = join(parent, 'dist');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
writeFileSync(join(root, 'assets', 'app-1234.js'), 'console.log("app")');
writeFileSync(join(parent, 'secret.txt'), 'SECRET');
let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer(createStaticHandler(root));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(parent, { recursive: true, force: true });
});

/** A raw GET: unlike fetch, node:http sends the path exactly as given, dot segments and all. */
function get(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static files', () => {
  it('serves the build and falls back to index.html for client routes', async () => {
    expect(await get('/assets/app-1234.js')).toEqual({ status: 200, body: 'console.log("app")' });
    expect((await get('/concerts/abc')).body).toContain('<title>app</title>');
  });

  it.each([
    '/../secret.txt',
    '/../../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..%2fsecret.txt',
    '/%252e%252e%252fsecret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/%2e%2e%5c%2e%2e%5csecret.txt',
    '/assets%2f..%2f..%2fsecret.txt',
  ])('never serves a file outside the build for %s', async (path) => {
    const answer = await get(path);
    expect(answer.body).not.toContain('SECRET');
    expect([200, 400, 404]).toContain(answer.status);
  });

  it('answers 400 for a path that is not valid percent-encoding or holds a NUL byte', async () => {
    expect((await get('/%E0%A4%A')).status).toBe(400);
    const nul = await get('/index.html%00.js');
    expect(nul.body).not.toContain('SECRET');
    expect([400, 404]).toContain(nul.status);
  });
});
