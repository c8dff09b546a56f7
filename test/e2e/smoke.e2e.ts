import { expect, inject, it } from 'vitest';
import { sharedPage } from './browser.ts';

const baseUrl = inject('baseUrl');
const { page, errors } = sharedPage({ viewport: { width: 1280, height: 900 } });

it('opens /token/cardano and reads the scenario table by its accessible name', async () => {
  await page().goto(`${baseUrl}/token/cardano`);
  await expect.poll(() => page().getByRole('heading', { level: 1 }).textContent()).toBe('Cardano (ADA)');
  const table = page().getByRole('table', { name: 'Scenario bands' });
  await table.waitFor();
  const rowHeaders = await table.getByRole('rowheader').allTextContents();
  expect(rowHeaders).toEqual(['8T', '16T', '23T', '31T']);
  const headers = await table.getByRole('columnheader').allTextContents();
  expect(headers.slice(1)).toEqual(['Bear', 'Base', 'Moon']);
  const cells = await table.getByRole('cell').allTextContents();
  expect(cells).toHaveLength(12);
  for (const text of cells) {
    expect(text).toMatch(/^\$\d+\.\d+ \d+(\.\d+)?x$/);
    expect(text).not.toMatch(/NaN|Infinity|undefined/);
  }
  await expect.poll(() => page().getByText('Not financial advice', { exact: false }).count()).toBe(1);
  expect(errors()).toEqual([]);
});

it('navigates from the token list to a token and back without a reload', async () => {
  await page().goto(`${baseUrl}/`);
  const tokens = page().getByRole('table', { name: 'Tokens' });
  await tokens.waitFor();
  await page().evaluate(() => {
    (window as unknown as { marker: number }).marker = 1;
  });
  await tokens.getByRole('link', { name: 'TRON' }).click();
  await expect.poll(() => page().getByRole('heading', { level: 1 }).textContent()).toBe('TRON (TRX)');
  expect(await page().evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
  await page().goBack();
  await page().getByRole('table', { name: 'Tokens' }).waitFor();
  expect(new URL(page().url()).pathname).toBe('/');
  expect(errors()).toEqual([]);
});

it('shows a clear message for an unknown token and an unknown page', async () => {
  await page().goto(`${baseUrl}/token/no-such-token`);
  await expect.poll(() => page().getByRole('heading', { level: 1 }).textContent()).toBe('Token not found');
  await page().goto(`${baseUrl}/nowhere/at/all`);
  await expect.poll(() => page().getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
  expect(errors()).toEqual([]);
});
