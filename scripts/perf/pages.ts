/**
 * The pages `npm run perf` presses keys on, opened once per run, and their CPU throttling: the bare
 * slider (the floor), the bare search box, `/token/cardano`, and `/` over a 5,000-token snapshot.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { newPage } from '../../test/e2e/browser.ts';
import { idle, installProbe, until, sliderDriver, typingDriver, type KeyDriver } from './probe.ts';

/** Where Vite puts the floor page (its path under the project root). */
export const FLOOR_PATH = '/test/perf/bare-slider.html';
/** The search's reference: a bare React search box, typed into like the app's. */
export const TEXT_FLOOR_PATH = '/test/perf/bare-search.html';
/** Progressively fewer matches in the 5,000 tokens: 2,850, 500, 110, 90, 70, 40, 40, 40. */
const SEARCH_TEXT = 'ethereum';

/** The six latency measures: the two bare pages and the app's four. */
export type Measure = 'floor' | 'text' | 'market' | 'share' | 'search' | 'screen';
export const MEASURES: readonly Measure[] = ['floor', 'text', 'market', 'share', 'search', 'screen'];

const cdpSessions = new WeakMap<Page, Promise<CDPSession>>();

/**
 * Sets `page`'s CPU throttling (1: none), through one CDP session per page. Chromium throttles a
 * renderer by keeping it busy for the time it takes away, idle or not: a page left at 4x keeps most of
 * one core busy (measured here: 89% at 4x, 58% at 2x, 0.2% at 1x, for an idle page), so only the page
 * whose turn it is may be throttled.
 */
export async function throttle(page: Page, rate: number): Promise<void> {
  let cdp = cdpSessions.get(page);
  if (!cdp) {
    cdp = page.context().newCDPSession(page);
    cdpSessions.set(page, cdp);
  }
  await (await cdp).send('Emulation.setCPUThrottlingRate', { rate });
}

interface OpenPage {
  readonly page: Page;
  readonly close: () => Promise<void>;
}

async function probePage(browser: Browser, url: string, route?: (page: Page) => Promise<void>): Promise<OpenPage> {
  const { context, page } = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await installProbe(page);
  if (route) await route(page);
  await page.goto(url);
  return { page, close: () => context.close() };
}

/**
 * The four pages, loaded once: the floor, the bare search box, `/token/cardano`, and `/` over the
 * 5,000-token snapshot. Returns a driver per measure and a function closing the pages.
 */
export async function openPages(
  browser: Browser,
  baseUrl: string,
  big: { json: string; tokens: number },
): Promise<{ drivers: Record<Measure, KeyDriver>; close: () => Promise<void> }> {
  const opened: OpenPage[] = [];
  const close = async (): Promise<void> => void (await Promise.all(opened.map((o) => o.close())));
  try {
    const floor = await probePage(browser, `${baseUrl}${FLOOR_PATH}`);
    opened.push(floor);
    const floorSlider = floor.page.getByRole('slider', { name: 'Bare slider' });
    await floorSlider.waitFor();

    const text = await probePage(browser, `${baseUrl}${TEXT_FLOOR_PATH}`);
    opened.push(text);
    const textBox = text.page.getByRole('searchbox', { name: 'Bare search' });
    await textBox.waitFor();

    const detail = await probePage(browser, `${baseUrl}/token/cardano`);
    opened.push(detail);
    await detail.page.getByRole('figure', { name: 'Price bands chart' }).locator('svg.recharts-surface').waitFor({ timeout: 60_000 });

    const list = await probePage(browser, `${baseUrl}/`, async (p) => {
      await p.route('**/data/snapshot.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: big.json }));
    });
    opened.push(list);
    const all = JSON.stringify(`${big.tokens} tokens`);
    const listed = `[...document.querySelectorAll('[role=status]')].some((e) => e.textContent.startsWith(${all}))`;
    await until(list.page, listed, 60_000);
    const settle = async (): Promise<void> => {
      await until(list.page, listed); // the emptied box lists every token again
      await idle(list.page);
    };
    return {
      drivers: {
        floor: sliderDriver(floor.page, floorSlider),
        text: typingDriver(text.page, textBox, SEARCH_TEXT, () => idle(text.page)),
        market: sliderDriver(detail.page, detail.page.getByRole('slider', { name: 'Total market size' })),
        share: sliderDriver(detail.page, detail.page.getByRole('slider', { name: 'Market share' })),
        search: typingDriver(list.page, list.page.getByRole('searchbox', { name: 'Search tokens' }), SEARCH_TEXT, settle),
        screen: sliderDriver(list.page, list.page.getByRole('slider', { name: 'Total market size' })),
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
