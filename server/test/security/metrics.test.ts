import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app.ts';

// /metrics is answered by the Node server itself, not Yoga, so these need a port.
const apps = {
  productionWithoutToken: createTestApp({ production: true }),
  productionWithToken: createTestApp({ production: true, metricsToken: 's3cret-token' }),
  development: createTestApp({ production: false }),
};
const base: Partial<Record<keyof typeof apps, string>> = {};
beforeAll(async () => {
  for (const [name, app] of Object.entries(apps)) {
    const { port } = await app.start(0, '127.0.0.1');
    base[name as keyof typeof apps] = `http://127.0.0.1:${port}`;
  }
});
afterAll(() => Promise.all(Object.values(apps).map((app) => app.stop())));

const metrics = (name: keyof typeof apps, authorization?: string) =>
  fetch(`${base[name]}/metrics`, { headers: authorization ? { authorization } : {} });

describe('/metrics', () => {
  it('is not served on the public port in production without METRICS_TOKEN', async () => {
    const response = await metrics('productionWithoutToken');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('bookings_total');
  });

  it('needs the bearer token when METRICS_TOKEN is set', async () => {
    for (const wrong of [undefined, 'Bearer wrong', 'Bearer s3cret-toke', 'Basic czNjcmV0LXRva2Vu', 's3cret-token']) {
      const response = await metrics('productionWithToken', wrong);
      expect(response.status).toBe(401);
      expect(await response.text()).toBe('');
    }
    const allowed = await metrics('productionWithToken', 'Bearer s3cret-token');
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain('db_pool_connections');
  });

  it('stays open in development for the local Prometheus and the tests', async () => {
    expect((await metrics('development')).status).toBe(200);
  });
});
