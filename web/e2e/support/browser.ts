import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const screenshotDir = fileURLToPath(new URL('../screenshots/', import.meta.url));

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
        const query = (request.postDataJSON() as { query?: string } | null)?.query;
        if (query) documentTexts.push(query);
      });
      page.on('websocket', (socket) =>
        socket.on('framesent', ({ payload }) => {
          const message = JSON.parse(String(payload)) as { type?: string; payload?: { query?: string } };
          if (message.type === 'subscribe' && message.payload?.query) documentTexts.push(message.payload.query);
        }),
      );
      await page.goto(path);
      return { page, problems, documentTexts };
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
// out just after, and the server then starts listening for that concert.
// Nothing tells the client when that is done, so give it a moment before a
// test makes a change it expects to hear about.
export async function waitUntilLive(page: Page) {
  await page.locator('[data-testid="connection-state"][data-state="live"]').waitFor();
  await page.waitForTimeout(250);
}
