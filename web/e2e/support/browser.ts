import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
  beforeNavigate?: (page: Page) => Promise<void>;
}

export interface TrackedPage {
  page: Page;
  problems: string[];
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
      await page.goto(path);
      return { page, problems };
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
