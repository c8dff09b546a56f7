import type { Locator } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { sharedPage } from './browser.ts';

const baseUrl = inject('baseUrl');
const { page, errors } = sharedPage({ viewport: { width: 1280, height: 900 } });

/** The text of the cell in the row headed `tier` under the column headed `column`. */
async function cell(table: Locator, tier: string, column: string): Promise<string> {
  const headers = await table.getByRole('columnheader').allTextContents();
  const row = table.getByRole('row').filter({ has: page().getByRole('rowheader', { name: tier, exact: true }) });
  return (await row.locator('th, td').nth(headers.indexOf(column)).textContent()) ?? '';
}

it("Cardano: the published table beside today's rebase, then a one-line paste with its reference fits and shows its gap", async () => {
  await page().goto(`${baseUrl}/token/cardano?source=snapshot`);
  await expect.poll(() => page().getByRole('heading', { level: 1 }).textContent()).toBe('Cardano (ADA)');

  const known = page().getByRole('table', { name: 'Token Metrics, as published and rebased' });
  await known.waitFor();
  expect(await cell(known, '16T', 'Base as published')).toBe('$1.86');
  expect(await cell(known, '16T', 'Base rebased')).toBe('$1.38');
  expect(await page().getByRole('region', { name: 'Token Metrics, as published and rebased' }).innerText()).toMatch(
    /\(2025\) started from ADA at \$0\.65 .*They differ because the published prices start from the price and total market of publication/s,
  );

  await page().getByText('Import published table').click();
  await page()
    .getByRole('textbox', { name: 'Published table' })
    .fill('8T: 0.94 / 1.05 / 1.16; 16T: 1.53 / 1.86 / 2.20; 23T: 2.11 / 2.67 / 3.23; 31T: 2.70 / 3.48 / 4.27');
  expect(await page().getByRole('textbox', { name: 'Price when published' }).inputValue()).toBe('0.65');
  await page().getByRole('textbox', { name: 'Price when published' }).fill('0.645');
  await page().getByRole('textbox', { name: 'Total market when published' }).fill('3875B');
  await page().getByRole('button', { name: 'Fit captures' }).click();

  const status = page()
    .getByRole('status')
    .filter({ hasText: /^Fitted from 12 cells/ });
  await status.waitFor();
  const text = await status.innerText();
  expect(text).toMatch(/bear 0\.45\d, base 0\.62\d, moon 0\.80\d/);
  expect(Number(/largest gap \$([\d.]+)/.exec(text)?.[1])).toBeLessThan(0.005);
  await expect.poll(() => page().getByRole('slider', { name: 'Base capture' }).getAttribute('aria-valuetext')).toMatch(/^0\.62\d/);

  const pasted = page().getByRole('table', { name: 'Pasted table, as published and rebased' });
  await pasted.waitFor();
  expect(await cell(pasted, '16T', 'Base as published')).toBe('$1.86');
  expect(await cell(pasted, '16T', 'Base rebased')).toMatch(/^\$1\.\d\d$/);
  expect(await page().getByRole('figure', { name: 'Price bands chart' }).textContent()).toContain('12 published points marked');
  expect(await page().locator('body').innerText()).not.toMatch(/NaN|Infinity/);
  expect(errors()).toEqual([]);
});
