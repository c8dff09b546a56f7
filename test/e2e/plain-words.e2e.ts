/**
 * Issue 18, items 3, 4, 5 and 7 in Chromium: the scenario carries from the screener to a token and back;
 * a typed value out of range names the range and moves nothing; a term explains itself by keyboard;
 * on a phone the screener keeps its four columns and its names in view; compare fits 1280 px.
 */
import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { newPage, sharedBrowser, watchErrors } from './browser.ts';

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();

const sliderText = (page: Page, name: string): Promise<string | null> => page.getByRole('slider', { name, exact: true }).getAttribute('aria-valuetext');

it('screener at 23T / Moon -> a token shows 23T and Moon -> back, the screener is still at 23T / Moon', async () => {
  const { context, page } = await newPage(browser(), { viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  await page.goto(`${baseUrl}/`);
  const table = page.getByRole('table', { name: 'Tokens' });
  await table.waitFor();
  await page.getByRole('textbox', { name: 'Market size' }).fill('23T');
  await page.keyboard.press('Enter');
  await page.getByRole('radio', { name: 'Moon' }).check();
  await expect.poll(() => new URL(page.url()).searchParams.get('case')).toBe('moon');

  await table.getByRole('link', { name: 'Cardano', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Cardano (ADA)' }).waitFor();
  await page.getByRole('table', { name: 'Scenario bands' }).waitFor();
  expect(await sliderText(page, 'Total market size')).toBe('23T');
  expect(await page.getByText('The Moon column is marked').count()).toBe(1);
  expect(new URL(page.url()).searchParams.get('case')).toBe('moon');

  await page.goBack();
  await table.waitFor();
  expect(await sliderText(page, 'Total market size')).toBe('23T');
  expect(await page.getByRole('radio', { name: 'Moon' }).isChecked()).toBe(true);

  // And by the detail view's own link back.
  await page.goForward();
  await page.getByRole('link', { name: '← All tokens at 23T, Moon' }).click();
  await table.waitFor();
  expect(await sliderText(page, 'Total market size')).toBe('23T');
  expect(await page.getByRole('radio', { name: 'Moon' }).isChecked()).toBe(true);
  expect(errors).toEqual([]);
  await context.close();
});

it('a typed market size out of range says the range and what was used, and moves nothing on the page', async () => {
  const { context, page } = await newPage(browser(), { viewport: { width: 1280, height: 800 } });
  await page.goto(`${baseUrl}/`);
  await page.getByRole('table', { name: 'Tokens' }).waitFor();
  const bar = page.getByRole('region', { name: 'Scenario for every token' });
  const before = await bar.boundingBox();
  const tableBefore = await page.getByRole('table', { name: 'Tokens' }).boundingBox();
  await page.getByRole('textbox', { name: 'Market size' }).fill('999999T');
  await page.keyboard.press('Enter');
  await expect
    .poll(() => page.getByRole('alert').allTextContents())
    .toContain('999999T is above the largest market size the model takes (100T); showing 100T.');
  expect(await sliderText(page, 'Total market size')).toBe('100T');
  expect(await bar.boundingBox()).toEqual(before);
  expect(await page.getByRole('table', { name: 'Tokens' }).boundingBox()).toEqual(tableBefore);

  await page.goto(`${baseUrl}/token/cardano`);
  await page.getByRole('table', { name: 'Scenario bands' }).waitFor();
  await page.getByRole('textbox', { name: 'Add tier' }).fill('999999T');
  await page.keyboard.press('Enter');
  await expect
    .poll(() => page.getByRole('alert').allTextContents())
    .toContain('999999T is outside the market sizes the model takes (500B to 100T); no tier added.');
  expect(await page.getByRole('table', { name: 'Scenario bands' }).getByRole('rowheader').allTextContents()).toEqual(['8T', '16T', '23T', '31T']);
  await page.getByRole('textbox', { name: 'Share' }).fill('100%');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByRole('alert').allTextContents()).toContain('100% is above the largest market share the model takes (50%); showing 50%.');
  expect(await sliderText(page, 'Market share')).toBe('50%');
  await context.close();
});

it('a column term explains itself on keyboard focus and closes on Escape; a capture moves 0.05 an arrow press', async () => {
  const { context, page } = await newPage(browser(), { viewport: { width: 1280, height: 800 } });
  await page.goto(`${baseUrl}/`);
  const table = page.getByRole('table', { name: 'Tokens' });
  await table.waitFor();
  await table.getByRole('button', { name: 'Multiple' }).focus();
  await page.keyboard.press('Tab');
  const help = page.getByRole('tooltip');
  expect(await help.textContent()).toMatch(/^Multiple: the scenario price divided by today’s price/);
  await page.keyboard.press('Escape');
  expect(await help.count()).toBe(0);

  await page.goto(`${baseUrl}/token/cardano?base=0.62&bear=0.5&moon=1`);
  const base = page.getByRole('slider', { name: 'Base capture', exact: true });
  await base.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => base.getAttribute('aria-valuetext')).toBe('0.65');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => base.getAttribute('aria-valuetext')).toBe('0.7');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect.poll(() => base.getAttribute('aria-valuetext')).toBe('0.69');
  await context.close();
});

it.each(['/token/cardano', '/', '/compare?ids=cardano,tron,ripple'])(
  'at 390 px every "Explain" tip of %s opens whole inside the screen, over what is beside it',
  async (path) => {
    const { context, page } = await newPage(browser(), { viewport: { width: 390, height: 844 } });
    await page.goto(`${baseUrl}${path}`);
    await page.getByRole('table').first().waitFor();
    const buttons = page.getByRole('button', { name: 'Explain' });
    const count = await buttons.count();
    expect(count).toBeGreaterThan(3);
    for (let i = 0; i < count; i++) {
      await buttons.nth(i).click();
      const tip = page.getByRole('tooltip');
      await expect.poll(async () => (await tip.textContent())?.length ?? 0).toBeGreaterThan(20);
      const box = await tip.boundingBox();
      expect(box, `tip ${i}`).not.toBeNull();
      expect(box!.x, `tip ${i} starts on screen`).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, `tip ${i} ends on screen`).toBeLessThanOrEqual(390);
      // Nothing sits on its text: its first line's start (where a fixed column would cover it) is the tip itself.
      const onTop = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('[role="tooltip"]') !== null, [box!.x + 12, box!.y + 10]);
      expect(onTop, `tip ${i} is on top`).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => tip.count()).toBe(0);
    }
    await context.close();
  },
);

it('at 390 px the screener shows name, price, scenario price and multiple, the rest behind "Columns", and keeps the name in view', async () => {
  const { context, page } = await newPage(browser(), { viewport: { width: 390, height: 844 } });
  await page.goto(`${baseUrl}/`);
  const table = page.getByRole('table', { name: 'Tokens' });
  await table.waitFor();
  const visibleHeaders = async (): Promise<string[]> =>
    (await table.getByRole('columnheader').evaluateAll((ths) => ths.filter((th) => th.getClientRects().length > 0).map((th) => th.textContent ?? ''))).map(
      (t) => t.replace(/[▲▼]/g, '').trim(),
    );
  expect(await visibleHeaders()).toEqual(['★', 'Name', 'Price', 'Scenario price', 'Multiple']);
  // The four fit the screen: no header is cut at its right edge.
  const right = await table
    .getByRole('columnheader')
    .evaluateAll((ths) => Math.max(...ths.filter((th) => th.getClientRects().length > 0).map((th) => th.getBoundingClientRect().right)));
  expect(right).toBeLessThanOrEqual(390);

  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('checkbox', { name: 'Needs' }).check();
  await page.getByRole('checkbox', { name: 'TM Grade' }).check();
  expect(await visibleHeaders()).toEqual(['★', 'Name', 'Price', 'Scenario price', 'Multiple', 'Needs', 'TM Grade']);

  // Scrolled sideways past the star, the name sticks at the box's left edge (it would be 300 px off it).
  const name = table.getByRole('link', { name: 'Bitcoin', exact: true });
  const box = await page.locator('.token-scroll').boundingBox();
  await page.locator('.token-scroll').evaluate((el) => el.scrollBy({ left: 300 }));
  await expect.poll(() => page.locator('.token-scroll').evaluate((el) => el.scrollLeft)).toBeGreaterThan(100);
  const at = await name.boundingBox();
  expect(at && box ? at.x - box.x : null).toBeGreaterThanOrEqual(0);
  expect(at && box ? at.x - box.x : null).toBeLessThan(40);
  await context.close();
});

it('compare fits 1280 px with its "needs" columns, and at 390 px its table scrolls within itself, its token column fixed', async () => {
  const { context, page } = await newPage(browser(), { viewport: { width: 1280, height: 800 } });
  await page.goto(`${baseUrl}/compare?ids=cardano,tron,ripple`);
  const table = page.getByRole('table', { name: 'Multiples' });
  await table.waitFor();
  const overflow = (): Promise<{ page: number; box: number }> =>
    page.evaluate(() => {
      const box = document.querySelector('.compare .table-scroll');
      return { page: document.documentElement.scrollWidth - window.innerWidth, box: box ? box.scrollWidth - box.clientWidth : -1 };
    });
  expect(await overflow()).toEqual({ page: 0, box: 0 });

  await page.setViewportSize({ width: 390, height: 844 });
  // The chart follows the new width once its ResizeObserver fires: wait for the page to settle.
  await expect.poll(async () => (await overflow()).page).toBe(0);
  expect((await overflow()).box).toBeGreaterThan(0);
  const token = table.getByRole('rowheader').first();
  const x = (await token.boundingBox())?.x;
  await page.locator('.compare .table-scroll').evaluate((el) => el.scrollBy({ left: 200 }));
  await expect.poll(async () => (await token.boundingBox())?.x).toBe(x);
  await context.close();
});
