import { expect, inject, it } from 'vitest';
import { newPage, sharedBrowser, watchErrors } from './browser.ts';

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();

it('a CoinGecko 429 without Retry-After: rows within 1.5 s, the 429 named within 2 s, no second request for 30 s', async () => {
  const { context, page } = await newPage(browser(), { viewport: { width: 1280, height: 800 } });
  try {
    const errors = watchErrors(page);
    let markets = 0;
    await page.route('**/proxy/coingecko/**', (route) => {
      if (new URL(route.request().url()).pathname.endsWith('/coins/markets')) markets += 1;
      return route.fulfill({ status: 429, contentType: 'application/json', body: '{"status":{"error_code":429}}' });
    });
    await page.route('**/proxy/tokenmetrics/**', (route) => route.fulfill({ status: 401, body: '' }));
    // A controllable clock (it still runs on its own): the retry's timer is the app's own setTimeout.
    await page.clock.install();
    const started = Date.now();
    await page.goto(`${baseUrl}/?source=coingecko`);
    await page.getByRole('table', { name: 'Tokens' }).getByRole('link', { name: 'Bitcoin', exact: true }).waitFor({ timeout: 1500 });
    expect(Date.now() - started).toBeLessThan(1500);
    const alert = page.getByRole('alert').filter({ hasText: 'HTTP 429' }).first();
    await alert.waitFor({ timeout: 2000 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await alert.innerText()).toMatch(/Live prices unavailable from CoinGecko: HTTP 429; next try in about 1 min\. Showing the embedded snapshot/);
    expect(markets).toBe(1);

    // Half a minute later the app has asked nothing more (the provider asks for a minute)...
    await page.clock.fastForward('00:30');
    await page.waitForTimeout(300);
    expect(markets).toBe(1);
    // ...and after the backoff it tries again, once.
    await page.clock.fastForward('01:00');
    await expect.poll(() => markets, { timeout: 5000 }).toBe(2);
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  } finally {
    await context.close();
  }
});
