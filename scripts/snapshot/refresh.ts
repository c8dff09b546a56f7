/**
 * A snapshot of today's market: CoinGecko's top 500 (`/coins/markets`, 2 pages of 250) and `/global`,
 * with Token Metrics grades when a key is given, over the facts of the derived files (`derived.ts`).
 * Every response goes through the app's own providers and schemas; nothing here parses a response.
 *
 * What a refreshed token gets, by its id (CoinGecko's, as in the raw build):
 * - prices, supplies, 24h/7d/30d changes, rank and logo from CoinGecko (no 90d change: CoinGecko gives none);
 * - `cmcId` and `categories` from `tokens.json`, else null and [] (a token new to the top 500);
 * - `observed` and `published` from their derived files, else none: the app shows "no history: default captures";
 * - grades from `grades.json`, each kind replaced by Token Metrics' current one where the key gave one.
 */
import { fetchGlobal, fetchMarketsPage, CG_PAGE_SIZE, COINGECKO_NAME, type CoinGeckoConfig, type MarketsPage } from '../../src/data/providers/coingecko.ts';
import { fetchTmGrades, fetchTmIds, TOKENMETRICS_NAME, type TokenMetricsConfig } from '../../src/data/providers/tokenmetrics.ts';
import { DataError } from '../../src/data/errors.ts';
import {
  snapshotSchema,
  snapshotTokenSchema,
  type Snapshot,
  type SnapshotGrades,
  type SnapshotToken,
  type SourceRef,
} from '../../src/data/schemas/snapshot.ts';
import type { Token } from '../../src/data/types.ts';
import { pickSources, type DerivedFacts } from './derived.ts';

/** A refreshed snapshot's market comes from this source id's prefix (`cg-global-2026-07-15`); the raw build's from CoinMarketCap. */
const GLOBAL_PREFIX = 'cg-global-';

/** Whether a snapshot (parsed or not) was written by the refresh rather than built from the raw files. */
export function isRefreshed(s: { readonly market?: { readonly source?: unknown } }): boolean {
  return typeof s.market?.source === 'string' && s.market.source.startsWith(GLOBAL_PREFIX);
}

/** A refresh that could not finish; its message names the source, the request and the HTTP status, never a key. */
export class RefreshError extends Error {
  override readonly name = 'RefreshError';
}

export interface RefreshOptions {
  readonly coingecko: CoinGeckoConfig;
  /** Null: no Token Metrics key, the derived grades stay. */
  readonly tokenmetrics: TokenMetricsConfig | null;
  readonly derived: DerivedFacts;
  /** The fetch time (the snapshot's `asOf`). */
  readonly now?: () => Date;
  readonly fetchImpl?: typeof fetch;
  /** Pages of 250 (2: the top 500). */
  readonly pages?: number;
  /** Fewer usable tokens than this fails the refresh rather than write a thin snapshot (default 400 of 500). */
  readonly minTokens?: number;
}

export interface RefreshReport {
  readonly tokens: number;
  /** Rows the providers' schemas or the engine's limits refused, and rows the snapshot schema refused. */
  readonly dropped: number;
  /** The same id on two pages (the market moved between them): the first row is kept. */
  readonly duplicates: number;
  readonly withListing: number;
  readonly withObserved: number;
  readonly withPublished: number;
  readonly withGrades: number;
  /** Tokens Token Metrics graded in this refresh (null without a key). */
  readonly liveGraded: number | null;
  /** Token Metrics endpoints that failed while others answered (their kinds keep the derived grades). */
  readonly warnings: readonly string[];
}

const CG_MARKETS_DOCS = 'https://docs.coingecko.com/reference/coins-markets';
const CG_GLOBAL_DOCS = 'https://docs.coingecko.com/reference/crypto-global';
const TM_DOCS = 'https://developers.tokenmetrics.com/';

/** A fetch that remembers the status of the last response, so an unreadable 200 can say so. */
function recording(fetchImpl: typeof fetch): { fetchImpl: typeof fetch; lastStatus: () => number | null } {
  let status: number | null = null;
  return {
    fetchImpl: async (input, init) => {
      status = null;
      const response = await fetchImpl(input, init);
      status = response.status;
      return response;
    },
    lastStatus: () => status,
  };
}

/** Runs one request; a failure becomes a RefreshError "CoinGecko /coins/markets page 1: HTTP 429 (retry after 60 s)". */
async function step<T>(label: string, lastStatus: () => number | null, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    const status = error.status ?? lastStatus();
    const parts = [error.kind === 'http' ? `HTTP ${status ?? '?'}` : status !== null ? `HTTP ${status}, ${error.reason}` : error.reason];
    if (error.retryAfterMs !== undefined) parts.push(`(retry after ${Math.round(error.retryAfterMs / 1000)} s)`);
    throw new RefreshError(`${label}: ${parts.join(' ')}`, { cause: error });
  }
}

/** The snapshot token for a CoinGecko token, with the derived listing facts for its id. */
function snapshotToken(t: Token, position: number, derived: DerivedFacts): SnapshotToken {
  const listed = derived.tokens.entries[t.id];
  return {
    id: t.id,
    cmcId: listed?.cmcId ?? null,
    name: t.name,
    symbol: t.symbol,
    // CoinGecko leaves a rank null now and then: its place in the market-cap order stands in.
    rank: t.rank ?? position,
    price: t.price,
    marketCap: t.marketCap,
    circulatingSupply: t.circulatingSupply,
    totalSupply: t.totalSupply,
    maxSupply: t.maxSupply,
    change: { h24: t.change.h24, d7: t.change.d7, d30: t.change.d30, d90: null },
    categories: listed?.categories ?? [],
    logo: t.logo,
  };
}

/** Token Metrics grades for the tokens, by our id, 100 tokens a batch (the API's page), with the source id rewritten. */
async function liveGrades(
  config: TokenMetricsConfig,
  tokens: readonly Token[],
  today: string,
  source: string,
  fetchImpl: typeof fetch,
  lastStatus: () => number | null,
  warnings: string[],
): Promise<Map<string, SnapshotGrades>> {
  const out = new Map<string, SnapshotGrades>();
  for (let i = 0; i < tokens.length; i += 100) {
    const batch = tokens.slice(i, i + 100);
    const label = `${TOKENMETRICS_NAME} tokens ${i + 1}-${i + batch.length}`;
    const ids = await step(`${label} /tokens`, lastStatus, () => fetchTmIds(config, batch, { fetchImpl }));
    // Five endpoints at once: the last status seen may be another endpoint's, so only an HTTP error's own status is named.
    const { grades, errors } = await step(
      `${label} grades`,
      () => null,
      () => fetchTmGrades(config, [...ids.values()], { fetchImpl, today }),
    );
    for (const e of errors) warnings.push(`${label}: ${e.message}; the derived grades of that kind stay`);
    for (const [id, tmId] of ids) {
      const g = grades.get(tmId);
      if (!g) continue;
      const entry: SnapshotGrades = Object.fromEntries(Object.entries(g).map(([kind, value]) => [kind, { ...value, source }]));
      out.set(id, entry);
    }
  }
  return out;
}

/** The entries of `byId` for the given ids, in their order. */
function forTokens<T>(ids: readonly string[], byId: Readonly<Record<string, T>>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const id of ids) {
    const v = byId[id];
    if (v !== undefined) out[id] = v;
  }
  return out;
}

/**
 * Fetches today's market and returns the validated snapshot and what happened.
 * @throws RefreshError when a request fails (HTTP status, an unreadable body), or too few tokens are usable
 * @throws ZodError when the result fails `snapshotSchema` (a bug: every part was validated on the way in)
 */
export async function refreshSnapshot(options: RefreshOptions): Promise<{ snapshot: Snapshot; report: RefreshReport }> {
  const { coingecko, tokenmetrics, derived, pages = 2, minTokens = 400 } = options;
  const fetchedAt = (options.now ?? (() => new Date()))().toISOString();
  const today = fetchedAt.slice(0, 10);
  const rec = recording(options.fetchImpl ?? fetch);
  const fetchOptions = { fetchImpl: rec.fetchImpl };

  const got: MarketsPage[] = [];
  for (let page = 1; page <= pages; page++) {
    got.push(await step(`${COINGECKO_NAME} /coins/markets page ${page}`, rec.lastStatus, () => fetchMarketsPage(coingecko, page, fetchOptions)));
  }
  const global = await step(`${COINGECKO_NAME} /global`, rec.lastStatus, () => fetchGlobal(coingecko, fetchOptions));

  let dropped = got.reduce((n, p) => n + p.dropped, 0);
  let duplicates = 0;
  const seen = new Set<string>();
  const kept: Token[] = [];
  const tokens: SnapshotToken[] = [];
  for (const [p, page] of got.entries()) {
    for (const [i, t] of page.tokens.entries()) {
      if (seen.has(t.id)) {
        duplicates += 1;
        continue;
      }
      seen.add(t.id);
      // The snapshot's own schema is stricter than the provider's (a token id may not hold uppercase or spaces).
      const parsed = snapshotTokenSchema.safeParse(snapshotToken(t, p * CG_PAGE_SIZE + i + 1, derived));
      if (!parsed.success) {
        dropped += 1;
        continue;
      }
      kept.push(t);
      tokens.push(parsed.data);
    }
  }
  if (tokens.length < minTokens) {
    throw new RefreshError(
      `${COINGECKO_NAME} /coins/markets: only ${tokens.length} usable tokens (${dropped} rows dropped), fewer than the ${minTokens} a snapshot needs`,
    );
  }
  tokens.sort((a, b) => a.rank - b.rank);
  const ids = tokens.map((t) => t.id);

  const grades: Record<string, SnapshotGrades> = forTokens(ids, derived.grades.entries);
  const warnings: string[] = [];
  const tmSource = `tm-api-${today}`;
  let liveGraded: number | null = null;
  if (tokenmetrics) {
    const live = await liveGrades(tokenmetrics, kept, today, tmSource, rec.fetchImpl, rec.lastStatus, warnings);
    // Each kind Token Metrics graded today replaces the derived one; the other kinds (an article's parts) stay.
    for (const [id, g] of live) grades[id] = { ...grades[id], ...g };
    liveGraded = live.size;
  }
  const published = forTokens(ids, derived.published.entries);
  const observed = forTokens(ids, derived.observed.entries);

  const pricesAsOf = got.reduce<string | null>((max, p) => (p.asOf && (!max || p.asOf > max) ? p.asOf : max), null) ?? fetchedAt;
  const marketsSource = `cg-markets-${today}`;
  const globalSource = `${GLOBAL_PREFIX}${today}`;
  const referenced = [
    ...Object.values(grades).flatMap((g) => Object.values(g).flatMap((e) => (e ? [e.source] : []))),
    ...Object.values(published).map((x) => x.source),
    ...Object.values(observed).map((x) => x.source),
  ];
  const withListing = tokens.filter((t) => t.cmcId !== null).length;
  const sources: Record<string, SourceRef> = {
    [marketsSource]: {
      name: `CoinGecko API: coins/markets (top ${pages * CG_PAGE_SIZE}): prices, supplies, ids and logos`,
      url: CG_MARKETS_DOCS,
      asOf: pricesAsOf,
    },
    [globalSource]: { name: 'CoinGecko API: global (total market cap, BTC dominance)', url: CG_GLOBAL_DOCS, asOf: global.asOf ?? fetchedAt },
    ...(liveGraded ? { [tmSource]: { name: 'Token Metrics API: grades and trading signals', url: TM_DOCS, asOf: today } } : {}),
    // CoinMarketCap ids and categories of the tokens the raw build's listing held.
    ...(withListing > 0 ? derived.tokens.sources : {}),
    ...pickSources({ ...derived.grades.sources, ...derived.published.sources, ...derived.observed.sources }, referenced),
  };
  const snapshot = snapshotSchema.parse({
    schemaVersion: 1,
    asOf: fetchedAt,
    sources,
    market: { totalMarketCap: global.totalMarketCap, btcDominance: global.btcDominance, asOf: global.asOf ?? fetchedAt, source: globalSource },
    tokens,
    grades: forTokens(ids, grades),
    published,
    observed,
  } satisfies Snapshot);
  return {
    snapshot,
    report: {
      tokens: tokens.length,
      dropped,
      duplicates,
      withListing,
      withObserved: Object.keys(observed).length,
      withPublished: Object.keys(published).length,
      withGrades: Object.keys(snapshot.grades).length,
      liveGraded,
      warnings,
    },
  };
}
