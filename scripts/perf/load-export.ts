/** The load measure (JavaScript for `/`, first and largest contentful paint) and the PNG export timing. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { newPage } from '../../test/e2e/browser.ts';
import { idle, until } from './probe.ts';

export interface JsFile {
  readonly path: string;
  readonly bytes: number;
  readonly gzip: number;
}

export interface LoadRun {
  readonly js: readonly JsFile[];
  readonly fcp: number | null;
  readonly lcp: number | null;
}

/** gzip -9 of a file under `dist`, i.e. what a compressing server would send for it. */
function gzipSize(dist: string, pathname: string): { path: string; bytes: number; gzip: number } | null {
  const file = normalize(join(dist, decodeURIComponent(pathname)));
  if (!file.startsWith(dist) || !existsSync(file) || !statSync(file).isFile()) return null;
  const body = readFileSync(file);
  return { path: pathname, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length };
}

const PAINTS = `new Promise((ok) => {
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  let lcp = null;
  new PerformanceObserver((list) => {
    const entries = list.getEntries();
    lcp = entries[entries.length - 1].startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  setTimeout(() => ok({ fcp: fcp ? fcp.startTime : null, lcp }), 250);
})`;

/**
 * Opens `/` in a fresh context (empty cache and storage) at `rate`x CPU throttling, waits for the
 * token table and a quiet network, and lists every JavaScript file the page fetched.
 */
export async function loadRun(browser: Browser, baseUrl: string, dist: string, rate: number, firstRowName: string): Promise<LoadRun> {
  const { context, page } = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const scripts = new Set<string>();
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.origin !== baseUrl) return;
      if (response.request().resourceType() === 'script' || /\.m?js$/.test(url.pathname)) scripts.add(url.pathname);
    });
    await page.goto(`${baseUrl}/`, { waitUntil: 'load' });
    await page.getByRole('table', { name: 'Tokens' }).getByRole('link', { name: firstRowName, exact: true }).waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    const paints = await page.evaluate<{ fcp: number | null; lcp: number | null }>(PAINTS);
    const js = [...scripts].map((p) => gzipSize(dist, p) ?? { path: `${p} (not in dist)`, bytes: 0, gzip: 0 });
    return { js: js.toSorted((a, b) => b.gzip - a.gzip), ...paints };
  } finally {
    await context.close();
  }
}

const EXPORT_PROBE = `(() => {
  window.__perfExport = [];
  let started = null;
  addEventListener('click', (event) => {
    const t = event.target;
    if (t instanceof HTMLButtonElement && t.textContent.trim() === 'Export PNG') started = performance.now();
    else if (t instanceof HTMLAnchorElement && t.hasAttribute('download') && started !== null) {
      window.__perfExport.push(performance.now() - started);
      started = null;
    }
  }, { capture: true });
})();`;

export interface ExportTimes {
  /** From the click (sent by the test) to Playwright's download event, ms. */
  readonly clickToDownload: number[];
  /** Inside the page: the button's click listener to the file's link being clicked, ms. */
  readonly inPage: number[];
}

/** Exports the PNG of `/token/cardano` `runs` times at 1x CPU (after the chart is on screen). */
export async function exportTimes(browser: Browser, baseUrl: string, runs: number): Promise<ExportTimes> {
  const { context, page } = await newPage(browser, { viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  try {
    await page.addInitScript({ content: EXPORT_PROBE });
    await page.goto(`${baseUrl}/token/cardano`);
    await page.getByRole('figure', { name: 'Price bands chart' }).locator('svg.recharts-surface').waitFor();
    await idle(page);
    const button = page.getByRole('button', { name: 'Export PNG', exact: true });
    await button.scrollIntoViewIfNeeded();
    const clickToDownload: number[] = [];
    for (let i = 0; i < runs; i++) {
      await until(page, '!document.querySelector("button:disabled")');
      // A plain mouse click at the button (Playwright's own click first waits for the element to hold still).
      const box = await button.boundingBox();
      if (!box) throw new Error('Export PNG is not on screen');
      const started = performance.now();
      const [download] = await Promise.all([page.waitForEvent('download'), page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)]);
      clickToDownload.push(performance.now() - started);
      await download.delete();
    }
    const inPage = await page.evaluate<number[]>('window.__perfExport');
    return { clickToDownload, inPage };
  } finally {
    await context.close();
  }
}
