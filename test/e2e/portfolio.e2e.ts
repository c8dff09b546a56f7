import { readFileSync } from 'node:fs';
import { expect, inject, it } from 'vitest';
import { parseCsv } from '../../src/lib/csv.ts';
import { newPage, sharedPage, watchErrors } from './browser.ts';

const baseUrl = inject('baseUrl');
const { browser, page, errors } = sharedPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });

async function download(name: string): Promise<{ file: string; buffer: Buffer }> {
  const [dl] = await Promise.all([page().waitForEvent('download'), page().getByRole('button', { name, exact: true }).click()]);
  return { file: dl.suggestedFilename(), buffer: readFileSync(await dl.path()) };
}

it('adds three tokens with amounts, keeps them over a reload, and values them in every scenario', async () => {
  await page().goto(`${baseUrl}/`);
  await page().getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolio' }).click();
  await page().getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
  const amounts: Array<[string, string, string]> = [
    ['Cardano', 'Cardano', '1,500'],
    ['BTC', 'Bitcoin', '0.05'],
    ['Tether USDt', 'Tether USDt', '2e3'],
  ];
  for (const [typed, name, amount] of amounts) {
    await page().getByRole('combobox', { name: 'Token' }).fill(typed);
    await page().getByRole('button', { name: 'Add holding' }).click();
    const box = page().getByRole('textbox', { name: `Amount of ${name}` });
    await box.fill(amount);
    await box.press('Enter');
  }
  await page().reload();
  const holdings = page().getByRole('table', { name: 'Holdings' });
  await holdings.waitFor();
  expect(await page().getByRole('textbox', { name: 'Amount of Cardano' }).inputValue()).toBe('1,500');
  expect(await page().getByRole('textbox', { name: 'Amount of Bitcoin' }).inputValue()).toBe('0.05');
  expect(await page().getByRole('textbox', { name: 'Amount of Tether USDt' }).inputValue()).toBe('2,000');

  const table = page().getByRole('table', { name: 'Portfolio scenarios' });
  const text = (await table.textContent()) ?? '';
  expect(text).toMatch(/Today\$[\d,]+\.\d\d/);
  expect(text).toMatch(/16T/);
  expect(text).not.toMatch(/NaN|Infinity|\$0\.00/);
  expect(await page().getByRole('figure', { name: 'Portfolio value chart' }).locator('svg.recharts-surface path').count()).toBeGreaterThanOrEqual(2);

  await page().getByRole('textbox', { name: 'Target value' }).fill('$20k');
  await page().getByRole('textbox', { name: 'Target value' }).press('Enter');
  await expect
    .poll(() => page().getByRole('status', { name: 'Target value answer' }).textContent())
    .toMatch(/^\$20,000\.00 needs a total crypto market of: bear .+; base .+; moon .+\.$/);
  // The target is drawn on the chart.
  expect(
    await page()
      .getByRole('figure', { name: 'Portfolio value chart' })
      .locator('svg')
      .getByText(/^Target \$20,000/)
      .count(),
  ).toBe(1);
});

it('exports a 2x PNG of the chart and a CSV whose parts add up to the table', async () => {
  const png = await download('Export PNG');
  expect(png.file).toMatch(/^capbands-portfolio-\d{4}-\d{2}-\d{2}\.png$/);
  expect(png.buffer.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.buffer.readUInt32BE(16)).toBeGreaterThanOrEqual(1600);
  expect(png.buffer.length).toBeGreaterThan(20_000);

  await page().getByRole('checkbox', { name: 'Show amounts in export' }).check();
  const csv = await download('Export CSV');
  expect(csv.file).toMatch(/^capbands-portfolio-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = parseCsv(csv.buffer.toString('utf8').replace(/^\uFEFF/, ''));
  const col = (name: string): number => rows[0]?.indexOf(name) ?? -1;
  expect(rows[0]).toEqual(expect.arrayContaining(['token', 'amount', 'tier', 'case', 'value_usd', 'share_of_portfolio']));
  // 3 holdings + a total, per 4 tiers x 3 cases.
  expect(rows.length).toBe(1 + 4 * 3 * 4);
  const ada = rows.find((r) => r[0] === 'Cardano' && r[col('tier')] === '16T' && r[col('case')] === 'base');
  expect(ada?.[col('amount')]).toBe('1500');
  const total = rows.find((r) => r[0] === 'Portfolio total' && r[col('tier')] === '16T' && r[col('case')] === 'base');
  const parts = rows.filter((r) => r[0] !== 'Portfolio total' && r[col('tier')] === '16T' && r[col('case')] === 'base');
  const sum = parts.reduce((s, r) => s + Number(r[col('value_usd')]), 0);
  expect(Math.abs(sum - Number(total?.[col('value_usd')])) / sum).toBeLessThan(1e-9);
  expect(await page().getByRole('table', { name: 'Portfolio scenarios' }).textContent()).toContain(
    `$${Number(total?.[col('value_usd')]).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`,
  );
});

it('imports a 5-line CSV and lists the unknown symbol', async () => {
  await page().getByRole('textbox', { name: 'Paste holdings' }).fill('Coin,Total Balance,Available\nETH,1.2,1.2\nXRP,"1,000",1000\nSOL,10,10\nNOTACOIN,3,3\n');
  await page().getByRole('button', { name: 'Import holdings' }).click();
  await expect.poll(() => page().getByRole('list', { name: 'Not found' }).textContent()).toContain('“NOTACOIN” (line 5)');
  const names = (await page().getByRole('table', { name: 'Holdings' }).getByRole('rowheader').allTextContents()).map((s) => s.trim());
  expect(names).toEqual(['Cardano ADA', 'Bitcoin BTC', 'Tether USDt USDT', 'Ethereum ETH', 'XRP XRP', 'Solana SOL']);
  expect(await page().getByRole('textbox', { name: 'Amount of XRP' }).inputValue()).toBe('1,000');
  expect(errors()).toEqual([]);
});

it('"Copy link with amounts" carries the holdings to another device, which adds them only when asked', async () => {
  await page().context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  await page().getByRole('button', { name: 'Copy link with amounts' }).click();
  const link = await page().evaluate(() => navigator.clipboard.readText());
  expect(new URL(link).searchParams.get('holdings')).toBe('cardano:1500,bitcoin:0.05,tether:2000,ethereum:1.2,ripple:1000,solana:10');
  const { page: other } = await newPage(browser(), { viewport: { width: 390, height: 844 } });
  const otherErrors = watchErrors(other);
  await other.goto(link);
  const offer = other.getByRole('region', { name: 'Holdings in this link' });
  await offer.waitFor();
  expect(await other.getByRole('table', { name: 'Holdings' }).getByRole('rowheader').count()).toBe(0);
  await offer.getByRole('button', { name: "Add the link's holdings to mine" }).click();
  await expect.poll(() => other.getByRole('table', { name: 'Holdings' }).getByRole('rowheader').count()).toBe(6);
  // The address drops the link's holdings once the user has chosen (written once changes pause, as every view's).
  await expect.poll(() => new URL(other.url()).searchParams.has('holdings')).toBe(false);
  expect(await other.getByRole('table', { name: 'Portfolio scenarios' }).textContent()).toBe(
    await page().getByRole('table', { name: 'Portfolio scenarios' }).textContent(),
  );
  expect(otherErrors).toEqual([]);
});
