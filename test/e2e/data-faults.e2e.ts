import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { newPage, sharedBrowser, watchErrors } from './browser.ts';

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();
const recorded: unknown[] = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/cg-markets.json'), 'utf8'));
const snapshotAsOf: string = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/data/snapshot.json'), 'utf8')).asOf;
/** The app retries a retryable failure this many times before it gives up. */
const MAX_RETRIES = 3;

type Answer = (route: Route) => Promise<void>;

interface Fault {
  readonly name: string;
  readonly answer: Answer;
  readonly reason: string;
  /**
   * Retried within the test (a readable Retry-After, 5xx) or not: a body that is not JSON will not get
   * better, and a network error (which may be a rate limit) is waited out for a minute.
   */
  readonly retried: boolean;
  /** Named in a calm `status` (simply offline), not an `alert`. */
  readonly calm?: boolean;
}

const FAULTS: readonly Fault[] = [
  {
    name: 'HTTP 429 with Retry-After: 1',
    answer: (route) =>
      route.fulfill({ status: 429, headers: { 'retry-after': '1', 'content-type': 'application/json' }, body: '{"status":{"error_code":429}}' }),
    reason: 'HTTP 429',
    retried: true,
  },
  {
    name: 'HTTP 500',
    answer: (route) => route.fulfill({ status: 500, headers: { 'retry-after': '0' }, body: 'Internal Server Error' }),
    reason: 'HTTP 500',
    retried: true,
  },
  {
    name: 'an HTML page',
    answer: (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><html><body>Just a moment…</body></html>' }),
    reason: 'invalid response (HTML instead of JSON)',
    retried: false,
  },
  {
    name: 'truncated JSON',
    answer: (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(recorded).slice(0, 300) }),
    reason: 'invalid response (not JSON)',
    retried: false,
  },
  {
    name: 'a network failure',
    answer: (route) => route.abort('failed'),
    reason: 'network error or rate limit',
    retried: false,
    calm: true,
  },
];

/** Answers every request the app sends to its CoinGecko proxy (the static server has none). */
async function routeCoinGecko(page: Page, markets: Answer, global: Answer): Promise<{ markets: number; global: number }> {
  const count = { markets: 0, global: 0 };
  await page.route('**/proxy/coingecko/**', async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path.endsWith('/coins/markets')) {
      count.markets += 1;
      await markets(route);
    } else if (path.endsWith('/global')) {
      count.global += 1;
      await global(route);
    } else {
      await route.fulfill({ status: 404, body: 'not routed' });
    }
  });
  await page.route('**/proxy/tokenmetrics/**', (route) => route.fulfill({ status: 401, body: '' }));
  return count;
}

const globalOk: Answer = (route) =>
  route.fulfill({
    status: 200,
    contentType: 'application/json',
    body: JSON.stringify({ data: { total_market_cap: { usd: 3.2e12 }, market_cap_percentage: { btc: 57 }, updated_at: 1_739_123_044 } }),
  });

async function tokenRowCount(page: Page): Promise<number> {
  return page.getByRole('table', { name: 'Tokens' }).getByRole('row').count();
}

describe('live CoinGecko failures in a real browser', () => {
  it.each(FAULTS)(
    '$name: an alert (a calm status when offline) names CoinGecko and why; the snapshot keeps the table going',
    async (fault) => {
      const started = Date.now();
      const { context, page } = await newPage(browser(), { viewport: { width: 1280, height: 900 } });
      try {
        const errors = watchErrors(page);
        const count = await routeCoinGecko(page, fault.answer, fault.answer);
        await page.goto(`${baseUrl}/?source=coingecko`);

        const alert = page.getByRole(fault.calm ? 'status' : 'alert').filter({ hasText: 'unavailable from CoinGecko' });
        await alert.first().waitFor({ timeout: 20_000 });
        const text = await alert.first().innerText();
        expect(text).toContain('CoinGecko');
        expect(text).toContain(fault.reason);
        expect(text).toContain(snapshotAsOf.slice(0, 10));

        await page.getByRole('table', { name: 'Tokens' }).waitFor();
        await expect.poll(() => tokenRowCount(page)).toBeGreaterThan(5);
        await expect.poll(() => page.getByRole('table', { name: 'Tokens' }).getByRole('link', { name: 'Bitcoin', exact: true }).count()).toBe(1);
        const status = await page.getByRole('status').filter({ hasText: 'tokens' }).innerText();
        expect(status).toMatch(/^500 tokens · /);
        expect(await page.locator('body').innerText()).not.toMatch(/NaN|Infinity|undefined/);

        // The alert can show while the last retry is still on its way: wait for it, then count.
        if (fault.retried) await expect.poll(() => count.markets, { timeout: 20_000 }).toBe(1 + MAX_RETRIES);
        else expect(count.markets).toBe(1);
        expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
        // Only the failed requests themselves may be logged (Chromium logs a failed resource load).
        expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
        // Retries back off (1 s, 2 s, 4 s, or the readable Retry-After) but the fallback comes in bounded time.
        expect(Date.now() - started).toBeLessThan(20_000);
      } finally {
        await context.close();
      }
    },
    30_000,
  );

  it("a live row beyond the engine's limits (price 1e308) is dropped and counted; its link finds no token, never a crash", async () => {
    const { context, page } = await newPage(browser(), { viewport: { width: 1280, height: 900 } });
    try {
      const errors = watchErrors(page);
      const rows = recorded.map((r, i) => (i === 0 ? { ...(r as Record<string, unknown>), current_price: 1e308 } : r));
      const first = (recorded[0] as { id: string; name: string }) ?? { id: '', name: '' };
      await routeCoinGecko(
        page,
        (route) => {
          const n = new URL(route.request().url()).searchParams.get('page') ?? '';
          return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(n === '1' ? rows : []) });
        },
        globalOk,
      );
      await page.goto(`${baseUrl}/?source=coingecko`);
      const status = page.getByRole('status').filter({ hasText: 'tokens' });
      await expect
        .poll(() => status.innerText(), { timeout: 10_000 })
        .toMatch(new RegExp(`^${recorded.length - 1} tokens · CoinGecko \\(live\\).* · 1 invalid rows left out`));
      expect(await page.getByRole('table', { name: 'Tokens' }).getByRole('link', { name: first.name, exact: true }).count()).toBe(0);
      await page.goto(`${baseUrl}/token/${first.id}?source=coingecko`);
      await page.getByRole('heading', { level: 1, name: 'Token not found' }).waitFor({ timeout: 10_000 });
      expect(await page.locator('body').innerText()).not.toMatch(/NaN|Infinity|could not be shown/);
      expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('recorded rows and a global body: the status line names the live source', async () => {
    const { context, page } = await newPage(browser(), { viewport: { width: 1280, height: 900 } });
    try {
      const errors = watchErrors(page);
      const pages: string[] = [];
      await routeCoinGecko(
        page,
        (route) => {
          const n = new URL(route.request().url()).searchParams.get('page') ?? '';
          pages.push(n);
          return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(n === '1' ? recorded : []) });
        },
        globalOk,
      );
      await page.goto(`${baseUrl}/?source=coingecko`);
      const status = page.getByRole('status').filter({ hasText: 'tokens' });
      await expect
        .poll(() => status.innerText(), { timeout: 10_000 })
        .toMatch(new RegExp(`^${recorded.length} tokens · CoinGecko \\(live\\) · prices of 2025-02-09`));
      expect(await page.getByRole('alert').count()).toBe(0);
      expect(await tokenRowCount(page)).toBe(recorded.length + 1);
      expect(pages).toEqual(['1', '2']);
      expect(await page.locator('body').innerText()).not.toMatch(/NaN|Infinity|undefined/);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
