import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's chromium, as CI installs it. */
export const chromiumPath = process.env.FERRY_CHROMIUM ?? '/usr/bin/chromium';

/** Screenshots land here (git-ignored). */
export const artifactsDir = fileURLToPath(new URL('../../../../test-artifacts/web-e2e/', import.meta.url));

/** One headless Chromium with a fresh profile, its page, and what the page logged. */
export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors (a journey fails if any appear). */
  pageErrors: string[];
  /** Saves a full-page screenshot as test-artifacts/web-e2e/NN-name.png and answers its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /**
   * Lets the test inject scripts (axe-core) past the server's Content-Security-Policy. Only for journeys that
   * audit pages; the others keep the policy a person's browser enforces.
   */
  bypassCSP?: boolean;
}

/**
 * Launches Debian's chromium through playwright-core with a fresh user-data-dir, no network beyond the test
 * server, and a desktop viewport.
 *
 * @example
 * const browser = await launchBrowser();
 * await browser.page.goto(url);
 */
export async function launchBrowser(options: LaunchOptions = {}): Promise<BrowserSession> {
  const profile = await mkdtemp(join(tmpdir(), 'ferry-chromium-'));
  await mkdir(artifactsDir, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
    bypassCSP: options.bypassCSP ?? false,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  let shot = 0;
  return {
    context,
    page,
    pageErrors,
    screenshot: async (name) => {
      shot += 1;
      const file = join(artifactsDir, `${String(shot).padStart(2, '0')}-${name}.png`);
      // From the top, so the fixed top bar is drawn where it belongs in the full-page image.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
