// @vitest-environment node
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { http, passthrough } from 'msw';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { server as msw } from '../msw.ts';
import { datasetFromSnapshot } from '../../src/data/providers/snapshot.ts';
import { snapshotSchema, type Snapshot } from '../../src/data/schemas/snapshot.ts';
import { DERIVED_DIR, readDerived } from '../../scripts/snapshot/derived.ts';
import { isRefreshed } from '../../scripts/snapshot/refresh.ts';
import { main } from '../../scripts/refresh-snapshot.ts';

const CG_KEY = 'cg-demo-SECRET-4f1c9a';
const TM_KEY = 'tm-SECRET-77b2e0';
const NOW = new Date('2026-07-15T12:00:00.000Z');
const FRESH = '2026-07-15T11:58:30.000Z';

/** CoinGecko's recorded page: bitcoin, ethereum, ripple, cardano, tron, shiba-inu, pepe (2025-02-09). */
const recorded = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../fixtures/cg-markets.json'), 'utf8')) as Record<string, unknown>[];

/** A `/coins/markets` row shaped like the recorded ones, for a coin no derived file knows. */
function row(n: number): Record<string, unknown> {
  return {
    ...recorded[6],
    id: `stub-coin-${n}`,
    symbol: `stc${n}`,
    name: `Stub Coin ${n}`,
    image: `https://coin-images.example/${n}.png`,
    current_price: 1 + n / 100,
    market_cap: 1e9 - n * 1e6,
    market_cap_rank: n,
    circulating_supply: 1e9,
    total_supply: 2e9,
    max_supply: null,
    last_updated: FRESH,
  };
}

/** Rows the providers and the snapshot schema refuse: no price, a price past the engine's limits, an id the snapshot cannot key. */
const invalid = [
  { ...row(9001), current_price: null },
  { ...row(9002), current_price: 1e308 },
  { ...row(9003), id: 'Stub Coin With Spaces' },
];
// Page 1: the 7 recorded coins (ranks 1..7), 3 invalid rows, 240 new coins; page 2: 249 more and pepe again.
const page1 = [...recorded, ...invalid, ...Array.from({ length: 240 }, (_, i) => row(8 + i))];
const page2 = [...Array.from({ length: 249 }, (_, i) => row(248 + i)), recorded[6]];
const globalBody = { data: { total_market_cap: { usd: 3.25e12, eur: 3e12 }, market_cap_percentage: { btc: 57.4 }, updated_at: 1_784_116_700 } };

interface Reply {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}
type Routes = Record<string, (query: URLSearchParams) => Reply>;

const tmRows = (rows: unknown[]): Reply => ({ body: { success: true, message: 'ok', length: rows.length, data: rows } });
const defaultRoutes = (): Routes => ({
  '/cg/coins/markets': (q) => ({ body: q.get('page') === '1' ? page1 : q.get('page') === '2' ? page2 : [] }),
  '/cg/global': () => ({ body: globalBody }),
  '/tm/tokens': (q) =>
    tmRows(
      [
        { TOKEN_ID: 3375, TOKEN_NAME: 'Bitcoin', TOKEN_SYMBOL: 'BTC' },
        { TOKEN_ID: 3315, TOKEN_NAME: 'Cardano', TOKEN_SYMBOL: 'ADA' },
      ].filter((r) => (q.get('symbol') ?? '').split(',').includes(r.TOKEN_SYMBOL)),
    ),
  '/tm/tm-grade': () => tmRows([{ TOKEN_ID: 3375, TM_GRADE: '71.5', TM_GRADE_SIGNAL: 'BUY', FUNDAMENTAL_GRADE: 88, DATE: '2026-07-15T00:00:00Z' }]),
  '/tm/trader-grades': () =>
    tmRows([{ TOKEN_ID: 3315, TM_TRADER_GRADE: 55.2, TA_GRADE: 40, QUANT_GRADE: 60, TM_TRADER_GRADE_24H_PCT_CHANGE: -1.5, DATE: '2026-07-15' }]),
  '/tm/investor-grades': () => ({ status: 503, body: { message: 'down' } }),
  '/tm/technology-grade': () => tmRows([]),
  '/tm/trading-signals': () =>
    tmRows([{ TOKEN_ID: 3315, TOKEN_TREND: 1, TRADING_SIGNAL: 0, TM_TRADER_GRADE: 55.2, TM_INVESTOR_GRADE: null, DATE: '2026-07-15' }]),
});

let routes: Routes = defaultRoutes();
const seen: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
let server: Server;
let base = '';
let dir = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stub');
    seen.push({ url: req.url ?? '', headers: req.headers });
    const route = routes[url.pathname];
    const reply = route ? route(url.searchParams) : { status: 404, body: { error: 'not found' } };
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
    res.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = mkdtempSync(path.join(tmpdir(), 'capbands-refresh-'));
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  // The test setup's MSW refuses every request it has no handler for: let the loopback stub through.
  msw.use(http.all(`${base}/*`, () => passthrough()));
  routes = defaultRoutes();
  seen.length = 0;
});

const env = (extra: Record<string, string> = {}) => ({ COINGECKO_BASE: `${base}/cg`, COINGECKO_API_KEY: CG_KEY, ...extra });
const withTm = () => env({ TOKENMETRICS_BASE: `${base}/tm`, TOKENMETRICS_API_KEY: TM_KEY });

/** Runs the command in-process against the stub; returns its exit code, output and the file. */
async function refresh(vars: Record<string, string>, out = path.join(dir, 'snapshot.json'), args: string[] = []) {
  const lines = { out: '', err: '' };
  const code = await main(['--out', out, ...args], vars, {
    out: (s) => void (lines.out += s),
    err: (s) => void (lines.err += s),
    now: () => NOW,
  });
  let text = '';
  try {
    text = readFileSync(out, 'utf8');
  } catch {
    // No file: the failure tests check that.
  }
  return { code, ...lines, text };
}

describe('a refresh without a Token Metrics key', () => {
  it('writes a valid snapshot of the usable rows, with the derived facts of the tokens that have them', async () => {
    const { code, out, err, text } = await refresh(env());
    expect(err).toBe('');
    expect(code).toBe(0);
    const s: Snapshot = snapshotSchema.parse(JSON.parse(text));
    // 7 recorded + 240 + 249 new coins; pepe's second row and the 3 invalid rows are left out and counted.
    expect(s.tokens).toHaveLength(496);
    expect(out).toContain('tokens: 496 (3 rows dropped as invalid, 1 listed twice)');
    expect(s.tokens.slice(0, 3).map((t) => t.id)).toEqual(['bitcoin', 'ethereum', 'ripple']);
    expect(s.tokens.map((t) => t.id)).not.toContain('stub-coin-9001');

    const derived = readDerived(DERIVED_DIR);
    const btc = s.tokens[0];
    expect(btc).toMatchObject({ cmcId: 1, price: 96114.08481738689, categories: derived.tokens.entries['bitcoin']?.categories });
    expect(btc?.change.d90).toBeNull();
    // Observed captures and published tables carried over for the recorded coins the derived files hold.
    for (const id of ['bitcoin', 'ethereum', 'cardano', 'tron']) expect(s.observed?.[id]).toStrictEqual(derived.observed.entries[id]);
    expect(s.published['cardano']).toStrictEqual(derived.published.entries['cardano']);
    expect(s.published['tron']).toStrictEqual(derived.published.entries['tron']);
    expect(s.grades['cardano']).toStrictEqual(derived.grades.entries['cardano']);
    expect(out).toContain('(no TOKENMETRICS_API_KEY: the derived grades)');

    // A coin the derived files do not know: no CMC id, no categories, no observed captures (the app's default captures).
    const stub = s.tokens.find((t) => t.id === 'stub-coin-8');
    expect(stub).toMatchObject({ cmcId: null, categories: [], rank: 8, logo: 'https://coin-images.example/8.png' });
    expect(s.observed?.['stub-coin-8']).toBeUndefined();
    expect(s.grades['stub-coin-8']).toBeUndefined();

    // The app's loader takes it whole.
    const dataset = datasetFromSnapshot(JSON.parse(text));
    expect(dataset).toMatchObject({ dropped: 0, asOf: NOW.toISOString() });
    expect(dataset.tokens).toHaveLength(496);
  });

  it('names its sources and dates, and keeps only the derived sources its entries cite', async () => {
    const s: Snapshot = snapshotSchema.parse(JSON.parse((await refresh(env())).text));
    expect(s.asOf).toBe(NOW.toISOString());
    expect(isRefreshed(s)).toBe(true);
    expect(s.market).toEqual({ totalMarketCap: 3.25e12, btcDominance: 57.4, asOf: new Date(1_784_116_700_000).toISOString(), source: 'cg-global-2026-07-15' });
    expect(s.sources['cg-markets-2026-07-15']).toMatchObject({ asOf: FRESH, url: 'https://docs.coingecko.com/reference/coins-markets' });
    // The derived grades' sources that no kept grade cites (the trader-grades file's, here) are left out.
    expect(Object.keys(s.sources)).toEqual([
      'cg-markets-2026-07-15',
      'cg-global-2026-07-15',
      'cmc-2026-01-09',
      'tm-signals-2025-04-08',
      'tm-analysis-cardano-2025',
      'tm-analysis-tron-2025',
      'capbands-observed-2026-01-09',
    ]);
  });

  it('never sends a key in a URL, and never writes or prints one', async () => {
    const { out, err, text } = await refresh(env());
    expect(seen.map((r) => r.url)).toEqual([
      '/cg/coins/markets?vs_currency=usd&order=market_cap_desc&per_page=250&page=1&price_change_percentage=24h%2C7d%2C30d%2C1y',
      '/cg/coins/markets?vs_currency=usd&order=market_cap_desc&per_page=250&page=2&price_change_percentage=24h%2C7d%2C30d%2C1y',
      '/cg/global',
    ]);
    expect(seen.every((r) => r.headers['x-cg-demo-api-key'] === CG_KEY)).toBe(true);
    expect(text.length).toBeGreaterThan(100_000);
    for (const written of [out, err, text]) expect(written).not.toContain(CG_KEY);
  });
});

describe('a refresh with a Token Metrics key', () => {
  it("puts today's grades over the derived ones, kind by kind, and says which endpoint failed", async () => {
    const { code, out, text } = await refresh(withTm());
    expect(code).toBe(0);
    const s: Snapshot = snapshotSchema.parse(JSON.parse(text));
    const derived = readDerived(DERIVED_DIR);
    const at = { asOf: '2026-07-15', source: 'tm-api-2026-07-15' };
    expect(s.grades['bitcoin']?.tmGrade).toEqual({ value: 71.5, rating: 'Buy', ...at });
    expect(s.grades['bitcoin']?.fundamental).toMatchObject({ value: 88, ...at });
    // Cardano: the trader grade and the signal are today's; the article's TM Grade and Technology stay.
    expect(s.grades['cardano']?.traderGrade).toEqual({ value: 55.2, ta: 40, quant: 60, change24h: -1.5, ...at });
    expect(s.grades['cardano']?.signal).toEqual({ trend: 'bullish', ...at });
    expect(s.grades['cardano']?.tmGrade).toStrictEqual(derived.grades.entries['cardano']?.tmGrade);
    expect(s.grades['cardano']?.technology).toStrictEqual(derived.grades.entries['cardano']?.technology);
    expect(s.sources['tm-api-2026-07-15']).toMatchObject({ asOf: '2026-07-15' });
    expect(out).toContain('2 graded by Token Metrics today');
    expect(out).toMatch(/warning: Token Metrics tokens 1-100: Token Metrics: HTTP 503; the derived grades of that kind stay/);

    const tm = seen.filter((r) => r.url.startsWith('/tm/'));
    // 496 tokens: 5 batches of 100, each a /tokens look-up (the last batch's symbols match nothing, so no grades call).
    expect(tm.filter((r) => r.url.startsWith('/tm/tokens'))).toHaveLength(5);
    expect(tm.every((r) => r.headers['x-api-key'] === TM_KEY && !r.url.includes(TM_KEY))).toBe(true);
    for (const written of [out, text]) expect(written).not.toContain(TM_KEY);
  });
});

const out = () => path.join(dir, 'kept.json');
const keep = () => writeFileSync(out(), 'the existing snapshot\n');

describe('a refresh that fails', () => {
  it.each<[string, () => void, RegExp]>([
    [
      'a 429 on the second page',
      () =>
        void (routes['/cg/coins/markets'] = (q) =>
          q.get('page') === '2' ? { status: 429, body: { status: { error_code: 429 } }, headers: { 'retry-after': '60' } } : { body: page1 }),
      /refresh failed: CoinGecko \/coins\/markets page 2: HTTP 429 \(retry after 60 s\)/,
    ],
    [
      'a broken body',
      () => void (routes['/cg/coins/markets'] = () => ({ body: '[{"id": "bitcoin", "sym' })),
      /refresh failed: CoinGecko \/coins\/markets page 1: HTTP 200, invalid response \(not JSON\)/,
    ],
    [
      'an HTML error page',
      () => void (routes['/cg/global'] = () => ({ body: '<html>Bad gateway</html>', status: 200 })),
      /CoinGecko \/global: HTTP 200, invalid response \(HTML instead of JSON\)/,
    ],
    [
      'a global without a total',
      () => void (routes['/cg/global'] = () => ({ body: { data: {} } })),
      /CoinGecko \/global: HTTP 200, invalid response \(global has no total market cap\)/,
    ],
    [
      'a page that is not a list',
      () => void (routes['/cg/coins/markets'] = () => ({ body: { error: 'x' } })),
      /page 1: HTTP 200, invalid response \(markets is not a list\)/,
    ],
    [
      'a second page with no rows',
      () => void (routes['/cg/coins/markets'] = (q) => ({ body: q.get('page') === '1' ? page1 : [] })),
      /CoinGecko \/coins\/markets: only 247 usable tokens \(3 rows dropped\), fewer than the 400/,
    ],
    [
      'Token Metrics refusing the key',
      () => void (routes['/tm/tokens'] = () => ({ status: 401, body: { message: 'bad key' } })),
      /refresh failed: Token Metrics tokens 1-100 \/tokens: HTTP 401/,
    ],
  ])('%s: exits 1, names the source and status, and leaves the file alone', async (_, breakIt, message) => {
    keep();
    breakIt();
    const r = await refresh(withTm(), out());
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(r.err).toContain(`${out()} is unchanged`);
    expect(r.text).toBe('the existing snapshot\n');
    for (const written of [r.out, r.err]) {
      expect(written).not.toContain(CG_KEY);
      expect(written).not.toContain(TM_KEY);
    }
  });

  it('says which derived file is missing', async () => {
    keep();
    const r = await refresh(env(), out(), ['--derived', path.join(dir, 'nowhere')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/derived file .*nowhere\/tokens\.json: .*run `npm run snapshot`/);
    expect(r.text).toBe('the existing snapshot\n');
  });
});

describe('npm run snapshot:live as a process', () => {
  const script = path.resolve(import.meta.dirname, '../../scripts/refresh-snapshot.ts');
  const run = (vars: Record<string, string>, file: string) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', script, '--out', file],
        { env: { PATH: process.env['PATH'] ?? '', ...vars }, timeout: 60_000 },
        (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
      );
    });

  it('exits 0 and writes the file, or exits 1 on a 429 and keeps it', async () => {
    const file = path.join(dir, 'process.json');
    const ok = await run(env(), file);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('tokens: 496');
    const written = readFileSync(file, 'utf8');
    expect(snapshotSchema.safeParse(JSON.parse(written)).success).toBe(true);

    routes['/cg/global'] = () => ({ status: 429, body: {} });
    const limited = await run(env(), file);
    expect(limited.code).toBe(1);
    expect(limited.stderr).toContain('refresh failed: CoinGecko /global: HTTP 429');
    expect(readFileSync(file, 'utf8')).toBe(written);
    expect(`${ok.stdout}${limited.stdout}${limited.stderr}`).not.toContain(CG_KEY);
  }, 60_000);
});
