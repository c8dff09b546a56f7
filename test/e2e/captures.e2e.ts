import type { Locator, Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { newPage, sharedBrowser, watchErrors } from './browser.ts';

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();

/** Each body row's cells by column header text. */
async function rowsOf(_page: Page, table: Locator, count: number): Promise<Array<Record<string, string>>> {
  const headers = (await table.getByRole('columnheader').allTextContents()).map((h) => h.replace(/[▲▼]/g, '').trim());
  const out: Array<Record<string, string>> = [];
  for (let i = 1; i <= count; i++) {
    const cells = await table.getByRole('row').nth(i).getByRole('cell').allTextContents();
    out.push(Object.fromEntries(headers.map((h, k) => [h, (cells[k] ?? '').trim()])));
  }
  return out;
}

it('on / with default settings at 16T each token gets its own multiple, named source, and stablecoins keep $1', async () => {
  const { page } = await newPage(browser(), { viewport: { width: 1600, height: 1200 } });
  const errors = watchErrors(page);
  await page.goto(`${baseUrl}/`);
  const table = page.getByRole('table', { name: 'Tokens' });
  await table.waitFor();
  await expect.poll(async () => page.getByRole('radio', { name: 'Per token' }).isChecked()).toBe(true);

  const top = await rowsOf(page, table, 20);
  const pegged = top.filter((r) => /pegged/.test(r['Capture'] ?? ''));
  const free = top.filter((r) => !/pegged/.test(r['Capture'] ?? ''));
  expect(new Set(free.map((r) => r['Multiple'])).size).toBeGreaterThanOrEqual(10);
  // Every row names where its captures come from.
  for (const r of top) expect(r['Capture']).toMatch(/observed|no history: default|Token Metrics|pegged to|tracks /);
  for (const name of ['Tether', 'USDC']) {
    const row = pegged.find((r) => (r['Name'] ?? '').startsWith(name));
    expect(row, `${name} is pegged`).toBeDefined();
    expect(row?.['Scenario price']).toBe('$1.00');
    expect(row?.['Multiple']).toBe('pegged');
  }

  // Sorting by Multiple reorders the list (ties would keep the rank order).
  const byRank = top.map((r) => r['Name']);
  await table.getByRole('button', { name: 'Multiple' }).click();
  await expect.poll(async () => (await rowsOf(page, table, 20)).map((r) => r['Name'])).not.toEqual(byRank);
  const sorted = (await rowsOf(page, table, 10)).map((r) => Number((r['Multiple'] ?? '').replace(/[x,]/g, '')));
  expect([...sorted].sort((a, b) => b - a)).toEqual(sorted);

  // "Same for all" gives every non-pegged token the same multiple, as the model says it must.
  await page.getByRole('radio', { name: 'Same for all' }).check();
  await table.getByRole('button', { name: 'Rank' }).click();
  await expect
    .poll(async () => new Set((await rowsOf(page, table, 20)).filter((r) => !/pegged|tracks/.test(r['Capture'] ?? '')).map((r) => r['Multiple'])).size)
    .toBe(1);
  await expect.poll(() => new URL(page.url()).searchParams.get('cap')).toBe('same');
  expect(errors).toEqual([]);
});

it('the detail view names its captures, offers "Observed captures", and a stablecoin shows its peg', async () => {
  const { page } = await newPage(browser(), { viewport: { width: 1280, height: 900 } });
  const errors = watchErrors(page);
  await page.goto(`${baseUrl}/token/cardano`);
  await page.getByRole('table', { name: 'Scenario bands' }).waitFor();
  await expect.poll(() => page.locator('.capture-source').textContent()).toMatch(/Observed/);
  // The token's own captures are not written into the link (it reproduces without them).
  expect(new URL(page.url()).searchParams.get('base')).toBeNull();
  await page.getByRole('button', { name: 'Reset to defaults' }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('base')).toBe('0.75');
  await page.getByRole('button', { name: 'Observed captures' }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('base')).toBeNull();

  await page.goto(`${baseUrl}/token/tether`);
  await page.getByRole('table', { name: 'Scenario bands' }).waitFor();
  await expect(page.getByRole('note').filter({ hasText: 'pegged to USD' }).count()).resolves.toBe(1);
  const cells = await page.getByRole('table', { name: 'Scenario bands' }).getByRole('cell').allTextContents();
  expect(cells.length).toBeGreaterThan(0);
  for (const c of cells) expect(c).toMatch(/^\$1\.00 pegged$/);
  expect(errors).toEqual([]);
});
