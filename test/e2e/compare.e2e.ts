import { readFileSync } from 'node:fs';
import { expect, inject, it } from 'vitest';
import { newPage, sharedBrowser, watchErrors } from './browser.ts';

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();

it('compares Cardano, Tron and XRP by multiples from one link, exports the chart, and the link reproduces the view', async () => {
  const { context, page } = await newPage(browser(), { viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  const errors = watchErrors(page);
  await page.goto(`${baseUrl}/compare`);
  for (const name of ['Cardano', 'TRON', 'XRP']) {
    await page.getByRole('combobox', { name: 'Add token' }).fill(name);
    await page.keyboard.press('Enter');
  }
  await page.getByRole('radio', { name: /Max supply/ }).check();
  const table = page.getByRole('table', { name: 'Multiples' });
  await expect.poll(async () => (await table.getByRole('rowheader').allTextContents()).map((s) => s.trim())).toEqual(['ADA', 'TRX', 'XRP']);
  const before = await table.textContent();
  expect(before).not.toMatch(/NaN|Infinity/);
  expect(await page.getByRole('figure', { name: 'Compare chart' }).locator('svg.recharts-surface path').count()).toBeGreaterThanOrEqual(6);

  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PNG' }).click()]);
  expect(dl.suggestedFilename()).toMatch(/^capbands-ada-trx-xrp-\d{4}-\d{2}-\d{2}\.png$/);
  const png = readFileSync(await dl.path());
  expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(1600);

  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(new URL(link).searchParams.get('ids')).toBe('cardano,tron,ripple');
  const { page: other } = await newPage(browser(), { viewport: { width: 390, height: 844 } });
  const otherErrors = watchErrors(other);
  await other.goto(link);
  const reopened = other.getByRole('table', { name: 'Multiples' });
  await reopened.waitFor();
  expect(await reopened.textContent()).toBe(before);
  expect(await other.getByRole('radio', { name: /Max supply/ }).isChecked()).toBe(true);
  expect(errors).toEqual([]);
  expect(otherErrors).toEqual([]);
});
