import { createServer, connect, type Socket } from 'node:net';

/**
 * A TCP proxy in front of Postgres that a test can turn into a black hole: connections stay open
 * but nothing passes either way, as when a network path or a database host stops answering
 * without closing anything. (Stopping Postgres, by contrast, closes connections at once.)
 */
export async function startTcpProxy(target: { host: string; port: number }) {
  const pairs = new Set<[Socket, Socket]>();
  const accepted = new Set<Socket>();
  let blackHole = false;
  const server = createServer((client) => {
    accepted.add(client);
    client.once('close', () => accepted.delete(client));
    client.on('error', () => {});
    if (blackHole) return; // accepted, never answered
    const upstream = connect(target.port, target.host);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    client.once('close', () => pairs.delete(pair));
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };

  return {
    port,
    /** Postgres URL through the proxy. */
    url(databaseUrl: string) {
      const url = new URL(databaseUrl);
      url.host = `127.0.0.1:${port}`;
      return url.toString();
    },
    blackHole() {
      blackHole = true;
      for (const [client, upstream] of pairs) {
        client.unpipe(upstream);
        upstream.unpipe(client);
        client.pause();
        upstream.pause();
      }
    },
    /** The path works again; connections caught in the black hole are reset, as they would be then. */
    restore() {
      blackHole = false;
      for (const [, upstream] of pairs) upstream.destroy();
      for (const client of accepted) client.destroy();
    },
    async close() {
      for (const [, upstream] of pairs) upstream.destroy();
      for (const client of accepted) client.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
