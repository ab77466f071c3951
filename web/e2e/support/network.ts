import type { Page } from 'playwright-core';

/**
 * The first request of this operation reaches the server and is carried out, but the browser never
 * hears back: the case idempotency keys exist for. Install before the page navigates.
 */
export function dropFirstResponse(page: Page, operationName: string) {
  let dropped = false;
  return page.route('**/graphql', async (route) => {
    const body = route.request().postDataJSON() as { operationName?: string } | null;
    if (body?.operationName === operationName && !dropped) {
      dropped = true;
      await route.fetch();
      await route.abort('connectionreset');
      return;
    }
    await route.fallback();
  });
}
