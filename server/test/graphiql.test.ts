import { afterAll, expect, it } from 'vitest';
import { createTestApp } from './support/test-app.ts';

const app = createTestApp({ production: true });
afterAll(() => app.stop());

it('serves GraphiQL at /graphql to a browser, in production too', async () => {
  const response = await app.yoga.fetch('http://yoga/graphql', { headers: { accept: 'text/html' } });
  expect(response.status).toBe(200);
  expect(await response.text()).toMatch(/Concert tickets API/);
});
