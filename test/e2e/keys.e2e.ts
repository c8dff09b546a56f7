/**
 * Quality gate (security): API keys go only where they belong.
 *
 * A session types a CoinGecko and a Token Metrics key into Settings ("Remember keys" off), browses live
 * prices and live grades, opens a token, exports PNG/SVG/CSV, exports the screener CSV and copies the
 * link. Then: the keys appear in no request URL, no address the tab ever showed, not in localStorage, the
 * persisted query cache (IndexedDB), the console, any exported file or the clipboard, nor in the text of a
 * view; they do appear in the right request header only (`x-cg-demo-api-key` on `/proxy/coingecko/*`,
 * `x-api-key` on `/proxy/tokenmetrics/*`) and in sessionStorage. With "Remember keys" on they move to
 * localStorage (out of sessionStorage); off again, they leave localStorage.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { newPage, sharedBrowser } from './browser.ts';

const baseUrl = inject('baseUrl');
const CG_KEY = 'CG-k3y-7f3a9c1e5b';
const TM_KEY = 'TM-k3y-d41d8cd98f00b204';
/** Any leak of at least this much of a key counts (a prefix sent while the key was being typed, too). */
const PREFIX = 7;
const KEYS_ITEM = 'capbands.keys.v1';

const MARKETS: unknown = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/cg-markets.json'), 'utf8'));
const GLOBAL = { data: { total_market_cap: { usd: 3.2e12 }, market_cap_percentage: { btc: 57 }, updated_at: 1_739_123_044 } };
const CHART = {
  prices: Array.from({ length: 200 }, (_, i) => [Date.UTC(2025, 9, 1) + i * 86_400_000, 0.6 + i / 1000]),
  market_caps: Array.from({ length: 200 }, (_, i) => [Date.UTC(2025, 9, 1) + i * 86_400_000, 2.2e10 + i * 1e8]),
  total_volumes: [],
};
const tm = (rows: unknown[]): unknown => ({ success: true, message: 'Data fetched successfully', length: rows.length, data: rows });
const TM: Readonly<Record<string, unknown>> = {
  tokens: tm([
    { TOKEN_ID: 3315, TOKEN_NAME: 'Cardano', TOKEN_SYMBOL: 'ADA' },
    { TOKEN_ID: 3375, TOKEN_NAME: 'Bitcoin', TOKEN_SYMBOL: 'BTC' },
  ]),
  'tm-grade': tm([{ TOKEN_ID: 3315, TM_GRADE: 41.5, TM_GRADE_SIGNAL: 'Neutral', FUNDAMENTAL_GRADE: 66.4, DATE: '2026-11-20' }]),
  'trader-grades': tm([{ TOKEN_ID: 3315, TM_TRADER_GRADE: 62.3, TA_GRADE: 55, QUANT_GRADE: 70, DATE: '2026-11-20' }]),
  'investor-grades': tm([{ TOKEN_ID: 3315, TM_INVESTOR_GRADE: 57.8, DATE: '2026-11-20' }]),
  'technology-grade': tm([{ TOKEN_ID: 3315, TECHNOLOGY_GRADE: 73.1, ACTIVITY_SCORE: 70, DATE: '2026-11-20' }]),
  'trading-signals': tm([{ TOKEN_ID: 3315, TOKEN_TREND: 1, TRADING_SIGNAL: 0, DATE: '2026-11-20' }]),
  'scenario-analysis': tm([]),
};

/** Every form in which a key (or a long enough prefix of it) could be written down. */
function leakForms(key: string): string[] {
  const prefix = key.slice(0, PREFIX);
  const forms = new Set([prefix, encodeURIComponent(prefix), Buffer.from(key).toString('base64').slice(0, 8), prefix.split('').toReversed().join('')]);
  return [...forms];
}
const FORMS = [...leakForms(CG_KEY), ...leakForms(TM_KEY)];
/** The forms of either key found in `text` (none: []). */
const leaks = (text: string): string[] => FORMS.filter((f) => text.includes(f));

const browser = sharedBrowser();
let context: BrowserContext;
let page: Page;

interface Sent {
  readonly url: string;
  readonly headers: Record<string, string>;
}
const requests: Sent[] = [];
const addresses: string[] = [];
const consoleLines: string[] = [];
const files: Array<{ name: string; bytes: Buffer }> = [];
let clipboard = '';
const viewTexts: string[] = [];

async function download(name: string, where: Page = page): Promise<void> {
  const [dl] = await Promise.all([where.waitForEvent('download'), where.getByRole('button', { name, exact: true }).click()]);
  files.push({ name: dl.suggestedFilename(), bytes: readFileSync(await dl.path()) });
}

async function storage(kind: 'localStorage' | 'sessionStorage'): Promise<Record<string, string>> {
  return page.evaluate((k) => {
    const store = k === 'localStorage' ? window.localStorage : window.sessionStorage;
    const out: Record<string, string> = {};
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key !== null) out[key] = store.getItem(key) ?? '';
    }
    return out;
  }, kind);
}

/** idb-keyval's default database (`keyval-store` / `keyval`), where the query cache is persisted: every key and value as text. */
async function indexedDbDump(): Promise<{ databases: string[]; entries: Record<string, string> }> {
  return page.evaluate(async () => {
    const databases = (await indexedDB.databases()).map((d) => d.name ?? '');
    const entries: Record<string, string> = {};
    for (const name of databases) {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      for (const storeName of db.objectStoreNames) {
        const tx = db.transaction(storeName, 'readonly');
        const store = tx.objectStore(storeName);
        const [keys, values] = await Promise.all(
          [store.getAllKeys(), store.getAll()].map(
            (req) =>
              new Promise<unknown[]>((ok, fail) => {
                req.onsuccess = () => ok(req.result as unknown[]);
                req.onerror = () => fail(req.error);
              }),
          ),
        );
        (keys ?? []).forEach((k, i) => {
          const v = (values ?? [])[i];
          entries[`${name}/${storeName}/${String(k)}`] = typeof v === 'string' ? v : JSON.stringify(v);
        });
      }
      db.close();
    }
    return { databases, entries };
  });
}

beforeAll(async () => {
  ({ context, page } = await newPage(browser(), { viewport: { width: 1280, height: 900 }, acceptDownloads: true }));
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  context.on('request', (r: Request) => requests.push({ url: r.url(), headers: r.headers() }));
  context.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame()) addresses.push(f.url());
  });
  // Every address the app writes without a navigation (pushState/replaceState), reported as it happens.
  await page.exposeFunction('e2eReportAddress', (url: string) => addresses.push(url));
  await page.addInitScript(() => {
    for (const method of ['pushState', 'replaceState'] as const) {
      const original = history[method].bind(history);
      history[method] = (data: unknown, unused: string, url?: string | URL | null) => {
        original(data, unused, url);
        (window as unknown as { e2eReportAddress: (u: string) => void }).e2eReportAddress(location.href);
      };
    }
  });
  await page.route('**/proxy/**', (route) => {
    const url = new URL(route.request().url());
    const json = (body: unknown) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
    if (url.pathname === '/proxy/coingecko/coins/markets') return json(url.searchParams.get('page') === '1' ? MARKETS : []);
    if (url.pathname === '/proxy/coingecko/global') return json(GLOBAL);
    if (/^\/proxy\/coingecko\/coins\/[^/]+\/market_chart$/.test(url.pathname)) return json(CHART);
    const tmBody = TM[url.pathname.replace('/proxy/tokenmetrics/', '')];
    if (url.pathname.startsWith('/proxy/tokenmetrics/') && tmBody !== undefined) return json(tmBody);
    return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not routed' });
  });

  // The session: keys typed into Settings, key by key as a person types.
  await page.goto(`${baseUrl}/settings`);
  if (await page.getByRole('checkbox', { name: 'Remember keys on this device' }).isChecked()) throw new Error('"Remember keys" must be off by default');
  await page.getByLabel('CoinGecko API key').pressSequentially(CG_KEY);
  await page.getByLabel('Token Metrics API key').pressSequentially(TM_KEY);
  await page.waitForTimeout(700); // the settings take a key once typing pauses (500 ms)

  // Live prices and live grades in the token browser; the screener's CSV.
  await page.goto(`${baseUrl}/?source=coingecko`);
  await page.getByRole('status').filter({ hasText: 'CoinGecko (live)' }).waitFor({ timeout: 20_000 });
  viewTexts.push(await page.locator('body').innerText());
  await download('Export CSV');

  // A token: live grades, History captures from the live chart, every export, the link.
  await page.getByRole('table', { name: 'Tokens' }).getByRole('link', { name: 'Cardano', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Cardano (ADA)' }).waitFor();
  await page.getByRole('region', { name: 'Grades' }).getByText('Token Metrics (live)').first().waitFor({ timeout: 20_000 });
  await page.getByRole('figure', { name: 'Price bands chart' }).locator('svg.recharts-surface').waitFor();
  viewTexts.push(await page.locator('body').innerText());
  for (const name of ['Export PNG', 'Export SVG', 'Export CSV']) await download(name);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await page.getByText('Link copied').waitFor();
  clipboard = await page.evaluate(() => navigator.clipboard.readText());
  // Compare, whose link and exports are built from the address too.
  await page.goto(`${baseUrl}/compare?ids=cardano,bitcoin`);
  await page.getByRole('table', { name: 'Multiples' }).waitFor();
  await download('Export CSV');
  // The query cache is persisted at most every 2 s: give it the time to write.
  await page.waitForTimeout(2500);
}, 90_000);

describe('API keys after a session with "Remember keys" off', () => {
  it('the session really used both keys, live', () => {
    expect(requests.some((r) => r.url.includes('/proxy/coingecko/coins/markets'))).toBe(true);
    expect(requests.some((r) => r.url.includes('/proxy/tokenmetrics/tm-grade'))).toBe(true);
    expect(files.map((f) => f.name.replace(/\d{4}-\d{2}-\d{2}/g, 'DATE'))).toEqual([
      expect.stringMatching(/^capbands-screen-.*\.csv$/),
      'capbands-ada-data-DATE-made-DATE.png',
      'capbands-ada-data-DATE-made-DATE.svg',
      'capbands-ada-DATE.csv',
      expect.stringMatching(/^capbands-ada-btc-DATE\.csv$/),
    ]);
  });

  it('no request URL carries a key', () => {
    expect(requests.length).toBeGreaterThan(10);
    expect(requests.filter((r) => leaks(decodeURIComponent(r.url)).length > 0 || leaks(r.url).length > 0).map((r) => r.url)).toEqual([]);
  });

  it('each key travels only in its own provider header, on its own provider path', () => {
    const cg = requests.filter((r) => new URL(r.url).pathname.startsWith('/proxy/coingecko/'));
    const tmRequests = requests.filter((r) => new URL(r.url).pathname.startsWith('/proxy/tokenmetrics/'));
    const others = requests.filter((r) => !cg.includes(r) && !tmRequests.includes(r));
    expect(cg.length).toBeGreaterThan(2);
    expect(tmRequests.length).toBeGreaterThan(2);
    // Settings hand a key over only once typing pauses: no request ever carried a part of one.
    expect(cg.at(-1)?.headers['x-cg-demo-api-key']).toBe(CG_KEY);
    expect(tmRequests.at(-1)?.headers['x-api-key']).toBe(TM_KEY);
    // Every request, as what it carries where: any key material outside its own header is a finding.
    const wrong: string[] = [];
    for (const r of cg) {
      const { 'x-cg-demo-api-key': own, ...rest } = r.headers;
      if (r.headers['x-api-key'] !== undefined) wrong.push(`${r.url}: x-api-key`);
      if (own !== undefined && own !== CG_KEY) wrong.push(`${r.url}: x-cg-demo-api-key is not the CoinGecko key`);
      if (leaks(JSON.stringify(rest)).length > 0) wrong.push(`${r.url}: a key in another header`);
    }
    for (const r of tmRequests) {
      const { 'x-api-key': own, ...rest } = r.headers;
      if (r.headers['x-cg-demo-api-key'] !== undefined) wrong.push(`${r.url}: x-cg-demo-api-key`);
      if (own !== TM_KEY) wrong.push(`${r.url}: x-api-key is not the Token Metrics key`);
      if (leaks(JSON.stringify(rest)).length > 0) wrong.push(`${r.url}: a key in another header`);
    }
    for (const r of others) if (leaks(JSON.stringify(r.headers)).length > 0) wrong.push(`${r.url}: a key in a header`);
    expect(others.length).toBeGreaterThan(3);
    expect(wrong).toEqual([]);
  });

  it('no address the tab showed carries a key', () => {
    expect(addresses.length).toBeGreaterThan(4);
    expect(addresses.filter((a) => leaks(a).length > 0 || leaks(decodeURIComponent(a)).length > 0)).toEqual([]);
  });

  it('keys are in sessionStorage only, not in localStorage', async () => {
    const session = await storage('sessionStorage');
    expect(JSON.parse(session[KEYS_ITEM] ?? '{}')).toEqual({ coingeckoKey: CG_KEY, tokenMetricsKey: TM_KEY });
    const local = await storage('localStorage');
    expect(Object.keys(local).length).toBeGreaterThan(0); // settings are there (and must hold no key)
    expect(leaks(JSON.stringify(local))).toEqual([]);
  });

  it('the persisted query cache (IndexedDB) holds live data and no key', async () => {
    const { databases, entries } = await indexedDbDump();
    expect(databases).toContain('keyval-store');
    const all = JSON.stringify(entries);
    expect(all).toContain('capbands.query-cache');
    expect(all).toContain('bitcoin'); // the live markets were persisted: the check below reads real data
    expect(leaks(all)).toEqual([]);
  });

  it('nothing on the console names a key', () => {
    expect(consoleLines.filter((l) => leaks(l).length > 0)).toEqual([]);
  });

  it('no exported file holds a key (PNG, SVG, CSV; the screener and compare CSVs)', () => {
    expect(files.filter((f) => f.bytes.length < 100).map((f) => f.name)).toEqual([]);
    const found = files.flatMap((f) =>
      (['latin1', 'utf8', 'utf16le'] as const).flatMap((encoding) => leaks(f.bytes.toString(encoding)).map((form) => `${f.name} (${encoding}): ${form}`)),
    );
    expect(found).toEqual([]);
  });

  it('the copied link holds no key, and no view shows one', () => {
    expect(new URL(clipboard).pathname).toBe('/token/cardano');
    expect(leaks(clipboard)).toEqual([]);
    expect(leaks(decodeURIComponent(clipboard))).toEqual([]);
    expect(viewTexts.length).toBe(2);
    for (const text of viewTexts) expect(leaks(text)).toEqual([]);
  });
});

describe('"Remember keys on this device"', () => {
  it('on: the keys move to localStorage and leave sessionStorage; off: they leave localStorage', async () => {
    await page.goto(`${baseUrl}/settings`);
    const remember = page.getByRole('checkbox', { name: 'Remember keys on this device' });
    await remember.check();
    await expect.poll(async () => (await storage('localStorage'))[KEYS_ITEM]).toBeDefined();
    expect(JSON.parse((await storage('localStorage'))[KEYS_ITEM] ?? '{}')).toEqual({ coingeckoKey: CG_KEY, tokenMetricsKey: TM_KEY });
    expect((await storage('sessionStorage'))[KEYS_ITEM]).toBeUndefined();
    expect(leaks(JSON.stringify(await storage('sessionStorage')))).toEqual([]);

    // Remembered: a new tab of the same browser profile has them.
    const other = await context.newPage();
    await other.goto(`${baseUrl}/settings`);
    expect(await other.getByLabel('CoinGecko API key').inputValue()).toBe(CG_KEY);
    expect(await other.getByLabel('Token Metrics API key').inputValue()).toBe(TM_KEY);
    await other.close();

    await remember.uncheck();
    await expect.poll(async () => (await storage('localStorage'))[KEYS_ITEM]).toBeUndefined();
    expect(leaks(JSON.stringify(await storage('localStorage')))).toEqual([]);
    // Still usable in this tab, from sessionStorage.
    expect(JSON.parse((await storage('sessionStorage'))[KEYS_ITEM] ?? '{}')).toEqual({ coingeckoKey: CG_KEY, tokenMetricsKey: TM_KEY });
  });
});
