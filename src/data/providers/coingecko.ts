import { LIMITS } from '../../engine/index.ts';
import { DataError, toDataError } from '../errors.ts';
import { fetchJson } from '../http.ts';
import { cgGlobalSchema, cgMarketChartSchema, cgMarketRowSchema, type CgMarketRow } from '../schemas/coingecko.ts';
import { parseRows } from '../schemas/numbers.ts';
import { withinEngineLimits } from '../engine-input.ts';
import type { LoadProgress } from '../progress.ts';
import type { Token } from '../types.ts';

export const COINGECKO_NAME = 'CoinGecko';
/** CoinGecko's page size limit for `/coins/markets`. */
export const CG_PAGE_SIZE = 250;

export interface CoinGeckoConfig {
  /** API root: the dev/preview proxy (`/proxy/coingecko`) or the user's proxy URL. */
  readonly base: string;
  /** Optional demo key: sent in a header only, never in a URL. */
  readonly apiKey: string | null;
}

interface RequestOptions {
  readonly signal?: AbortSignal | undefined;
  readonly fetchImpl?: typeof fetch;
}

function get(config: CoinGeckoConfig, path: string, options: RequestOptions): Promise<unknown> {
  const headers: Record<string, string> = config.apiKey ? { 'x-cg-demo-api-key': config.apiKey } : {};
  return fetchJson(`${config.base.replace(/\/+$/, '')}${path}`, {
    source: COINGECKO_NAME,
    signal: options.signal,
    headers,
    ...(options.fetchImpl ? { fetchImpl: options.fetchImpl } : {}),
  });
}

function invalid(detail: string): DataError {
  return new DataError({ kind: 'invalid', source: COINGECKO_NAME, detail });
}

/** A validated `/coins/markets` row as a Token (ids and symbols normalised, unknowns null). */
export function tokenFromMarketRow(row: CgMarketRow): Token {
  return {
    id: row.id,
    name: row.name,
    symbol: row.symbol.toUpperCase(),
    rank: row.market_cap_rank !== null ? Math.round(row.market_cap_rank) : null,
    price: row.current_price ?? Number.NaN,
    marketCap: row.market_cap,
    circulatingSupply: row.circulating_supply,
    totalSupply: row.total_supply,
    maxSupply: row.max_supply,
    change: {
      h24: row.price_change_percentage_24h_in_currency ?? row.price_change_percentage_24h,
      d7: row.price_change_percentage_7d_in_currency,
      d30: row.price_change_percentage_30d_in_currency,
      d90: null,
      y1: row.price_change_percentage_1y_in_currency,
    },
    categories: [],
    logo: row.image?.startsWith('https://') ? row.image : null,
  };
}

export interface MarketsPage {
  readonly tokens: Token[];
  readonly dropped: number;
  /** The newest `last_updated` of the page (ISO), or null. */
  readonly asOf: string | null;
}

/**
 * One page (1-based) of `/coins/markets`, 250 tokens by market cap. Rows without an id, name or a
 * price > 0, and rows outside the engine's limits (`withinEngineLimits`), are dropped and counted.
 * @throws DataError
 */
export async function fetchMarketsPage(config: CoinGeckoConfig, page: number, options: RequestOptions = {}): Promise<MarketsPage> {
  const query = new URLSearchParams({
    vs_currency: 'usd',
    order: 'market_cap_desc',
    per_page: String(CG_PAGE_SIZE),
    page: String(page),
    price_change_percentage: '24h,7d,30d,1y',
  });
  const json = await get(config, `/coins/markets?${query.toString()}`, options);
  const parsed = parseRows(json, cgMarketRowSchema);
  if (!parsed) throw invalid('markets is not a list');
  const tokens = parsed.rows.map(tokenFromMarketRow).filter(withinEngineLimits);
  const dropped = parsed.dropped + parsed.rows.length - tokens.length;
  if (tokens.length === 0 && dropped > 0) throw invalid('no usable rows');
  const asOf = parsed.rows.reduce<string | null>((max, r) => (r.last_updated && (!max || r.last_updated > max) ? r.last_updated : max), null);
  return { tokens, dropped, asOf };
}

export interface MarketsResult {
  readonly pages: MarketsPage[];
  /** Set when a page after the first failed: the pages before it are kept. */
  readonly incomplete: { readonly loaded: number; readonly asked: number; readonly reason: string } | null;
}

/**
 * Pages 1..`pages` of `/coins/markets`, one after the other (rate limits), reporting progress to
 * `onProgress` (null once done). A failure after page 1 keeps the pages before it and says why.
 * @throws DataError when page 1 fails
 */
export async function fetchMarketsPages(
  config: CoinGeckoConfig,
  pages: number,
  options: RequestOptions & { readonly onProgress: (progress: LoadProgress | null) => void },
): Promise<MarketsResult> {
  const loaded: MarketsPage[] = [];
  try {
    for (let page = 1; page <= pages; page++) {
      options.onProgress({ label: 'Loading live prices', done: page - 1, total: pages });
      try {
        loaded.push(await fetchMarketsPage(config, page, options));
      } catch (error) {
        if (page === 1) throw error;
        return { pages: loaded, incomplete: { loaded: loaded.length, asked: pages, reason: toDataError(error, COINGECKO_NAME).reason } };
      }
    }
    return { pages: loaded, incomplete: null };
  } finally {
    options.onProgress(null);
  }
}

export interface GlobalMarket {
  /** USD. */
  readonly totalMarketCap: number;
  /** Percent, or null. */
  readonly btcDominance: number | null;
  /** ISO, or null when the response did not say. */
  readonly asOf: string | null;
}

/** `/global`: today's total crypto market cap. @throws DataError */
export async function fetchGlobal(config: CoinGeckoConfig, options: RequestOptions = {}): Promise<GlobalMarket> {
  const result = cgGlobalSchema.safeParse(await get(config, '/global', options));
  if (!result.success) throw invalid('global has no total market cap');
  const { data } = result.data;
  const total = data.total_market_cap.usd;
  if (total === null || total === undefined || total < LIMITS.marketSize.min || total > LIMITS.marketSize.max)
    throw invalid('global total market cap is outside the range the model takes');
  const updated = data.updated_at;
  return {
    totalMarketCap: data.total_market_cap.usd ?? Number.NaN,
    btcDominance: data.market_cap_percentage?.btc ?? null,
    asOf: updated !== null && updated > 0 ? new Date(updated * 1000).toISOString() : null,
  };
}

export interface History {
  /** `[ms, USD]` points, ascending, finite values only. */
  readonly prices: ReadonlyArray<readonly [number, number]>;
  readonly marketCaps: ReadonlyArray<readonly [number, number]>;
}

function cleanSeries(points: ReadonlyArray<readonly [number, number | null, ...unknown[]]>): Array<[number, number]> {
  return points
    .filter((p): p is readonly [number, number, ...unknown[]] => Number.isFinite(p[0]) && p[1] !== null && p[1] > 0)
    .map((p): [number, number] => [p[0], p[1]])
    .sort((a, b) => a[0] - b[0]);
}

/** `/coins/{id}/market_chart` over 365 days (the free plan's limit), in USD. @throws DataError */
export async function fetchMarketChart(config: CoinGeckoConfig, id: string, options: RequestOptions = {}): Promise<History> {
  const json = await get(config, `/coins/${encodeURIComponent(id)}/market_chart?vs_currency=usd&days=365`, options);
  const result = cgMarketChartSchema.safeParse(json);
  if (!result.success) throw invalid('market chart has no prices');
  return { prices: cleanSeries(result.data.prices), marketCaps: cleanSeries(result.data.market_caps) };
}
