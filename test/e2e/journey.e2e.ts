import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { offlineImages, pinSnapshot, sharedBrowser, watchErrors } from './browser.ts';

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();
const SLIDERS = ['Total market size', 'Market share', 'Bear capture', 'Base capture', 'Moon capture'] as const;

/** What a person reads: slider values, the scenario table and the answers. */
async function readView(page: Page) {
  const sliders: Record<string, string | null> = {};
  for (const name of SLIDERS) sliders[name] = await page.getByRole('slider', { name }).getAttribute('aria-valuetext');
  const table = await page.getByRole('table', { name: 'Scenario bands' }).textContent();
  const answers = await page.getByRole('region', { name: 'Answers' }).locator('p').first().innerText();
  const yourPoint = await page.getByRole('region', { name: 'Answers' }).locator('p').nth(1).innerText();
  return { sliders, table, answers, yourPoint };
}

it('search, open, move every slider by keyboard, ask a target, copy the link, reopen it elsewhere: same numbers', async () => {
  const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
  await pinSnapshot(context);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  await offlineImages(context);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${baseUrl}/`);

  await page.getByRole('searchbox', { name: 'Search tokens' }).fill('cardano');
  await page.getByRole('table', { name: 'Tokens' }).getByRole('link', { name: 'Cardano' }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toContain('Cardano (ADA)');

  const before = await readView(page);
  const presses: Record<(typeof SLIDERS)[number], string[]> = {
    'Total market size': ['ArrowRight', 'ArrowRight', 'ArrowRight', 'PageUp'],
    'Market share': ['ArrowLeft', 'ArrowLeft'],
    'Bear capture': ['ArrowRight', 'ArrowRight', 'ArrowRight'],
    'Base capture': ['ArrowLeft'],
    'Moon capture': ['End', 'ArrowLeft', 'PageDown'],
  };
  for (const name of SLIDERS) {
    const slider = page.getByRole('slider', { name });
    await slider.focus();
    for (const key of presses[name]) await page.keyboard.press(key);
    await expect.poll(() => slider.getAttribute('aria-valuetext')).not.toBe(before.sliders[name]);
  }
  // The sentences follow once the sliders rest: the region says it is busy until then.
  await expect.poll(() => page.getByRole('region', { name: 'Answers' }).getAttribute('aria-busy')).toBe('false');
  const after = await readView(page);
  expect(after.table).not.toBe(before.table);
  expect(after.answers).not.toBe(before.answers);

  await page.getByRole('textbox', { name: 'Target price' }).fill('2.5');
  await expect
    .poll(() => page.getByRole('status', { name: 'Target answer' }).innerText())
    .toMatch(/^To reach \$2\.50 [\s\S]*Bear case: [\s\S]*Base case: [\s\S]*Moon case: [\s\S]*At your share of /);

  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect.poll(() => page.getByText('Link copied').count()).toBe(1);
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(new URL(link).pathname).toBe('/token/cardano');
  expect(new URL(link).searchParams.get('m')).toBeTruthy();

  const fresh = await browser().newContext({ viewport: { width: 390, height: 844 } });
  await pinSnapshot(fresh);
  await offlineImages(fresh);
  const other = await fresh.newPage();
  const otherErrors = watchErrors(other);
  await other.goto(link);
  await other.getByRole('table', { name: 'Scenario bands' }).waitFor();
  const reopened = await readView(other);
  expect(reopened.sliders).toEqual(after.sliders);
  expect(reopened.table).toBe(after.table);
  expect(reopened.answers).toBe(after.answers);
  expect(reopened.yourPoint).toBe(after.yourPoint);
  expect(await other.getByText('Not financial advice').count()).toBe(1);
  expect(await other.locator('body').innerText()).not.toMatch(/NaN|Infinity/);

  expect(errors).toEqual([]);
  expect(otherErrors).toEqual([]);
  await context.close();
  await fresh.close();
});
