import { readFileSync } from 'node:fs';
import { beforeAll, expect, inject, it } from 'vitest';
import { parseCsv } from '../../src/lib/csv.ts';
import { newPage, sharedPage } from './browser.ts';

const baseUrl = inject('baseUrl');
const { browser, page, errors } = sharedPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });

beforeAll(async () => {
  await page().goto(`${baseUrl}/token/cardano?m=23T&moon=1.2`);
  await page().getByRole('figure', { name: 'Price bands chart' }).locator('svg.recharts-surface').waitFor();
});

async function download(name: string): Promise<{ file: string; buffer: Buffer; ms: number }> {
  const started = Date.now();
  const [dl] = await Promise.all([page().waitForEvent('download'), page().getByRole('button', { name, exact: true }).click()]);
  const path = await dl.path();
  const ms = Date.now() - started;
  return { file: dl.suggestedFilename(), buffer: readFileSync(path), ms };
}

it('Export PNG saves a real 2x PNG of at least 1600 px wide', async () => {
  const { file, buffer, ms } = await download('Export PNG');
  // The data's day (the snapshot's) and the day it was made.
  expect(file).toMatch(/^capbands-ada-data-2026-01-09-made-\d{4}-\d{2}-\d{2}\.png$/);
  expect(buffer.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const width = buffer.readUInt32BE(16);
  const height = buffer.readUInt32BE(20);
  expect(width).toBeGreaterThanOrEqual(1600);
  expect(height).toBeGreaterThan(800);
  expect(buffer.length).toBeGreaterThan(20_000); // a drawn chart, not a blank canvas
  expect(
    await page()
      .getByRole('status')
      .filter({ hasText: `Saved ${file}` })
      .count(),
  ).toBe(1);
  console.log(`PNG export: ${width} x ${height}, ${buffer.length} bytes, ${ms} ms click-to-file`);
});

it('Export PNG (social) saves a 1200 x 675 PNG (16:9) named for social posts', async () => {
  const { file, buffer } = await download('Export PNG (social)');
  expect(file).toMatch(/^capbands-ada-social-data-2026-01-09-made-\d{4}-\d{2}-\d{2}\.png$/);
  expect(buffer.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect([buffer.readUInt32BE(16), buffer.readUInt32BE(20)]).toEqual([1200, 675]);
  expect(buffer.length).toBeGreaterThan(20_000);
});

it('Export SVG saves a standalone SVG with the title, parameters and the disclaimer', async () => {
  const { file, buffer } = await download('Export SVG');
  expect(file).toMatch(/^capbands-ada-data-2026-01-09-made-\d{4}-\d{2}-\d{2}\.svg$/);
  const text = buffer.toString('utf8');
  const parsed = await page().evaluate((svg) => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    return { error: doc.querySelector('parsererror') !== null, root: doc.documentElement.nodeName, text: doc.documentElement.textContent ?? '' };
  }, text);
  expect(parsed.error).toBe(false);
  expect(parsed.root).toBe('svg');
  expect(parsed.text).toContain('Cardano (ADA)');
  expect(parsed.text).toContain('moon 1.2');
  expect(parsed.text).toContain('Not financial advice');
  expect(parsed.text).toContain('Data of 2026-01-09');
  // The tiers' prices are written on the chart, as the table shows them.
  const base16 = (await page().getByRole('row', { name: /^16T/ }).getByRole('cell').nth(1).locator('.cell-price').textContent()) ?? 'missing';
  expect(parsed.text).toContain(base16);
  // The user's point, drawn over the chart on the page, is in the file too.
  expect(parsed.text).toMatch(/You \$\d/);
  expect(text).not.toMatch(/var\(--|href="https?:/);
  // Opens on its own in the browser: render it as a page and find the drawing.
  const { page: viewer } = await newPage(browser());
  await viewer.setContent(text);
  expect(await viewer.locator('svg path').count()).toBeGreaterThan(5);
});

it('Export CSV saves the table and its inputs as RFC 4180 CSV', async () => {
  const { file, buffer } = await download('Export CSV');
  expect(file).toMatch(/^capbands-ada-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = buffer.toString('utf8').replace(/^\uFEFF/, '');
  expect(text.endsWith('\r\n')).toBe(true);
  const rows = parseCsv(text);
  expect(rows[0]).toContain('price_usd');
  expect(rows.length).toBe(1 + 4 * 3);
  const table = await page().getByRole('table', { name: 'Scenario bands' }).textContent();
  const col = (name: string): number => rows[0]?.indexOf(name) ?? -1;
  const moon31 = rows.find((r) => r[2] === '31T' && r[4] === 'moon');
  expect(moon31?.[col('capture')]).toBe('1.2');
  expect(moon31?.[col('capture_source')]).toMatch(/^Your own captures/);
  expect(table).toContain(`$${Number(moon31?.[col('price_usd')]).toFixed(2)}`);
  expect(errors()).toEqual([]);
});
