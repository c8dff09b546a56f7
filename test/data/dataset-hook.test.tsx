import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { configure, renderHook, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useDataset, type DataConfig } from '../../src/data/queries/dataset.ts';
import { MAX_RETRIES } from '../../src/data/queries/retry.ts';
import { useSettingsStore } from '../../src/state/settings-store.ts';
import { renderApp } from '../app/render-app.tsx';
import { fixture, historyHandler, server, snapshotJson } from '../msw.ts';

// Other suites may share these two cores: give async queries room before calling a slow answer a failure.
configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 20_000 });

type Row = Record<string, unknown>;
interface SnapshotFile {
  asOf: string;
  tokens: Array<{ id: string; symbol: string; rank: number; categories: string[] }>;
  grades: Record<string, Record<string, unknown>>;
}
const snapshot = snapshotJson as unknown as SnapshotFile;
const recorded = fixture('cg-markets.json') as Row[];
const signals = fixture('tm-trading-signals.json') as { data: Row[] };

const CG_KEY = 'cg-secret-key';
const TM_KEY = 'tm-secret-key';
const TOTAL_MARKET_CAP = 3.21e12;
const GLOBAL_UPDATED_AT = 1_767_979_268;

const liveConfig: DataConfig = { source: 'coingecko', pages: 2, coingecko: { base: '/proxy/coingecko', apiKey: CG_KEY }, tokenmetrics: null };
const snapshotConfig: DataConfig = { ...liveConfig, source: 'snapshot' };
const tmConfig: DataConfig = { ...liveConfig, tokenmetrics: { base: '/proxy/tokenmetrics', apiKey: TM_KEY } };

/** Page 1 is the recorded page; later pages are the same rows under other ids and ranks. */
function marketsPage(page: number): Row[] {
  if (page === 1) return recorded;
  return recorded.map((r, i) => ({ ...r, id: `${String(r.id)}-p${page}`, name: `${String(r.name)} ${page}`, market_cap_rank: (page - 1) * 250 + i + 1 }));
}

/** Every request the app made: URL and the key headers, so a test can check where keys went. */
interface Seen {
  url: string;
  cgKey: string | null;
  tmKey: string | null;
}

function recordRequests(): Seen[] {
  const seen: Seen[] = [];
  server.events.on('request:start', ({ request }) => {
    seen.push({ url: request.url, cgKey: request.headers.get('x-cg-demo-api-key'), tmKey: request.headers.get('x-api-key') });
  });
  return seen;
}

const limited = () => new HttpResponse(null, { status: 429, headers: { 'Retry-After': '0' } });
const globalHandler = http.get('*/proxy/coingecko/global', () =>
  HttpResponse.json({ data: { total_market_cap: { usd: TOTAL_MARKET_CAP }, market_cap_percentage: { btc: 58 }, updated_at: GLOBAL_UPDATED_AT } }),
);
const marketsHandler = http.get('*/proxy/coingecko/coins/markets', ({ request }) =>
  HttpResponse.json(marketsPage(Number(new URL(request.url).searchParams.get('page')))),
);

afterEach(() => {
  server.events.removeAllListeners();
});

function renderDataset(config: DataConfig, focusId?: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  return { ...renderHook(() => useDataset(config, focusId), { wrapper }), queryClient };
}

function calls(seen: readonly Seen[], path: string): number {
  return seen.filter((s) => new URL(s.url).pathname.endsWith(path)).length;
}

describe('useDataset: the snapshot', () => {
  it('gives the 500 tokens of the embedded snapshot, with no failure and no live request', async () => {
    const seen = recordRequests();
    const { result } = renderDataset(snapshotConfig);
    await waitFor(() => expect(result.current.dataset).toBeDefined());
    const { dataset, failures, fatal, isLoading } = result.current;
    expect(dataset?.source).toBe('snapshot');
    expect(dataset?.tokens).toHaveLength(snapshot.tokens.length);
    expect(dataset?.tokens).toHaveLength(500);
    expect(dataset?.asOf).toBe(snapshot.asOf);
    expect({ failures, fatal, isLoading }).toEqual({ failures: [], fatal: null, isLoading: false });
    expect(seen.map((s) => new URL(s.url).pathname)).toEqual(['/data/snapshot.json']);
  });

  it('reports a fatal error when the snapshot cannot be read', async () => {
    server.use(http.get('*/data/snapshot.json', () => new HttpResponse('<html>oops</html>', { status: 200 })));
    const { result } = renderDataset(snapshotConfig);
    await waitFor(() => expect(result.current.fatal).not.toBeNull());
    expect(result.current.fatal?.reason).toBe('invalid response (HTML instead of JSON)');
    expect(result.current.dataset).toBeUndefined();
    expect(result.current.isLoading).toBe(false);
  });
});

describe('useDataset: live CoinGecko prices', () => {
  it('loads every page, takes categories from the snapshot and the total from /global', async () => {
    const seen = recordRequests();
    server.use(marketsHandler, globalHandler);
    const { result } = renderDataset(liveConfig);
    expect(result.current.isLoading).toBe(true);
    await waitFor(() => expect(result.current.dataset?.source).toBe('coingecko'));
    const { dataset, failures } = result.current;
    expect(failures).toEqual([]);
    expect(dataset?.tokens).toHaveLength(marketsPage(1).length + marketsPage(2).length);
    expect(dataset?.market.totalMarketCap).toBe(TOTAL_MARKET_CAP);
    expect(dataset?.market.asOf).toBe(new Date(GLOBAL_UPDATED_AT * 1000).toISOString());
    expect(dataset?.sources[dataset.market.source]?.name).toMatch(/CoinGecko/);
    // Prices are the live ones, categories the snapshot's.
    for (const row of recorded) {
      const live = dataset?.tokens.find((t) => t.id === row.id);
      expect(live?.price).toBe(row.current_price);
      expect(live?.categories).toEqual(snapshot.tokens.find((t) => t.id === row.id)?.categories);
    }
    expect(dataset?.tokens.find((t) => t.id === 'cardano-p2')?.categories).toEqual([]);
    // Ordered by rank.
    const ranks = dataset?.tokens.map((t) => t.rank ?? Number.POSITIVE_INFINITY) ?? [];
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    // Grades and published tables are still the snapshot's.
    expect(dataset?.grades.cardano).toEqual(snapshot.grades.cardano);
    // Pages one after the other, the key in a header only.
    const pages = seen.filter((s) => s.url.includes('/coins/markets')).map((s) => new URL(s.url).searchParams.get('page'));
    expect(pages).toEqual(['1', '2']);
    for (const s of seen.filter((x) => x.url.includes('/proxy/coingecko/'))) expect(s.cgKey).toBe(CG_KEY);
    for (const s of seen) expect(s.url).not.toContain(CG_KEY);
  });

  it('on HTTP 429 retries (at most 3 times), then shows the snapshot and says why', async () => {
    const seen = recordRequests();
    server.use(
      globalHandler,
      http.get('*/proxy/coingecko/coins/markets', () => new HttpResponse(null, { status: 429, headers: { 'Retry-After': '0' } })),
    );
    const { result } = renderDataset(liveConfig);
    // Named from the first failure on ("trying again now", as Retry-After: 0 asks), and plainly once the retries are spent.
    await waitFor(() => expect(result.current.failures[0]?.reason).toBe('HTTP 429'));
    const { dataset, failures } = result.current;
    expect(failures[0]).toEqual({ source: 'CoinGecko', reason: 'HTTP 429', fallback: 'the embedded snapshot', asOf: snapshot.asOf, calm: false });
    expect(dataset?.source).toBe('snapshot');
    expect(dataset?.tokens).toHaveLength(500);
    expect(calls(seen, '/coins/markets')).toBe(1 + MAX_RETRIES);
  });

  it('does not wait minutes for a long Retry-After: the snapshot and the reason come at once', async () => {
    const seen = recordRequests();
    server.use(
      globalHandler,
      http.get('*/proxy/coingecko/coins/markets', () => new HttpResponse(null, { status: 429, headers: { 'Retry-After': '600' } })),
    );
    const { result } = renderDataset(liveConfig);
    await waitFor(() => expect(result.current.failures).toHaveLength(1));
    expect(result.current.failures[0]).toMatchObject({ reason: 'HTTP 429', fallback: 'the embedded snapshot' });
    expect(calls(seen, '/coins/markets')).toBe(1);
  });

  it('does not retry a 4xx other than 429', async () => {
    const seen = recordRequests();
    server.use(
      globalHandler,
      http.get('*/proxy/coingecko/coins/markets', () => new HttpResponse(null, { status: 401 })),
    );
    const { result } = renderDataset(liveConfig);
    await waitFor(() => expect(result.current.failures).toHaveLength(1));
    expect(result.current.failures[0]?.reason).toBe('HTTP 401');
    expect(calls(seen, '/coins/markets')).toBe(1);
  });

  it('names an HTML page instead of JSON, without retrying it', async () => {
    const seen = recordRequests();
    server.use(
      globalHandler,
      http.get('*/proxy/coingecko/coins/markets', () => HttpResponse.html('<!doctype html><html><body>Cloudflare: just a moment…</body></html>')),
    );
    const { result } = renderDataset(liveConfig);
    await waitFor(() => expect(result.current.failures).toHaveLength(1));
    expect(result.current.failures[0]).toMatchObject({
      source: 'CoinGecko',
      reason: 'invalid response (HTML instead of JSON)',
      fallback: 'the embedded snapshot',
    });
    expect(result.current.dataset?.source).toBe('snapshot');
    expect(calls(seen, '/coins/markets')).toBe(1);
  });

  it('a failing /global also falls back to the snapshot', async () => {
    server.use(
      marketsHandler,
      http.get('*/proxy/coingecko/global', () => HttpResponse.json({ data: { total_market_cap: {} } })),
    );
    const { result } = renderDataset(liveConfig);
    await waitFor(() => expect(result.current.failures).toHaveLength(1));
    expect(result.current.failures[0]).toMatchObject({ source: 'CoinGecko', reason: 'invalid response (global has no total market cap)' });
    expect(result.current.dataset?.source).toBe('snapshot');
  });

  it('keeps page 1 when page 2 fails, and says how much loaded', async () => {
    server.use(
      globalHandler,
      http.get('*/proxy/coingecko/coins/markets', ({ request }) => {
        const page = Number(new URL(request.url).searchParams.get('page'));
        return page === 1 ? HttpResponse.json(marketsPage(1)) : new HttpResponse(null, { status: 500 });
      }),
    );
    const { result } = renderDataset(liveConfig);
    await waitFor(() => expect(result.current.dataset?.source).toBe('coingecko'));
    const { dataset, failures } = result.current;
    expect(dataset?.tokens.map((t) => t.id)).toEqual(recorded.map((r) => r.id));
    expect(failures).toEqual([{ source: 'CoinGecko', reason: 'HTTP 500; loaded 1 of 2 pages', fallback: 'the pages that loaded', asOf: dataset?.asOf }]);
  });
});

const forbidden = () => new HttpResponse(null, { status: 403 });
const envelope = (data: unknown[]) => ({ success: true, message: 'Data fetched successfully', length: data.length, data });
const tmTokens = [...new Map(signals.data.map((r) => [r.TOKEN_ID, { TOKEN_ID: r.TOKEN_ID, TOKEN_NAME: r.TOKEN_NAME, TOKEN_SYMBOL: r.TOKEN_SYMBOL }])).values()];
const ADA = 3315;
const TRX = 3119;
const DATE = '2026-11-20T00:00:00.000Z';

function tmHandlers(overrides: Partial<Record<string, () => Response>> = {}) {
  const answer = (path: string, rows: () => unknown[]) =>
    http.get(`*/proxy/tokenmetrics${path}`, ({ request }) => {
      const override = overrides[path];
      if (override) return override();
      const ids = new URL(request.url).searchParams.get('token_id')?.split(',').map(Number) ?? [];
      return HttpResponse.json(envelope(rows().filter((r) => ids.includes(Number((r as Row).TOKEN_ID)))));
    });
  return [
    http.get('*/proxy/tokenmetrics/tokens', ({ request }) => {
      const symbols = new URL(request.url).searchParams.get('symbol')?.split(',') ?? [];
      return HttpResponse.json(envelope(tmTokens.filter((t) => symbols.includes(String(t.TOKEN_SYMBOL)))));
    }),
    answer('/tm-grade', () => [
      { TOKEN_ID: ADA, TM_GRADE: '41.25', TM_GRADE_SIGNAL: 'NEUTRAL', FUNDAMENTAL_GRADE: 78, FUNDAMENTAL_GRADE_CLASS: null, DATE },
      { TOKEN_ID: TRX, TM_GRADE: 62, TM_GRADE_SIGNAL: 'buy', FUNDAMENTAL_GRADE: null, DATE },
    ]),
    answer('/trader-grades', () => [{ TOKEN_ID: ADA, TM_TRADER_GRADE: 44.4, TA_GRADE: 40, QUANT_GRADE: '50', TM_TRADER_GRADE_24H_PCT_CHANGE: 1.5, DATE }]),
    answer('/investor-grades', () => [{ TOKEN_ID: ADA, TM_INVESTOR_GRADE: 57.7, DATE }]),
    answer('/technology-grade', () => [
      {
        TOKEN_ID: ADA,
        TECHNOLOGY_GRADE: 83,
        ACTIVITY_SCORE: 77,
        SECURITY_SCORE: null,
        REPOSITORY_SCORE: 73,
        COLLABORATION_SCORE: 100,
        DEFI_SCANNER_SCORE: 84,
        DATE,
      },
    ]),
    answer('/trading-signals', () => signals.data),
    answer('/scenario-analysis', () => [{ TOKEN_ID: ADA, SCENARIO_PREDICTION: ADA_SCENARIO }]),
  ];
}

/** Token Metrics' live bands for Cardano: other numbers than the snapshot's table (2025, 4 tiers). */
const ADA_SCENARIO = {
  current_price: '0.61',
  predicted_date: DATE,
  scenario_prediction: [
    { scenario: 2, total_mcap_scenario: 7.75e12, predicted_price_bear: 0.9, predicted_price_base: 1.01, predicted_price_moon: 1.12 },
    { scenario: 4, total_mcap_scenario: 15.5e12, predicted_price_bear: 1.5, predicted_price_base: 1.8, predicted_price_moon: 2.1 },
    { scenario: 8, total_mcap_scenario: 31e12, predicted_price_bear: 2.5, predicted_price_base: 3.4, predicted_price_moon: 4.2 },
  ],
};

/** The same answer with its row's keys in lower case, as an API revision might send it. */
const renamedScenario = () => HttpResponse.json(envelope([{ token_id: ADA, scenario_prediction: ADA_SCENARIO }]));

describe('useDataset: live Token Metrics grades', () => {
  it('replaces the snapshot grades of matched tokens, keeps the others, and never puts a key in a URL', async () => {
    const seen = recordRequests();
    server.use(marketsHandler, globalHandler, ...tmHandlers());
    const { result } = renderDataset(tmConfig);
    await waitFor(() => expect(result.current.dataset?.sources['tm-live']).toBeDefined());
    const { dataset, failures } = result.current;
    expect(failures).toEqual([]);
    const ada = dataset?.grades.cardano;
    expect(ada?.tmGrade).toEqual({ value: 41.25, rating: 'Neutral', asOf: '2026-11-20', source: 'tm-live' });
    expect(ada?.traderGrade).toMatchObject({ value: 44.4, ta: 40, quant: 50, source: 'tm-live' });
    expect(ada?.investorGrade).toMatchObject({ value: 57.7, source: 'tm-live' });
    expect(ada?.technology?.value).toBe(83);
    expect(ada?.fundamental?.value).toBe(78);
    expect(ada?.signal).toMatchObject({ trend: 'bearish', source: 'tm-live' });
    expect(dataset?.grades.tron?.tmGrade).toMatchObject({ value: 62, rating: 'Buy' });
    expect(dataset?.grades.tron?.signal?.trend).toBe('bullish');
    // The newest of several dated rows wins.
    const xrpDates = signals.data.filter((r) => r.TOKEN_SYMBOL === 'XRP').map((r) => String(r.DATE).slice(0, 10));
    expect(dataset?.grades.ripple?.signal?.asOf).toBe([...xrpDates].sort().at(-1));
    // A token Token Metrics did not answer for keeps its snapshot grades; prices stay live.
    const unmatched = Object.keys(snapshot.grades).find((id) => !['cardano', 'tron', 'ripple', 'bitcoin', 'ethereum'].includes(id));
    expect(unmatched).toBeDefined();
    expect(dataset?.grades[unmatched ?? '']).toEqual(snapshot.grades[unmatched ?? '']);
    expect(dataset?.source).toBe('coingecko');

    const tmCalls = seen.filter((s) => s.url.includes('/proxy/tokenmetrics/'));
    expect(tmCalls.map((s) => new URL(s.url).pathname).sort()).toEqual(
      ['/tokens', '/tm-grade', '/trader-grades', '/investor-grades', '/technology-grade', '/trading-signals'].map((p) => `/proxy/tokenmetrics${p}`).sort(),
    );
    for (const s of tmCalls) expect(s.tmKey).toBe(TM_KEY);
    for (const s of seen) {
      expect(s.url).not.toContain(TM_KEY);
      expect(s.url).not.toContain(CG_KEY);
      if (!s.url.includes('/proxy/tokenmetrics/')) expect(s.tmKey).toBeNull();
      if (!s.url.includes('/proxy/coingecko/')) expect(s.cgKey).toBeNull();
    }
  });

  it('a failing endpoint is a Token Metrics failure; the other grades and the prices stay', async () => {
    server.use(marketsHandler, globalHandler, ...tmHandlers({ '/investor-grades': () => new HttpResponse(null, { status: 500 }) }));
    const { result } = renderDataset(tmConfig);
    await waitFor(() => expect(result.current.dataset?.sources['tm-live']).toBeDefined());
    const { dataset, failures } = result.current;
    expect(failures).toEqual([{ source: 'Token Metrics', reason: 'HTTP 500', fallback: 'the grades that loaded', asOf: expect.any(String) }]);
    expect(dataset?.source).toBe('coingecko');
    expect(dataset?.tokens.length).toBeGreaterThan(0);
    expect(dataset?.grades.cardano?.tmGrade?.source).toBe('tm-live');
    // The investor grade is the snapshot's, not a live one, and not 0.
    expect(dataset?.grades.cardano?.investorGrade).toEqual(snapshot.grades.cardano?.investorGrade);
  });

  it('when every grade endpoint fails, says so and keeps the snapshot grades', async () => {
    const paths = ['/tm-grade', '/trader-grades', '/investor-grades', '/technology-grade', '/trading-signals'];
    server.use(marketsHandler, globalHandler, ...tmHandlers(Object.fromEntries(paths.map((p) => [p, forbidden]))));
    const { result } = renderDataset(tmConfig);
    await waitFor(() => expect(result.current.failures).toHaveLength(1));
    expect(result.current.failures[0]).toMatchObject({ source: 'Token Metrics', reason: 'HTTP 403', fallback: "the snapshot's grades" });
    expect(result.current.dataset?.grades.cardano).toEqual(snapshot.grades.cardano);
    expect(result.current.dataset?.source).toBe('coingecko');
  });

  it('asks for the top tokens plus the focused one', async () => {
    const seen = recordRequests();
    server.use(...tmHandlers());
    const focus = snapshot.tokens.find((t) => t.rank > 300);
    expect(focus).toBeDefined();
    const { result } = renderDataset({ ...tmConfig, source: 'snapshot' }, focus?.id);
    await waitFor(() => expect(result.current.dataset?.sources['tm-live']).toBeDefined());
    const asked = seen.find((s) => s.url.includes('/proxy/tokenmetrics/tokens'));
    const symbols = new URL(asked?.url ?? 'http://x').searchParams.get('symbol')?.split(',') ?? [];
    expect(symbols).toContain(focus?.symbol.toUpperCase());
    expect(symbols).toContain('ADA');
    expect(symbols.length).toBeLessThanOrEqual(100);
  });
});

describe('useDataset: Token Metrics scenario analysis of the focused token', () => {
  const snapshotCardano = (snapshotJson as unknown as { published: Record<string, { source: string; asOf: string }> }).published.cardano;

  it("asks /scenario-analysis for the focused token only, and its table replaces the snapshot's", async () => {
    const seen = recordRequests();
    server.use(marketsHandler, globalHandler, ...tmHandlers());
    const { result, queryClient } = renderDataset(tmConfig, 'cardano');
    await waitFor(() => expect(result.current.dataset?.published.cardano?.source).toBe('tm-live'));
    const { dataset, failures } = result.current;
    expect(failures).toEqual([]);
    expect(dataset?.published.cardano).toMatchObject({
      source: 'tm-live',
      asOf: '2026-11-20',
      currentPrice: 0.61,
      tiers: [7.75e12, 15.5e12, 31e12],
      base: [1.01, 1.8, 3.4],
    });
    expect(dataset?.sources['tm-live']?.name).toBe('Token Metrics (live)');
    // Other tokens keep the snapshot's tables.
    expect(dataset?.published.tron?.source).toBe('tm-analysis-tron-2025');
    const asked = seen.filter((s) => new URL(s.url).pathname === '/proxy/tokenmetrics/scenario-analysis');
    expect(asked.map((s) => new URL(s.url).searchParams.get('token_id'))).toEqual([String(ADA)]);
    for (const s of asked) expect(s.tmKey).toBe(TM_KEY);
    // Neither a URL nor a query key (persisted to IndexedDB) holds the key.
    for (const s of seen) expect(s.url).not.toContain(TM_KEY);
    const keys = queryClient
      .getQueryCache()
      .getAll()
      .map((q) => JSON.stringify(q.queryKey));
    expect(keys.some((k) => k.includes('scenario'))).toBe(true);
    for (const k of keys) expect(k).not.toContain(TM_KEY);
  });

  it('without a focused token, or without a key, asks for no scenario analysis', async () => {
    const seen = recordRequests();
    server.use(marketsHandler, globalHandler, ...tmHandlers());
    const { result } = renderDataset(tmConfig);
    await waitFor(() => expect(result.current.dataset?.sources['tm-live']).toBeDefined());
    const noKey = renderDataset(liveConfig, 'cardano');
    await waitFor(() => expect(noKey.result.current.dataset?.source).toBe('coingecko'));
    expect(calls(seen, '/scenario-analysis')).toBe(0);
    expect(noKey.result.current.dataset?.published.cardano).toEqual(snapshotCardano);
  });

  it("a failure keeps the snapshot's table and is a Token Metrics failure that says what failed", async () => {
    server.use(marketsHandler, globalHandler, ...tmHandlers({ '/scenario-analysis': forbidden }));
    const { result } = renderDataset(tmConfig, 'cardano');
    await waitFor(() => expect(result.current.failures).toHaveLength(1));
    expect(result.current.failures[0]).toEqual({
      source: 'Token Metrics',
      subject: 'Published scenario',
      reason: 'HTTP 403',
      fallback: "the snapshot's published table",
      asOf: snapshotCardano?.asOf,
    });
    expect(result.current.dataset?.published.cardano).toEqual(snapshotCardano);
    // The grades still came live.
    await waitFor(() => expect(result.current.dataset?.grades.cardano?.tmGrade?.source).toBe('tm-live'));
  });

  it('an answer with no usable row is named as an invalid response', async () => {
    server.use(marketsHandler, globalHandler, ...tmHandlers({ '/scenario-analysis': renamedScenario }));
    const { result } = renderDataset(tmConfig, 'cardano');
    await waitFor(() => expect(result.current.failures).toHaveLength(1));
    expect(result.current.failures[0]).toMatchObject({
      reason: 'invalid response (/scenario-analysis: no usable rows)',
      fallback: "the snapshot's published table",
    });
  });
});

describe('through the whole app', () => {
  beforeEach(() => {
    useSettingsStore.setState(useSettingsStore.getInitialState(), true);
  });

  it('a CoinGecko 429 shows an alert naming the source, the reason and the snapshot date; the tokens stay', async () => {
    const seen = recordRequests();
    server.use(
      historyHandler,
      globalHandler,
      http.get('*/proxy/coingecko/coins/markets', limited),
      http.get('*/proxy/coingecko/coins/:id/market_chart', limited),
    );
    renderApp('/?source=coingecko');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('CoinGecko');
    expect(alert).toHaveTextContent('HTTP 429');
    expect(alert).toHaveTextContent(snapshot.asOf.slice(0, 10));
    expect(alert).toHaveTextContent('2026-01-09');
    expect(alert).toHaveTextContent(/snapshot/);
    const table = await screen.findByRole('table', { name: 'Tokens' });
    expect(within(table).getAllByRole('row').length).toBeGreaterThan(5);
    expect(within(table).getByRole('link', { name: 'Bitcoin' })).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/NaN/);
    expect(calls(seen, '/coins/markets')).toBe(1 + MAX_RETRIES);

    // Opening a token and coming back keeps the snapshot and the alert: no new round of requests.
    await userEvent.setup().click(within(table).getByRole('link', { name: 'Cardano' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Cardano (ADA)' })).toBeInTheDocument();
    expect(screen.getAllByRole('alert')[0]).toHaveTextContent('Live prices unavailable from CoinGecko: HTTP 429');
    // The token's live market-cap chart is rate limited too: its own alert says what History captures use instead.
    await waitFor(() =>
      expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain(
        'Live market caps unavailable from CoinGecko: HTTP 429. History captures use the embedded history (2025-09-17 to 2026-07-08) instead.',
      ),
    );
    window.history.back();
    expect(await screen.findByRole('table', { name: 'Tokens' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('HTTP 429');
    expect(calls(seen, '/coins/markets')).toBe(1 + MAX_RETRIES);
  });

  it('a 429 without Retry-After: rows at once, the 429 named with the next try, and no second request for a minute', async () => {
    const seen = recordRequests();
    const started = Date.now();
    server.use(
      globalHandler,
      http.get('*/proxy/coingecko/coins/markets', () => new HttpResponse(null, { status: 429 })),
    );
    renderApp('/?source=coingecko');
    const table = await screen.findByRole('table', { name: 'Tokens' }, { timeout: 1500 });
    expect(within(table).getByRole('link', { name: 'Bitcoin' })).toBeInTheDocument();
    const alert = await screen.findByRole('alert', {}, { timeout: 2000 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(alert).toHaveTextContent(/Live prices unavailable from CoinGecko: HTTP 429; next try in about 1 min\. Showing the embedded snapshot/);
    await new Promise((r) => setTimeout(r, 1500));
    expect(calls(seen, '/coins/markets')).toBe(1);
  });

  it('a failed scenario analysis is an alert on the token page naming what failed and what is shown instead', async () => {
    useSettingsStore.setState({ tokenMetricsKey: TM_KEY });
    server.use(...tmHandlers({ '/scenario-analysis': forbidden }));
    renderApp('/token/cardano');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      /^Published scenario unavailable from Token Metrics: HTTP 403\. Showing the snapshot's published table as of 2025, \d+ (months|years) old\.$/,
    );
  });

  it('the "Token Metrics published" preset fits the live scenario analysis and names it', async () => {
    useSettingsStore.setState({ tokenMetricsKey: TM_KEY });
    server.use(...tmHandlers());
    renderApp('/token/cardano');
    await screen.findByRole('heading', { level: 1, name: 'Cardano (ADA)' });
    const user = userEvent.setup();
    await waitFor(async () => {
      await user.click(screen.getByRole('button', { name: 'Token Metrics published' }));
      expect(screen.getByText(/^Fitted bear, base, moon from Token Metrics' live scenario analysis of 2026-11-20 \(largest gap/)).toBeInTheDocument();
    });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('live prices that load are named in the status line, with no alert', async () => {
    server.use(marketsHandler, globalHandler);
    renderApp('/?source=coingecko');
    const table = await screen.findByRole('table', { name: 'Tokens' });
    await waitFor(() => expect(within(table).getByRole('link', { name: 'Cardano 2' })).toBeInTheDocument());
    expect(
      screen
        .getAllByRole('status')
        .map((s) => s.textContent)
        .join(' '),
    ).toMatch(/14 tokens · CoinGecko \(live\) · prices of 2025-02-09/);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.body.textContent).not.toMatch(/NaN/);
  });
});
