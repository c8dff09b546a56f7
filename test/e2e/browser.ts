import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, with the flags this machine needs (no sandbox as root, no background network). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/** Collects page errors and console errors so a test can assert there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/** A 1x1 transparent PNG. */
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/**
 * This machine has no internet: token logos (CoinGecko's image CDN) would fail with
 * ERR_NAME_NOT_RESOLVED. Answer them as the CDN would, with an image, so tests see what a user sees.
 * Any other request off localhost is aborted (the app must not depend on one).
 */
export async function offlineImages(context: BrowserContext): Promise<void> {
  await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) =>
    route.request().resourceType() === 'image' ? route.fulfill({ status: 200, contentType: 'image/png', body: PIXEL }) : route.abort('internetdisconnected'),
  );
}

/**
 * The app asks for live prices by default; tests and measurements stay offline. Until a page saves
 * settings of its own, the saved choice is the embedded snapshot (a `?source=` in a URL still wins).
 */
export async function pinSnapshot(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const key = 'capbands.settings.v1';
    if (window.localStorage.getItem(key) === null) window.localStorage.setItem(key, JSON.stringify({ source: 'snapshot' }));
  });
}

/** A fresh context (its own storage) on the snapshot, with offline images handled, and a page in it. */
export async function newPage(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(options);
  await pinSnapshot(context);
  await offlineImages(context);
  return { context, page: await context.newPage() };
}

/**
 * Chromium for the tests where this is called (a file, or a `describe`): launched before them and closed
 * after them. Returns the browser, to be asked for inside a test or a hook (it is not there before).
 */
export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('The browser is launched in beforeAll: ask for it inside a test or a hook');
    return browser;
  };
}

/**
 * One page shared by all the tests where this is called, as `newPage` opens it, with its errors watched
 * (`errors()` holds every error since it opened). Like `sharedBrowser`, each part is there from beforeAll on.
 */
export function sharedPage(options: Parameters<Browser['newContext']>[0] = {}): { browser: () => Browser; page: () => Page; errors: () => string[] } {
  const browser = sharedBrowser();
  let opened: { page: Page; errors: string[] } | undefined;
  beforeAll(async () => {
    const { page } = await newPage(browser(), options);
    opened = { page, errors: watchErrors(page) };
  });
  const get = () => {
    if (!opened) throw new Error('The page opens in beforeAll: ask for it inside a test or a hook');
    return opened;
  };
  return { browser, page: () => get().page, errors: () => get().errors };
}
