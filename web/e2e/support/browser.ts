import { EventEmitter, once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { ApiConcert } from './api';
import { nudgeSubscribers } from './concerts';

export const screenshotDir = fileURLToPath(new URL('../screenshots/', import.meta.url));
const docsDir = fileURLToPath(new URL('../../../docs/', import.meta.url));

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  // Opens a page that records console errors and uncaught exceptions.
  open(path: string, options?: OpenOptions): Promise<TrackedPage>;
  close(): Promise<void>;
}

export interface OpenOptions {
  viewport?: { width: number; height: number };
  // Runs before the first navigation, e.g. to route the page's WebSocket.
  beforeNavigate?: (page: Page) => Promise<unknown>;
}

export interface TrackedPage {
  page: Page;
  problems: string[];
  // GraphQL document text the page sent over HTTP or graphql-ws. The app
  // sends manifest hashes only, so this stays empty unless a hash was unknown.
  documentTexts: string[];
  // Emits 'next' for every subscription result the page receives over graphql-ws.
  live: EventEmitter;
}

// A fresh profile per run, so no cache, service worker or storage leaks in.
export async function launchBrowser(baseUrl: string): Promise<Browser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'concert-e2e-chromium-'));
  mkdirSync(screenshotDir, { recursive: true });
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    baseURL: baseUrl,
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    async open(path, options) {
      const page = await context.newPage();
      if (options?.viewport) await page.setViewportSize(options.viewport);
      await options?.beforeNavigate?.(page);
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
      const documentTexts: string[] = [];
      page.on('request', (request) => {
        if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return;
        // Not every POST is JSON: a test may send forms, which the server refuses.
        let query: string | undefined;
        try {
          query = (request.postDataJSON() as { query?: string } | null)?.query;
        } catch {
          return;
        }
        if (query) documentTexts.push(query);
      });
      const live = new EventEmitter();
      page.on('websocket', (socket) => {
        socket.on('framesent', ({ payload }) => {
          const message = JSON.parse(String(payload)) as { type?: string; payload?: { query?: string } };
          if (message.type === 'subscribe' && message.payload?.query) documentTexts.push(message.payload.query);
        });
        socket.on('framereceived', ({ payload }) => {
          if ((JSON.parse(String(payload)) as { type?: string }).type === 'next') live.emit('next');
        });
      });
      await page.goto(path);
      return { page, problems, documentTexts, live };
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

// One browser per test file, closed when the file is done; call at the top
// level of a test file and use the returned getter inside tests.
export function useBrowser(baseUrl: string): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser(baseUrl);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not running yet');
    return browser;
  };
}

// The leading number of a "42 / 100" count on the page.
export function leadingNumber(text: string | null): number {
  return Number(text?.split('/')[0]?.trim());
}

// "Live" means graphql-ws got its connection ack; the subscribe message goes
// out just after, and the server then starts listening for that concert, which
// nothing reports to the client. So nudge the concert's channel (a NOTIFY that
// changes nothing) until the page receives the pushed tiers: from then on the
// server is listening, and a change the test makes will be heard.
export async function waitUntilLive({ page, live }: TrackedPage, concert: ApiConcert) {
  await page.locator('[data-testid="connection-state"][data-state="live"]').waitFor();
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const heard = once(live, 'next', { signal: AbortSignal.timeout(500) }).then(
      () => true,
      () => false,
    );
    await nudgeSubscribers(concert);
    if (await heard) return;
  }
  throw new Error('the page never received a subscription result');
}

// Screenshots go to e2e/screenshots; the README's images (docs/) are rewritten
// only when asked: UPDATE_SCREENSHOTS=1 npm run test -w web -- --project e2e
export async function screenshot(page: Page, name: string, options: { docs?: boolean; fullPage?: boolean } = {}) {
  const fullPage = options.fullPage ?? true;
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage });
  if (options.docs && process.env.UPDATE_SCREENSHOTS === '1') {
    await page.screenshot({ path: join(docsDir, `${name}.png`), fullPage });
  }
}
