import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/**
 * Serves the web app's production build; paths that are not files get index.html (client-side routes).
 * In production a source map (`*.map`, which holds the app's full sources) is 404 even if a build left one.
 */
export function createStaticHandler(root: string, { production = false }: { production?: boolean } = {}) {
  const index = join(root, 'index.html');
  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (!existsSync(index)) {
      res.writeHead(503, { 'content-type': 'text/plain' }).end('The web app is not built yet: run `npm run build`.\n');
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      pathname = '\0';
    }
    // Malformed percent-encoding, or a NUL byte no file name can hold: nothing to look up.
    if (pathname.includes('\0')) {
      res.writeHead(400).end();
      return;
    }
    if (production && pathname.toLowerCase().endsWith('.map')) {
      res.writeHead(404).end();
      return;
    }
    const candidate = normalize(join(root, pathname));
    const insideRoot = candidate === root || candidate.startsWith(root + sep);
    const file = insideRoot && existsSync(candidate) && statSync(candidate).isFile() ? candidate : index;
    const hashedAsset = file.includes(`${sep}assets${sep}`);
    res.writeHead(200, {
      'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
      // Vite fingerprints asset names, so they never change; index.html must always be fresh.
      'cache-control': hashedAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  };
}
