/**
 * The detail view as a workbench, in real Chromium: the chart, the sliders and the table seen together
 * at 1280x800; a compact chart that stays in view at 390x844 while the sliders move; a target price
 * that survives a reload; a market-size axis that does not rescale under a drag.
 */
import type { Locator, Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { newPage, sharedBrowser, watchErrors } from './browser.ts';

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();

async function open(width: number, height: number, search = ''): Promise<{ page: Page; errors: string[] }> {
  const { page } = await newPage(browser(), { viewport: { width, height } });
  const errors = watchErrors(page);
  await page.goto(`${baseUrl}/token/cardano${search}`);
  await chartSvg(page).waitFor();
  return { page, errors };
}

/** The drawing of the band chart (the first svg in its figure). */
const chartSvg = (page: Page): Locator => page.getByRole('figure', { name: 'Price bands chart' }).locator('svg').first();

/** Whether the element's box lies wholly inside the viewport. */
async function inViewport(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const size = page.viewportSize();
  if (!box || !size) return false;
  return box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width + 0.5 && box.y + box.height <= size.height + 0.5;
}

const xTicks = (page: Page): Promise<string[]> => chartSvg(page).locator('.recharts-xAxis-tick-labels text').allTextContents();

it('at 1280x800 shows the chart, both sliders and the scenario table together, without scrolling', async () => {
  const { page, errors } = await open(1280, 800);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  const parts = {
    chart: chartSvg(page),
    'market size': page.getByRole('slider', { name: 'Total market size' }),
    share: page.getByRole('slider', { name: 'Market share' }),
    table: page.getByRole('table', { name: 'Scenario bands' }),
    'target box': page.getByRole('textbox', { name: 'Target price' }),
  };
  for (const [name, locator] of Object.entries(parts)) expect({ name, inside: await inViewport(page, locator) }).toEqual({ name, inside: true });
  expect(errors).toEqual([]);
  await page.context().close();
});

it('at 390x844 keeps a compact chart in view while the sliders move', async () => {
  const { page, errors } = await open(390, 844);
  const share = page.getByRole('slider', { name: 'Market share' });
  await share.scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
  expect(await inViewport(page, share)).toBe(true);
  expect(await inViewport(page, chartSvg(page))).toBe(true);
  const before = await share.getAttribute('aria-valuetext');
  await share.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(() => share.getAttribute('aria-valuetext')).not.toBe(before);
  expect(await inViewport(page, chartSvg(page))).toBe(true);
  // The chart covers no slider: the share slider is hit where it is drawn.
  const box = await share.boundingBox();
  const chartBox = await chartSvg(page).boundingBox();
  expect(box && chartBox && box.y > chartBox.y + chartBox.height).toBe(true);
  expect(errors).toEqual([]);
  await page.context().close();
});

it('keeps the market-size axis while the market size moves from one end of its slider to the other', async () => {
  const { page, errors } = await open(1280, 800);
  const slider = page.getByRole('slider', { name: 'Total market size' });
  const ticks = await xTicks(page);
  expect(ticks.at(0)).toBe('$500B');
  expect(ticks.at(-1)).toBe('$100T');
  await slider.focus();
  for (const key of ['Home', 'PageUp', 'PageUp', 'End', 'PageDown']) {
    await page.keyboard.press(key);
    expect(await xTicks(page)).toEqual(ticks);
  }
  expect(errors).toEqual([]);
  await page.context().close();
});

it('types a target, keeps it in the link, and after a reload shows the same line and answers', async () => {
  const { page, errors } = await open(1280, 800);
  await page.getByRole('textbox', { name: 'Target price' }).fill('2');
  const answer = page.getByRole('status', { name: 'Target answer' });
  await expect.poll(() => answer.innerText()).toMatch(/^To reach \$2\.00 /);
  const typed = await answer.innerText();
  expect(typed.split('\n')).toHaveLength(5);
  expect(typed).toMatch(/Bear case: [^\n]+\nBase case: [^\n]+\nMoon case: [^\n]+\nAt your share of [\d.]+% \(a fixed share/);
  const line = chartSvg(page).getByText('Target $2.00', { exact: true });
  await line.waitFor();
  const hits = await chartSvg(page).locator('.band-chart-target-hits text').allTextContents();
  expect(hits.length).toBeGreaterThan(0);
  await expect.poll(() => new URL(page.url()).searchParams.get('t')).toBe('2');

  await page.reload();
  await chartSvg(page).waitFor();
  expect(await page.getByRole('textbox', { name: 'Target price' }).inputValue()).toBe('2');
  await expect.poll(() => answer.innerText()).toBe(typed);
  await chartSvg(page).getByText('Target $2.00', { exact: true }).waitFor();
  expect(await chartSvg(page).locator('.band-chart-target-hits text').allTextContents()).toEqual(hits);
  expect(await inViewport(page, answer)).toBe(true);
  expect(errors).toEqual([]);
  await page.context().close();
});

it('names what a bad target in the link should be, and draws no line', async () => {
  const { page, errors } = await open(1280, 800, '?t=abc');
  await expect
    .poll(() => page.getByRole('note', { name: 'Link notices' }).innerText())
    .toContain('Target price "abc" in the link is not a price; a target is a price in USD above 0, such as t=2.5');
  expect(
    await chartSvg(page)
      .getByText(/^Target /)
      .count(),
  ).toBe(0);
  expect(errors).toEqual([]);
  await page.context().close();
});
