import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, expect, inject, it } from 'vitest';
import { newPage, sharedBrowser, watchErrors } from './browser.ts';

interface SnapToken {
  id: string;
  name: string;
  rank: number;
  marketCap: number | null;
}
const snapshot: { tokens: SnapToken[] } = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/data/snapshot.json'), 'utf8'));
const byRank = snapshot.tokens.toSorted((a, b) => a.rank - b.rank);
const withCap = snapshot.tokens.filter((t) => t.marketCap !== null);
const largestCap = withCap.reduce((a, b) => ((b.marketCap ?? 0) > (a.marketCap ?? 0) ? b : a));
const smallestCap = withCap.reduce((a, b) => ((b.marketCap ?? 0) < (a.marketCap ?? 0) ? b : a));

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeEach(async () => {
  ({ context, page } = await newPage(browser(), { viewport: { width: 1280, height: 900 } }));
  errors = watchErrors(page);
  await page.goto(`${baseUrl}/`);
  await page
    .getByRole('table', { name: 'Tokens' })
    .getByRole('link', { name: byRank[0]?.name ?? '', exact: true })
    .waitFor();
});

afterEach(async () => {
  await context?.close();
});

const table = () => page.getByRole('table', { name: 'Tokens' });
const status = () => page.getByRole('status').filter({ hasText: 'tokens' });
/** Names in the rows the DOM holds, top to bottom. */
const shownNames = () => table().locator('tbody tr:not([aria-hidden]) td .name-cell a').allInnerTexts();

it('search "cardano", then open it by clicking its link', async () => {
  await page.getByRole('searchbox', { name: 'Search tokens' }).fill('cardano');
  await expect.poll(() => status().innerText()).toMatch(/^1 of 500 tokens match/);
  await table().getByRole('link', { name: 'Cardano' }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Cardano (ADA)');
  expect(new URL(page.url()).pathname).toBe('/token/cardano');
  expect(errors).toEqual([]);
});

it('sorts by a column header with the keyboard alone', async () => {
  // From the last filter, Tab walks the header buttons in order: Rank, Name, Symbol, Price, Market cap.
  await page.getByRole('combobox', { name: 'Category' }).focus();
  const focusedName = () => page.evaluate(() => document.activeElement?.textContent?.replace(/[▲▼\s]+$/u, '') ?? '');
  let presses = 0;
  while ((await focusedName()) !== 'Market cap' && presses < 12) {
    await page.keyboard.press('Tab');
    presses += 1;
  }
  expect(await focusedName()).toBe('Market cap');
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BUTTON');

  const header = table()
    .getByRole('columnheader')
    .filter({ has: page.getByRole('button', { name: 'Market cap' }) });
  await page.keyboard.press('Enter');
  await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
  await expect.poll(async () => (await shownNames())[0]).toBe(largestCap.name);

  await page.keyboard.press('Enter');
  await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
  await expect.poll(async () => (await shownNames())[0]).toBe(smallestCap.name);
  // Space works as well, and focus stays on the header.
  await page.keyboard.press('Space');
  await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
  expect(await focusedName()).toBe('Market cap');
  expect(errors).toEqual([]);
});

it('keeps fewer than 60 rows in the DOM for 500 tokens, also when scrolled to the end', async () => {
  await expect.poll(() => status().innerText()).toMatch(/^500 tokens · /);
  const trs = () => table().locator('tr').count();
  expect(await trs()).toBeLessThan(60);
  expect(await trs()).toBeGreaterThan(5);
  expect(await shownNames()).toEqual(byRank.slice(0, (await shownNames()).length).map((t) => t.name));

  await page.locator('.token-scroll').evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  const last = byRank.at(-1);
  await expect.poll(async () => (await shownNames()).at(-1)).toBe(last?.name);
  expect(await trs()).toBeLessThan(60);

  // Sorting from down there starts the new order at its top.
  await table().getByRole('button', { name: 'Market cap' }).click();
  await expect.poll(async () => (await shownNames())[0]).toBe(largestCap.name);
  await expect.poll(() => page.locator('.token-scroll').evaluate((el) => el.scrollTop)).toBe(0);
  await expect.poll(() => table().getByRole('link', { name: largestCap.name, exact: true }).isVisible()).toBe(true);
  expect(await page.locator('body').innerText()).not.toMatch(/NaN|Infinity|undefined/);
  expect(errors).toEqual([]);
});
