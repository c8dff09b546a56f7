/**
 * Quality gate: every live endpoint the app calls x every way it can fail, in Chromium against the built app.
 *
 * For each cell the view that uses the endpoint is opened with a scenario in its link, every other endpoint
 * answers a valid recorded-shape body, and the cell checks: the view stays usable, an `alert` names the
 * source and the reason (for a fault that is a failure) or the values equal those of a clean run (for a
 * body that is still readable: string numbers), no NaN/Infinity anywhere, no uncaught page error, and the
 * scenario of the link is untouched. The matrix (endpoint x fault -> pass/FAIL) is printed at the end.
 *
 * Timeout and backoff: `fetchJson` gives up after 15 s and the queries retry 3 times after 1 s, 2 s, 4 s. Instead
 * of waiting a minute per cell, the page gets Playwright's fake clock (installed before the app loads; time
 * otherwise flows normally) and the test jumps it 5.5 s at a time, but only while the sole fetches the app is
 * waiting for are the faulted endpoint's (an in-page count of pending fetches, until their bodies are read).
 * The app's own timers fire: its AbortController times the held request out, its retries run, in seconds.
 * Why 5.5 s: a fetch that starts between the check and the jump still has 9.5 s on its timer after it, time
 * for an answer on its way on a loaded machine (with 14 s jumps, 1 s was left, and CoinGecko's market chart,
 * the largest body, timed out twice in CI); three jumps (16.5 s) always time out the held one, and one
 * passes any retry backoff (4 s + 25% jitter).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, inject, it, type ExpectStatic } from 'vitest';
import { newPage, sharedBrowser, watchErrors } from './browser.ts';

const baseUrl = inject('baseUrl');
const fixture = (name: string): unknown => JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures', name), 'utf8'));

// ---------------------------------------------------------------------------------------------------------
// Valid bodies, in the providers' recorded shapes
// ---------------------------------------------------------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const MARKETS = fixture('cg-markets.json') as Json[];
const GLOBAL: Json = {
  data: {
    active_cryptocurrencies: 16_913,
    total_market_cap: { usd: 3.2e12, eur: 3.05e12 },
    total_volume: { usd: 1.1e11 },
    market_cap_percentage: { btc: 57.1, eth: 9.9 },
    market_cap_change_percentage_24h_usd: -0.4,
    updated_at: 1_739_123_044,
  },
};

interface HistoryFile {
  tokens: Record<string, { points: Array<[string, number]> }>;
}
const HISTORY = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/data/history.json'), 'utf8')) as HistoryFile;
/** Cardano's market caps from the embedded history, as CoinGecko's `/coins/cardano/market_chart` shapes them. */
const dayMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);
const CHART: Json = (() => {
  const points = HISTORY.tokens.cardano?.points ?? [];
  const circulating = 35.9e9;
  return {
    prices: points.map(([d, cap]) => [dayMs(d), cap / circulating]),
    market_caps: points.map(([d, cap]) => [dayMs(d), cap]),
    total_volumes: points.map(([d, cap]) => [dayMs(d), cap / 40]),
  };
})();

const TM_DATE = '2026-11-20T00:00:00.000Z';
const envelope = (data: Json[]): Json => ({ success: true, message: 'Data fetched successfully', length: data.length, data });
const TM_TOKENS: Json = envelope([
  { TOKEN_ID: 3375, TOKEN_NAME: 'Bitcoin', TOKEN_SYMBOL: 'BTC', CATEGORY_LIST: [{ category_id: 1, category_name: 'Layer 1' }] },
  { TOKEN_ID: 3306, TOKEN_NAME: 'Ethereum', TOKEN_SYMBOL: 'ETH', CATEGORY_LIST: [] },
  { TOKEN_ID: 3369, TOKEN_NAME: 'XRP', TOKEN_SYMBOL: 'XRP', CATEGORY_LIST: [] },
  { TOKEN_ID: 3315, TOKEN_NAME: 'Cardano', TOKEN_SYMBOL: 'ADA', CATEGORY_LIST: [] },
  { TOKEN_ID: 3119, TOKEN_NAME: 'TRON', TOKEN_SYMBOL: 'TRX', CATEGORY_LIST: [] },
]);
// Cardano's live grades differ from the snapshot's (TM Grade 29.72 Sell, bearish), so a live value is recognisable.
const TM_BODIES: Readonly<Record<string, Json>> = {
  '/tm-grade': envelope([
    {
      TOKEN_ID: 3315,
      TOKEN_NAME: 'Cardano',
      TOKEN_SYMBOL: 'ADA',
      DATE: TM_DATE,
      TM_GRADE: 41.5,
      TM_GRADE_SIGNAL: 'Neutral',
      TM_GRADE_24h_PCT_CHANGE: 2.1,
      FUNDAMENTAL_GRADE: 66.4,
      FUNDAMENTAL_GRADE_CLASS: 'Emerging',
      MOMENTUM: 'steady',
    },
  ]),
  '/trader-grades': envelope([
    {
      TOKEN_ID: 3315,
      TOKEN_NAME: 'Cardano',
      TOKEN_SYMBOL: 'ADA',
      DATE: TM_DATE,
      TA_GRADE: 55.2,
      QUANT_GRADE: 70.1,
      TM_TRADER_GRADE: 62.3,
      TM_TRADER_GRADE_24H_PCT_CHANGE: 1.5,
    },
  ]),
  '/investor-grades': envelope([
    {
      TOKEN_ID: 3315,
      TOKEN_NAME: 'Cardano',
      TOKEN_SYMBOL: 'ADA',
      DATE: TM_DATE,
      TM_INVESTOR_GRADE: 57.8,
      FUNDAMENTAL_GRADE: 66.4,
      TECHNOLOGY_GRADE: 73.1,
      VALUATION_GRADE: 48,
    },
  ]),
  '/technology-grade': envelope([
    {
      TOKEN_ID: 3315,
      TOKEN_NAME: 'Cardano',
      TOKEN_SYMBOL: 'ADA',
      DATE: TM_DATE,
      TECHNOLOGY_GRADE: 73.1,
      ACTIVITY_SCORE: 70,
      SECURITY_SCORE: 65,
      REPOSITORY_SCORE: 72,
      COLLABORATION_SCORE: 99,
      DEFI_SCANNER_SCORE: 80,
    },
  ]),
  '/trading-signals': envelope([
    {
      TOKEN_ID: 3315,
      TOKEN_NAME: 'Cardano',
      TOKEN_SYMBOL: 'ADA',
      DATE: TM_DATE,
      TRADING_SIGNAL: 0,
      TOKEN_TREND: 1,
      TM_TRADER_GRADE: 62.3,
      TM_INVESTOR_GRADE: 57.8,
    },
  ]),
  '/scenario-analysis': envelope([
    {
      TOKEN_ID: 3315,
      TOKEN_NAME: 'Cardano',
      TOKEN_SYMBOL: 'ADA',
      SCENARIO_PREDICTION: {
        current_price: 0.65,
        predicted_date: TM_DATE,
        scenario_prediction: [
          { scenario: 2, total_mcap_scenario: 7.75e12, predicted_price_bear: 0.94, predicted_price_base: 1.05, predicted_price_moon: 1.16 },
          { scenario: 4, total_mcap_scenario: 15.5e12, predicted_price_bear: 1.53, predicted_price_base: 1.86, predicted_price_moon: 2.2 },
          { scenario: 8, total_mcap_scenario: 31e12, predicted_price_bear: 2.6, predicted_price_base: 3.48, predicted_price_moon: 4.27 },
        ],
      },
    },
  ]),
};

/** Every number as a string ("0.65"), as Token Metrics is known to send them. `keep` says which numbers stay. */
function stringNumbers(value: Json, keep: (path: readonly (string | number)[]) => boolean = () => false, path: Array<string | number> = []): Json {
  if (typeof value === 'number') return keep(path) ? value : String(value);
  if (Array.isArray(value)) return value.map((v, i) => stringNumbers(v, keep, [...path, i]));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stringNumbers(v, keep, [...path, k])]));
  return value;
}

/** Every key renamed the way an API revision might (snake_case -> camelCase, UPPER -> lower), envelopes kept. */
function renamed(value: Json, rename: (key: string) => string, depth = 0, from = 0): Json {
  if (Array.isArray(value)) return value.map((v) => renamed(v, rename, depth + 1, from));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [depth >= from ? rename(k) : k, renamed(v, rename, depth + 1, from)]));
  }
  return value;
}
const camel = (key: string): string => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const lower = (key: string): string => key.toLowerCase();

// ---------------------------------------------------------------------------------------------------------
// Endpoints, views, faults
// ---------------------------------------------------------------------------------------------------------

type ViewKind = 'list' | 'chart' | 'grades';

interface Endpoint {
  readonly name: string;
  readonly source: 'CoinGecko' | 'Token Metrics';
  /** Matches the pathname of a request to the app's proxy. */
  readonly match: (path: string) => boolean;
  readonly valid: Json;
  /** The same body with its keys renamed (required fields among them). */
  readonly renamed: Json;
  /** The same body with its numbers as strings. */
  readonly strings: Json;
  readonly view: ViewKind;
  /** For a grade endpoint: the grade rows of the panel it feeds. */
  readonly feeds?: readonly string[];
}

const GRADE_ROWS = ['TM Grade', 'Trader Grade', 'Investor Grade', 'Fundamental', 'Technology', 'Signal'] as const;
const tmPath = (p: string) => (path: string) => path === `/proxy/tokenmetrics${p}`;
const tmEndpoint = (name: string, p: string, feeds: readonly string[]): Endpoint => {
  const valid = TM_BODIES[p] ?? null;
  return {
    name,
    source: 'Token Metrics',
    match: tmPath(p),
    valid,
    renamed: renamed(valid, lower, 0, 2),
    strings: stringNumbers(valid, (path) => path.length === 1),
    view: 'grades',
    feeds,
  };
};

const ENDPOINTS: readonly Endpoint[] = [
  {
    name: 'CG /coins/markets',
    source: 'CoinGecko',
    match: (p) => p === '/proxy/coingecko/coins/markets',
    valid: MARKETS,
    renamed: renamed(MARKETS, camel),
    strings: stringNumbers(MARKETS),
    view: 'list',
  },
  {
    name: 'CG /global',
    source: 'CoinGecko',
    match: (p) => p === '/proxy/coingecko/global',
    valid: GLOBAL,
    renamed: renamed(GLOBAL, camel),
    strings: stringNumbers(GLOBAL),
    view: 'list',
  },
  {
    name: 'CG /market_chart',
    source: 'CoinGecko',
    match: (p) => /^\/proxy\/coingecko\/coins\/[^/]+\/market_chart$/.test(p),
    valid: CHART,
    renamed: renamed(CHART, camel),
    // Timestamps stay numbers (CoinGecko's are); the values become strings.
    strings: stringNumbers(CHART, (path) => path[2] === 0),
    view: 'chart',
  },
  {
    name: 'TM /tokens',
    source: 'Token Metrics',
    match: tmPath('/tokens'),
    valid: TM_TOKENS,
    renamed: renamed(TM_TOKENS, lower, 0, 2),
    strings: stringNumbers(TM_TOKENS, (path) => path.length === 1),
    view: 'grades',
    feeds: GRADE_ROWS,
  },
  tmEndpoint('TM /tm-grade', '/tm-grade', ['TM Grade', 'Fundamental']),
  tmEndpoint('TM /trader-grades', '/trader-grades', ['Trader Grade']),
  tmEndpoint('TM /investor-grades', '/investor-grades', ['Investor Grade']),
  tmEndpoint('TM /technology-grade', '/technology-grade', ['Technology']),
  tmEndpoint('TM /trading-signals', '/trading-signals', ['Signal']),
  tmEndpoint('TM /scenario-analysis', '/scenario-analysis', []),
];

const json =
  (body: Json): ((route: Route) => Promise<void>) =>
  (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });

interface Fault {
  readonly name: string;
  /** How the faulted endpoint answers; 'hold' never answers (the timeout case). */
  readonly answer: (e: Endpoint) => ((route: Route) => Promise<void>) | 'hold';
  /** What the alert must say; null: the body is still readable, so the values must be right and no alert. */
  readonly reason: RegExp | null;
}

const FAULTS: readonly Fault[] = [
  { name: 'offline', answer: () => (route) => route.abort('internetdisconnected'), reason: /network error or rate limit/ },
  { name: 'timeout', answer: () => 'hold', reason: /timeout/ },
  {
    name: '429 RA:0',
    answer: () => (route) =>
      route.fulfill({
        status: 429,
        headers: { 'retry-after': '0', 'content-type': 'application/json' },
        body: '{"status":{"error_code":429,"error_message":"rate limited"}}',
      }),
    reason: /HTTP 429/,
  },
  {
    name: '429',
    answer: () => (route) => route.fulfill({ status: 429, contentType: 'application/json', body: '{"message":"Too Many Requests"}' }),
    reason: /HTTP 429/,
  },
  { name: '500', answer: () => (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' }), reason: /HTTP 500/ },
  {
    name: '200 HTML',
    answer: () => (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><html><body><h1>Just a moment…</h1></body></html>' }),
    reason: /invalid response/,
  },
  {
    name: '200 truncated',
    answer: (e) => (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(e.valid).slice(0, 120) }),
    reason: /invalid response/,
  },
  { name: 'renamed', answer: (e) => json(e.renamed), reason: /invalid response/ },
  { name: 'str numbers', answer: (e) => json(e.strings), reason: null },
];

// ---------------------------------------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------------------------------------

const KEYS = JSON.stringify({ coingeckoKey: '', tokenMetricsKey: 'tm-test-key' });
const URLS: Readonly<Record<ViewKind, string>> = {
  list: '/?source=coingecko&m=23T&case=moon&x=10',
  chart: '/token/cardano?source=coingecko&m=23T&moon=1.2',
  grades: '/token/cardano?source=coingecko&m=23T&moon=1.2',
};
/** Pages open at once: this machine may have 2 cores, and each page costs ~2 s of CPU to load. */
const SLOTS = 4;
/** Less than `fetchJson`'s 15 s time-out, more than any retry backoff (4 s + 25% jitter). */
const JUMP_MS = 5_500;
/**
 * A view has stopped asking when its clock jumped this often since its last request (33 s of its time: a held
 * request takes 3 jumps to time out and its retry's backoff 1 more). Counted in jumps, not in seconds, so a
 * slow machine cannot fake it.
 */
const QUIET_JUMPS = 6;

const browser = sharedBrowser();

/** A counting semaphore: at most `n` cells hold a page at once. */
function semaphore(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let free = n;
  const waiting: Array<() => void> = [];
  return async (task) => {
    if (free > 0) free -= 1;
    else await new Promise<void>((ok) => waiting.push(ok));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else free += 1;
    }
  };
}
const slot = semaphore(SLOTS);

interface Opened {
  readonly page: Page;
  readonly errors: string[];
  /** Requests to the faulted endpoint. */
  readonly hits: () => number;
  /** The endpoints the view asked for (by name). */
  readonly asked: ReadonlySet<string>;
  /** True when the page's clock may jump: the only fetches the app is waiting for are the faulted endpoint's. */
  readonly canJump: () => Promise<boolean>;
  /** Jumps the clock (`JUMP_MS`), counting jumps since the last request to the proxy. */
  readonly jump: () => Promise<void>;
  /** True once the faulted endpoint was asked and the view then let `QUIET_JUMPS` jumps pass without a request. */
  readonly quiet: () => boolean;
  readonly close: () => Promise<void>;
}

/**
 * A fresh context (its own storage and IndexedDB, so no persisted answer leaks between cells): every
 * proxied endpoint answers its valid body, except `faulted`, which answers `answer`. With `clock`, the
 * page's timers are Playwright's (time flows normally until a test jumps it).
 */
async function open(view: ViewKind, faulted: Endpoint | null, answer: ((route: Route) => Promise<void>) | 'hold' | null, clock: boolean): Promise<Opened> {
  const { context, page } = await newPage(browser(), { viewport: { width: 1280, height: 900 } });
  const errors = watchErrors(page);
  if (view === 'grades') await page.addInitScript((keys) => sessionStorage.setItem('capbands.keys.v1', keys), KEYS);
  if (clock) await page.clock.install();
  // Every fetch the app waits for, until its body is read: a jump of the clock must not time out an answer
  // that is on its way (the snapshot, the history, the endpoints that answer well).
  await page.addInitScript(() => {
    const pending = new Map<number, string>();
    let next = 0;
    const original = window.fetch.bind(window);
    (window as unknown as { e2ePendingFetches: () => string[] }).e2ePendingFetches = () => [...pending.values()];
    window.fetch = async (input, init) => {
      const id = (next += 1);
      pending.set(id, new URL(input instanceof Request ? input.url : String(input), location.href).pathname);
      try {
        const response = await original(input, init);
        if (!response.ok) {
          pending.delete(id);
          return response;
        }
        const text = response.text.bind(response);
        response.text = () => text().finally(() => pending.delete(id));
        return response;
      } catch (error) {
        pending.delete(id);
        throw error;
      }
    };
  });
  let hits = 0;
  let jumpsSinceRequest = 0;
  const asked = new Set<string>();
  await page.route('**/proxy/**', async (route) => {
    jumpsSinceRequest = 0;
    const url = new URL(route.request().url());
    if (faulted?.match(url.pathname) && answer !== null) {
      hits += 1;
      asked.add(faulted.name);
      // Held: never answered; the app's own timer aborts it.
      if (answer !== 'hold') await answer(route);
      return;
    }
    const endpoint = ENDPOINTS.find((e) => e.match(url.pathname));
    if (endpoint) asked.add(endpoint.name);
    if (!endpoint) return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not routed' });
    // Page 2 of the markets: an empty page, as CoinGecko answers past its list.
    if (endpoint.name === 'CG /coins/markets' && url.searchParams.get('page') !== '1') return json([])(route);
    return json(endpoint.valid)(route);
  });
  await page.goto(`${baseUrl}${URLS[view]}`);
  return {
    page,
    errors,
    hits: () => hits,
    asked,
    canJump: async () => {
      const pending = await page.evaluate(() => (window as unknown as { e2ePendingFetches: () => string[] }).e2ePendingFetches());
      // Only a held request may be waited past; any answer on its way (the faulted one's too) must arrive first.
      return pending.every((path) => answer === 'hold' && faulted?.match(path) === true);
    },
    jump: async () => {
      await page.clock.fastForward(JUMP_MS);
      jumpsSinceRequest += 1;
    },
    quiet: () => hits > 0 && jumpsSinceRequest >= QUIET_JUMPS,
    close: () => context.close(),
  };
}

/** What the page shows, read in one round trip (role queries per poll would cost more CPU than the app). */
interface Probe {
  readonly alerts: string[];
  readonly statuses: string[];
  /** The sentence under "History captures", null when there is no such button. */
  readonly history: string | null;
  readonly historyEnabled: boolean;
  /** Grade rows ("TM Grade" -> text), empty without the panel. */
  readonly grades: Record<string, string>;
}

function probe(page: Page): Promise<Probe> {
  return page.evaluate(() => {
    // oxlint-disable-next-line unicorn/consistent-function-scoping -- sent to the page as source text
    const text = (e: Element | null): string => (e instanceof HTMLElement ? e.innerText : (e?.textContent ?? ''));
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'History captures') ?? null;
    const described = button?.getAttribute('aria-describedby');
    const grades: Record<string, string> = {};
    const panel = document.querySelector('[aria-labelledby="grades-title"]');
    for (const div of panel?.querySelectorAll('dl > div') ?? []) grades[div.querySelector('dt')?.textContent ?? ''] = text(div.querySelector('dd'));
    return {
      // A failure is named in an alert, or in a calm status when the app is simply offline.
      alerts: [...document.querySelectorAll('[role="alert"], .data-alert[role="status"]')].map(text),
      statuses: [...document.querySelectorAll('[role="status"]')].map(text),
      history: described ? text(document.getElementById(described)) : null,
      historyEnabled: button !== null && !button.disabled,
      grades,
    };
  });
}

/** Polls until `done`; with the fake clock, jumps it 5.5 s (see the top of the file) whenever the page allows it. */
async function settle(opened: Opened, done: (p: Probe) => boolean, clock: boolean, ms = 45_000): Promise<Probe> {
  const deadline = Date.now() + ms;
  for (;;) {
    const p = await probe(opened.page);
    if (done(p) || Date.now() > deadline) return p;
    if (clock && (await opened.canJump())) await opened.jump();
    await opened.page.waitForTimeout(250);
  }
}

const alertsOf = (p: Probe, source: string): string[] => p.alerts.filter((t) => t.includes(source));
const LIVE_GRADES = 'Token Metrics (live)';
const allLive = (p: Probe): boolean => GRADE_ROWS.every((row) => p.grades[row]?.includes(LIVE_GRADES));
const liveStatus = (p: Probe): string | undefined => p.statuses.find((s) => s.includes('CoinGecko (live)'));

/** Everything a person reads, minus the "Link notices" (which may quote the link), plus the sliders' values. */
async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    for (const note of body.querySelectorAll('[role="note"][aria-label="Link notices"]')) note.remove();
    const values = [...document.querySelectorAll('[aria-valuetext]')].map((e) => e.getAttribute('aria-valuetext') ?? '');
    return `${body.innerText}\n${values.join('\n')}`;
  });
}

const slider = (page: Page, name: string): Promise<string | null> => page.getByRole('slider', { name, exact: true }).getAttribute('aria-valuetext');

/** The Bitcoin row of the token browser. */
const bitcoinRow = (page: Page): Promise<string> =>
  page
    .getByRole('table', { name: 'Tokens' })
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: 'Bitcoin', exact: true }) })
    .innerText();

interface Baseline {
  readonly list: { readonly row: string; readonly status: string };
  readonly chart: string;
  readonly grades: Record<string, string>;
  /** Per view, the endpoints a clean run asked for. */
  readonly asked: Readonly<Record<ViewKind, ReadonlySet<string>>>;
}
let baseline: Baseline;

// ---------------------------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------------------------

/** The view is there and the link's scenario is what it was (or, after History captures, what the sentence says). */
async function checkViewAndScenario(expect: ExpectStatic, page: Page, view: ViewKind, applied: string | null): Promise<void> {
  const url = new URL(page.url());
  if (view === 'list') {
    const table = page.getByRole('table', { name: 'Tokens' });
    expect(await table.getByRole('row').count(), 'token rows').toBeGreaterThan(5);
    expect(await table.getByRole('link', { name: 'Bitcoin', exact: true }).count(), 'Bitcoin is listed').toBe(1);
    expect(await slider(page, 'Total market size')).toBe('23T');
    expect(await page.getByRole('radiogroup', { name: 'Case' }).getByRole('radio', { name: 'Moon' }).isChecked(), 'case Moon').toBe(true);
    expect(await page.getByLabel('Target multiple').inputValue()).toBe('10x');
    expect([url.searchParams.get('m'), url.searchParams.get('case'), url.searchParams.get('x')], 'the address keeps m, case, x').toEqual(['23T', 'moon', '10']);
    return;
  }
  expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Cardano (ADA)');
  expect(await page.getByRole('table', { name: 'Scenario bands' }).getByRole('cell').count()).toBe(12);
  expect(await slider(page, 'Total market size')).toBe('23T');
  expect(url.searchParams.get('m'), 'the address keeps m').toBe('23T');
  if (applied === null) {
    expect(await slider(page, 'Moon capture')).toBe('1.2');
    expect(url.searchParams.get('moon'), 'the address keeps moon').toBe('1.2');
    return;
  }
  // The user applied history captures: the sliders show exactly the captures the sentence names.
  const m = /bear (\d+\.\d+) .*base (\d+\.\d+) .*moon (\d+\.\d+)/.exec(applied);
  expect(m, `captures named in "${applied}"`).not.toBeNull();
  const shown = [await slider(page, 'Bear capture'), await slider(page, 'Base capture'), await slider(page, 'Moon capture')];
  expect(shown).toEqual([m?.[1], m?.[2], m?.[3]].map((s) => String(Number(s))));
}

function checkErrors(expect: ExpectStatic, errors: readonly string[]): void {
  expect(
    errors.filter((e) => e.startsWith('pageerror')),
    'uncaught page errors',
  ).toEqual([]);
  // Chromium logs each failed resource load; anything else on the console is the app's own error.
  expect(
    errors.filter((e) => !/Failed to load resource/.test(e)),
    'console errors',
  ).toEqual([]);
}

async function runCell(expect: ExpectStatic, endpoint: Endpoint, fault: Fault): Promise<string> {
  // An endpoint its view never asks for, even when everything works, cannot fail in it: say so without a page.
  expect(baseline.asked[endpoint.view].has(endpoint.name), `${endpoint.name} is requested by its view (${URLS[endpoint.view]}) in a clean run`).toBe(true);
  // The clock jumps past the 15 s time-out and past every retry backoff (1 s, 2 s, 4 s): same paths, seconds not minutes.
  const clock = true;
  const opened = await open(endpoint.view, endpoint, fault.answer(endpoint), clock);
  const { page, errors, hits } = opened;
  const notes: string[] = [];
  try {
    const failure = fault.reason;
    const alerted = (p: Probe): boolean => alertsOf(p, endpoint.source).length > 0;
    const quiet = opened.quiet;
    // 1. Wait until the app has settled: an alert naming the source, the readable body's values, or (when the
    //    app stays silent) no request for longer than any retry would take.
    let p: Probe;
    if (endpoint.view === 'list') {
      p = await settle(opened, (q) => alerted(q) || (failure === null && liveStatus(q) !== undefined) || quiet(), clock);
    } else if (endpoint.view === 'chart') {
      const ready = (q: Probe): boolean => q.history !== null && !q.history.startsWith('Loading');
      p = await settle(
        opened,
        (q) => ready(q) && (failure === null ? /^From \d+ windows/.test(q.history ?? '') : alerted(q) || failure.test(q.history ?? '') || quiet()),
        clock,
      );
      // The sentence may name the failure before an alert renders: give the alert a moment.
      if (failure !== null && !alerted(p)) p = await settle(opened, alerted, clock, 1500);
    } else {
      // Every grade live means settled only when this endpoint feeds a grade (or its body is readable): an endpoint
      // that feeds none (the scenario analysis) leaves the grades live while its retries still run.
      const gradesTell = failure === null || (endpoint.feeds ?? []).length > 0;
      // A failure is named from its first try, so for an endpoint that feeds no grade the alert can come before
      // the other endpoints' grades: wait for both.
      const both = failure !== null && !gradesTell;
      p = await settle(opened, (q) => (both ? alerted(q) && allLive(q) : alerted(q) || (gradesTell && allLive(q))) || quiet(), clock);
      if (failure !== null && !alerted(p)) p = await settle(opened, alerted, clock, 1500);
    }

    // 2. The faulted endpoint was really asked.
    expect(hits(), `${endpoint.name} was requested by the view`).toBeGreaterThan(0);

    // 3. The failure is named, or (a readable body) the values are those of a clean run.
    const alerts = alertsOf(p, endpoint.source);
    if (failure !== null) {
      const status = endpoint.view === 'chart' ? ` (History captures says: ${JSON.stringify(p.history)})` : '';
      expect(alerts.length, `an alert names ${endpoint.source}${status}`).toBeGreaterThan(0);
      expect(alerts.join(' | '), `the alert says why: ${JSON.stringify(alerts)}`).toMatch(failure);
      if (endpoint.view === 'grades') {
        // The grades this endpoint feeds are not the live ones (the snapshot's, or "not available"); the others still are.
        for (const row of GRADE_ROWS) {
          const live = p.grades[row]?.includes(LIVE_GRADES) ?? false;
          expect(live, `${row} live? ${JSON.stringify(p.grades[row])} (alerts: ${JSON.stringify(alerts)})`).toBe(!(endpoint.feeds ?? []).includes(row));
        }
      }
    } else {
      expect(alerts, `no alert for a readable body: ${JSON.stringify(alerts)}`).toEqual([]);
      if (endpoint.view === 'list') {
        expect(await bitcoinRow(page), 'the Bitcoin row reads as in a clean run').toBe(baseline.list.row);
        expect(liveStatus(p), 'the status reads as in a clean run').toBe(baseline.list.status);
      } else if (endpoint.view === 'chart') {
        expect(p.history, 'History captures reads as in a clean run').toBe(baseline.chart);
      } else {
        expect(p.grades, 'the grades read as in a clean run').toEqual(baseline.grades);
      }
    }

    // 4. The chart row: the user presses History captures (enabled on the embedded history when the live chart failed).
    let applied: string | null = null;
    if (endpoint.view === 'chart') {
      if (p.historyEnabled) {
        await page.getByRole('button', { name: 'History captures', exact: true }).click();
        applied = (await probe(page)).history;
        expect(applied).toMatch(/Applied to the bear, base and moon captures\.$/);
      } else {
        notes.push(`History captures disabled: ${p.history ?? ''}`);
      }
    }

    // 5. Still usable, scenario untouched, nothing unreadable, nothing uncaught.
    await checkViewAndScenario(expect, page, endpoint.view, applied);
    expect(await visibleText(page), 'no NaN or Infinity is shown').not.toMatch(/NaN|Infinity/);
    checkErrors(expect, errors);
    return notes.join('; ');
  } finally {
    await opened.close();
  }
}

// ---------------------------------------------------------------------------------------------------------
// The matrix
// ---------------------------------------------------------------------------------------------------------

const results = new Map<string, { ok: boolean; detail: string; ms: number }>();
const cellKey = (e: Endpoint, f: Fault): string => `${e.name} x ${f.name}`;

/** Opens `view` with every endpoint answering well, reads it with `read`, and insists on no alert and a clean console. */
async function cleanRun<T>(view: ViewKind, read: (opened: Opened) => Promise<T>): Promise<T & { asked: ReadonlySet<string> }> {
  const opened = await open(view, null, null, false);
  try {
    const value = await read(opened);
    const { alerts } = await probe(opened.page);
    if (alerts.length > 0 || opened.errors.length > 0)
      throw new Error(`clean ${view} run: alerts ${JSON.stringify(alerts)}, errors ${JSON.stringify(opened.errors)}`);
    return { ...value, asked: opened.asked };
  } finally {
    await opened.close();
  }
}

beforeAll(async () => {
  // Clean runs of the three views: what a readable (string-number) body must reproduce exactly.
  const [list, chart, grades] = await Promise.all([
    cleanRun('list', async (o) => {
      const p = await settle(o, (q) => liveStatus(q) !== undefined, false, 20_000);
      return { row: await bitcoinRow(o.page), status: liveStatus(p) ?? '(no live status)' };
    }),
    cleanRun('chart', async (o) => {
      const p = await settle(o, (q) => /^From \d+ windows/.test(q.history ?? ''), false, 20_000);
      if (!/CoinGecko market caps \(live, USD\)/.test(p.history ?? '')) throw new Error(`clean chart run: ${p.history}`);
      return { text: p.history ?? '' };
    }),
    cleanRun('grades', async (o) => {
      const p = await settle(o, allLive, false, 20_000);
      // The live values are what the bodies say (and differ from the snapshot's Cardano: 29.72 Sell, bearish).
      if (!allLive(p) || !/41\.50 Neutral/.test(p.grades['TM Grade'] ?? '') || !/Bullish/.test(p.grades.Signal ?? ''))
        throw new Error(`clean grades run: ${JSON.stringify(p.grades)}`);
      return { rows: p.grades };
    }),
  ]);
  baseline = {
    list: { row: list.row, status: list.status },
    chart: chart.text,
    grades: grades.rows,
    asked: { list: list.asked, chart: chart.asked, grades: grades.asked },
  };
}, 60_000);

afterAll(() => {
  const first = Math.max(18, ...ENDPOINTS.map((e) => e.name.length));
  const widths = FAULTS.map((f) => Math.max(f.name.length, 4));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(i === 0 ? first : (widths[i - 1] ?? 4))).join(' | ');
  const rows = [line(['endpoint \\ fault', ...FAULTS.map((f) => f.name)]), line(['-'.repeat(first), ...widths.map((w) => '-'.repeat(w))])];
  for (const e of ENDPOINTS) {
    rows.push(
      line([
        e.name,
        ...FAULTS.map((f) => {
          const r = results.get(cellKey(e, f));
          return r === undefined ? '-' : r.ok ? 'pass' : 'FAIL';
        }),
      ]),
    );
  }
  const passed = [...results.values()].filter((r) => r.ok).length;
  const details = [...results]
    .filter(([, r]) => !r.ok || r.detail !== '')
    .map(([k, r]) => `  ${r.ok ? 'note' : 'FAIL'} ${k}: ${r.detail.split('\n')[0]?.slice(0, 400)}`);
  const slowest = [...results]
    .toSorted((a, b) => b[1].ms - a[1].ms)
    .slice(0, 3)
    .map(([k, r]) => `${k} ${(r.ms / 1000).toFixed(1)} s`);
  console.log(`\nFault matrix: ${passed}/${results.size} pass (slowest: ${slowest.join(', ')})\n${rows.join('\n')}\n${details.join('\n')}`);
});

/** `FAULT_MATRIX_ONLY=regex` runs only the matching cells (e.g. "TM /trader-grades x 500"). */
const only = process.env.FAULT_MATRIX_ONLY ? new RegExp(process.env.FAULT_MATRIX_ONLY) : null;

describe.concurrent('fault matrix', () => {
  for (const endpoint of ENDPOINTS) {
    for (const fault of FAULTS) {
      (only === null || only.test(cellKey(endpoint, fault)) ? it : it.skip)(
        cellKey(endpoint, fault),
        async ({ expect }) => {
          await slot(async () => {
            const started = Date.now();
            try {
              const note = await runCell(expect, endpoint, fault);
              results.set(cellKey(endpoint, fault), { ok: true, detail: note, ms: Date.now() - started });
            } catch (error) {
              results.set(cellKey(endpoint, fault), { ok: false, detail: error instanceof Error ? error.message : String(error), ms: Date.now() - started });
              throw error;
            }
          });
        },
        120_000,
      );
    }
  }
});
