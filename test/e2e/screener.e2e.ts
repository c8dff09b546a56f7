import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, inject, it } from 'vitest';
import { DEFAULT_CAPTURES, scenarioCell } from '../../src/engine/index.ts';
import { parseCsv } from '../../src/lib/csv.ts';
import { formatMultiple } from '../../src/lib/format.ts';
import { newPage, sharedBrowser, watchErrors } from './browser.ts';

const byText = (a: string | null | undefined, b: string | null | undefined): number => String(a).localeCompare(String(b));
const baseUrl = inject('baseUrl');
const browser = sharedBrowser();
interface SnapToken {
  id: string;
  name: string;
  price: number;
  marketCap: number | null;
  circulatingSupply: number | null;
}
const snap = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/data/snapshot.json'), 'utf8')) as {
  tokens: SnapToken[];
  market: { totalMarketCap: number };
  observed: Record<string, { moon: number }>;
};

it('16T and Moon, sort by multiple, check the top row, star two, reload, watchlist, export the CSV', async () => {
  const { page } = await newPage(browser(), { viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const errors = watchErrors(page);
  await page.goto(`${baseUrl}/`);
  const table = page.getByRole('table', { name: 'Tokens' });
  await table.waitFor();

  await page.getByRole('textbox', { name: 'Market size' }).fill('16T');
  await page.keyboard.press('Enter');
  await page.getByRole('radio', { name: 'Moon' }).check();
  await table.getByRole('button', { name: 'Multiple' }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('case')).toBe('moon');

  const headers = (await table.getByRole('columnheader').allTextContents()).map((h) => h.replace(/[▲▼]/g, '').trim());
  const firstRow = table.getByRole('row').nth(1);
  const name = await firstRow.getByRole('link').textContent();
  const token = snap.tokens.find((t) => t.name === name);
  if (!token?.circulatingSupply) throw new Error(`${name} has no supply`);
  // Per token (the default): the token's own observed moon capture, else the default.
  const moon = snap.observed[token.id]?.moon ?? DEFAULT_CAPTURES.moon;
  const expected = scenarioCell(
    { price: token.price, circulatingSupply: token.circulatingSupply, totalMarketCap: snap.market.totalMarketCap },
    moon,
    16e12,
  ).multiple;
  const cells = await firstRow.getByRole('cell').allTextContents();
  expect(cells[headers.indexOf('Multiple')]).toBe(formatMultiple(expected));

  const second = (await table.getByRole('row').nth(2).getByRole('link').textContent()) ?? '';
  await table.getByRole('button', { name: `Watch ${name}`, exact: true }).click();
  await table.getByRole('button', { name: `Watch ${second}`, exact: true }).click();
  await page.reload();
  await table.waitFor();
  await page.getByRole('checkbox', { name: /Watchlist only/ }).check();
  await expect.poll(async () => (await table.getByRole('link').allTextContents()).sort(byText)).toEqual([second, name].sort(byText));

  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const rows = parseCsv(readFileSync(await dl.path(), 'utf8').replace(/^\uFEFF/, ''));
  expect(rows.find((r) => r[0] === 'case')?.[1]).toBe('moon');
  expect(rows.find((r) => r[0] === 'total_market_usd')?.[1]).toBe('16000000000000');
  const headerAt = rows.findIndex((r) => r[0] === 'rank');
  const data = rows.slice(headerAt + 1);
  expect(data.map((r) => r[1]).sort(byText)).toEqual([second, name].sort(byText));
  const multiple = Number(data.find((r) => r[1] === name)?.[rows[headerAt]?.indexOf('multiple') ?? -1]);
  expect(data.find((r) => r[1] === name)?.[rows[headerAt]?.indexOf('capture_source') ?? -1]).toMatch(/observed|default|Token Metrics/);
  expect(multiple).toBeCloseTo(expected, 9);
  expect(errors).toEqual([]);
});
