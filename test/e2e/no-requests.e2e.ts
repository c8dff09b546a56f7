import { expect, inject, it } from 'vitest';
import { sharedBrowser, watchErrors } from './browser.ts';

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();

it('on the snapshot no request leaves the app, and every row has a logo or a monogram', async () => {
  // No offline image stub here: any request off this host is counted (and aborted).
  const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
  const outside: string[] = [];
  await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => {
    outside.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  const page = await context.newPage();
  const errors = watchErrors(page);
  for (const path of ['/?source=snapshot', '/token/cardano?source=snapshot', '/compare?ids=cardano,tron&source=snapshot']) {
    await page.goto(`${baseUrl}${path}`);
    await page.waitForSelector('h1');
    await page.waitForLoadState('networkidle');
  }
  await page.goto(`${baseUrl}/?source=snapshot`);
  const table = page.getByRole('table', { name: 'Tokens' });
  await table.waitFor();
  const rows = table.getByRole('row');
  const monograms = await table.locator('.logo-monogram').evaluateAll((els) => els.map((el) => el.getAttribute('data-letters') ?? ''));
  expect(monograms.length).toBe((await rows.count()) - 1);
  expect(monograms.length).toBeGreaterThan(5);
  for (const m of monograms) expect(m).toMatch(/^[\p{L}\p{N}?]{1,2}$/u);
  expect(outside).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});
