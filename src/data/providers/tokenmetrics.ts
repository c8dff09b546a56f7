import { DataError } from '../errors.ts';
import { fetchJson } from '../http.ts';
import { parseRows } from '../schemas/numbers.ts';
import {
  tmEnvelopeSchema,
  tmGradeSchema,
  tmInvestorGradeSchema,
  tmScenarioSchema,
  tmSignalSchema,
  tmTechnologyGradeSchema,
  tmTokenSchema,
  tmTraderGradeSchema,
} from '../schemas/tokenmetrics.ts';
import type { Grades, PublishedScenario, Token } from '../types.ts';
import type * as z from 'zod/mini';

export const TOKENMETRICS_NAME = 'Token Metrics';
/** The source id live grades carry in a Dataset's `sources`. */
export const TM_LIVE_SOURCE = 'tm-live';

export interface TokenMetricsConfig {
  /** API root: the dev/preview proxy (`/proxy/tokenmetrics`) or the user's proxy URL. */
  readonly base: string;
  /** The user's key: sent in the `x-api-key` header only, never in a URL. */
  readonly apiKey: string;
}

interface RequestOptions {
  readonly signal?: AbortSignal | undefined;
  readonly fetchImpl?: typeof fetch;
}

/**
 * The rows of a Token Metrics envelope that pass `schema` (the others are dropped and counted).
 * @throws DataError `invalid` when the body has no data list, or when it lists rows and none is usable.
 */
async function getRows<T>(
  config: TokenMetricsConfig,
  path: string,
  query: Record<string, string>,
  schema: z.ZodMiniType<T>,
  options: RequestOptions,
): Promise<{ rows: T[]; dropped: number }> {
  const url = `${config.base.replace(/\/+$/, '')}${path}?${new URLSearchParams(query).toString()}`;
  const json = await fetchJson(url, {
    source: TOKENMETRICS_NAME,
    signal: options.signal,
    headers: { 'x-api-key': config.apiKey },
    ...(options.fetchImpl ? { fetchImpl: options.fetchImpl } : {}),
  });
  const envelope = tmEnvelopeSchema.safeParse(json);
  if (!envelope.success) throw new DataError({ kind: 'invalid', source: TOKENMETRICS_NAME, detail: `${path} has no data list` });
  const parsed = parseRows(envelope.data.data, schema) ?? { rows: [], dropped: 0 };
  // An empty list is an answer ("nothing for these ids"); rows that all fail the schema (renamed
  // fields, a changed API) are not, and must not pass for "no grades".
  if (parsed.rows.length === 0 && parsed.dropped > 0) throw new DataError({ kind: 'invalid', source: TOKENMETRICS_NAME, detail: `${path}: no usable rows` });
  return parsed;
}

/**
 * Token Metrics ids for our tokens: `/tokens?symbol=...`, matched by symbol and, where a symbol is
 * shared, by name. Returns our id -> Token Metrics id.
 * @throws DataError
 */
export async function fetchTmIds(config: TokenMetricsConfig, tokens: readonly Token[], options: RequestOptions = {}): Promise<Map<string, number>> {
  const symbols = [...new Set(tokens.map((t) => t.symbol.toUpperCase()))].slice(0, 100);
  if (symbols.length === 0) return new Map();
  const { rows } = await getRows(config, '/tokens', { symbol: symbols.join(','), limit: '100', page: '1' }, tmTokenSchema, options);
  return matchTmIds(
    tokens,
    rows.map((r) => ({ id: r.TOKEN_ID, name: r.TOKEN_NAME, symbol: r.TOKEN_SYMBOL })),
  );
}

/** Matches Token Metrics rows to our tokens: a unique symbol is enough, a shared one needs the same name. */
export function matchTmIds(tokens: readonly Token[], rows: ReadonlyArray<{ id: number; name: string; symbol: string }>): Map<string, number> {
  const bySymbol = new Map<string, Array<{ id: number; name: string }>>();
  for (const row of rows) {
    const key = row.symbol.toUpperCase();
    bySymbol.set(key, [...(bySymbol.get(key) ?? []), { id: row.id, name: row.name }]);
  }
  const result = new Map<string, number>();
  for (const token of tokens) {
    const candidates = bySymbol.get(token.symbol.toUpperCase()) ?? [];
    const named = candidates.filter((c) => c.name.toLowerCase() === token.name.toLowerCase());
    const pick = named.length === 1 ? named[0] : candidates.length === 1 ? candidates[0] : undefined;
    if (pick) result.set(token.id, pick.id);
  }
  return result;
}

const RATINGS = ['Strong Buy', 'Buy', 'Neutral', 'Sell', 'Strong Sell'] as const;

/** "STRONG_BUY", "strong buy", "Strong Buy" -> "Strong Buy"; anything else -> null. */
export function normaliseRating(text: string | null): (typeof RATINGS)[number] | null {
  if (!text) return null;
  const key = text.toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();
  return RATINGS.find((r) => r.toLowerCase() === key) ?? null;
}

/** The fundamental grade's class from its value (the bands of the data-sources doc). */
export function fundamentalClass(value: number): string {
  if (value >= 90) return 'Store of value';
  if (value >= 80) return 'Blue chip';
  if (value >= 60) return 'Emerging';
  if (value >= 40) return 'Speculative';
  return 'High risk';
}

function positiveOrNull(n: number | null): number | null {
  return n !== null && n > 0 ? n : null;
}

function dateOf(text: string | null, fallback: string): string {
  const match = text ? /^\d{4}-\d{2}-\d{2}/.exec(text) : null;
  return match ? match[0] : fallback;
}

export interface LiveGrades {
  /** Keyed by Token Metrics id. */
  readonly grades: Map<number, Grades>;
  /** Endpoints that failed while others worked. */
  readonly errors: DataError[];
}

/**
 * TM Grade, Trader, Investor and Technology grades and the trading signal for up to 100 Token Metrics
 * ids, merged per token. One endpoint failing keeps the others' grades (its error is returned).
 * @throws DataError when every endpoint fails.
 */
export async function fetchTmGrades(config: TokenMetricsConfig, tmIds: readonly number[], options: RequestOptions & { today: string }): Promise<LiveGrades> {
  const ids = [...new Set(tmIds)].slice(0, 100);
  const grades = new Map<number, Grades>();
  if (ids.length === 0) return { grades: new Map(), errors: [] };
  const query = { token_id: ids.join(','), limit: '100', page: '1' };
  const source = TM_LIVE_SOURCE;
  // Endpoints may answer several dated rows per token (a history): the newest one wins, whatever the order.
  const put = <K extends keyof Grades>(id: number, key: K, value: NonNullable<Grades[K]>): void => {
    const entry: Grades = { ...grades.get(id) };
    const prior = entry[key];
    if (prior && prior.asOf > value.asOf) return;
    entry[key] = value;
    grades.set(id, entry);
  };
  const tasks = [
    getRows(config, '/tm-grade', query, tmGradeSchema, options).then(({ rows }) => {
      for (const r of rows) {
        const asOf = dateOf(r.DATE, options.today);
        const rating = normaliseRating(r.TM_GRADE_SIGNAL);
        if (r.TM_GRADE !== null && rating) put(r.TOKEN_ID, 'tmGrade', { value: r.TM_GRADE, rating, asOf, source });
        if (r.FUNDAMENTAL_GRADE !== null) {
          put(r.TOKEN_ID, 'fundamental', {
            value: r.FUNDAMENTAL_GRADE,
            class: r.FUNDAMENTAL_GRADE_CLASS ?? fundamentalClass(r.FUNDAMENTAL_GRADE),
            parts: { community: null, tokenomics: null, exchange: null, vc: null, defiScanner: null },
            asOf,
            source,
          });
        }
      }
    }),
    getRows(config, '/trader-grades', query, tmTraderGradeSchema, options).then(({ rows }) => {
      for (const r of rows) {
        if (r.TM_TRADER_GRADE === null) continue;
        put(r.TOKEN_ID, 'traderGrade', {
          value: r.TM_TRADER_GRADE,
          ta: r.TA_GRADE,
          quant: r.QUANT_GRADE,
          change24h: r.TM_TRADER_GRADE_24H_PCT_CHANGE,
          asOf: dateOf(r.DATE, options.today),
          source,
        });
      }
    }),
    getRows(config, '/investor-grades', query, tmInvestorGradeSchema, options).then(({ rows }) => {
      for (const r of rows) {
        if (r.TM_INVESTOR_GRADE !== null) put(r.TOKEN_ID, 'investorGrade', { value: r.TM_INVESTOR_GRADE, asOf: dateOf(r.DATE, options.today), source });
      }
    }),
    getRows(config, '/technology-grade', query, tmTechnologyGradeSchema, options).then(({ rows }) => {
      for (const r of rows) {
        if (r.TECHNOLOGY_GRADE === null) continue;
        put(r.TOKEN_ID, 'technology', {
          value: r.TECHNOLOGY_GRADE,
          parts: {
            activity: r.ACTIVITY_SCORE,
            repository: r.REPOSITORY_SCORE,
            collaboration: r.COLLABORATION_SCORE,
            security: r.SECURITY_SCORE,
            defiScanner: r.DEFI_SCANNER_SCORE,
          },
          asOf: dateOf(r.DATE, options.today),
          source,
        });
      }
    }),
    getRows(config, '/trading-signals', query, tmSignalSchema, options).then(({ rows }) => {
      for (const r of rows) {
        if (r.TOKEN_TREND === 1 || r.TOKEN_TREND === -1) {
          put(r.TOKEN_ID, 'signal', { trend: r.TOKEN_TREND === 1 ? 'bullish' : 'bearish', asOf: dateOf(r.DATE, options.today), source });
        }
      }
    }),
  ];
  const settled = await Promise.allSettled(tasks);
  const errors = settled.flatMap((s) =>
    s.status === 'rejected' ? [s.reason instanceof DataError ? s.reason : new DataError({ kind: 'invalid', source: TOKENMETRICS_NAME })] : [],
  );
  if (errors.length === tasks.length) throw errors[0] ?? new DataError({ kind: 'invalid', source: TOKENMETRICS_NAME });
  return { grades, errors };
}

/**
 * Token Metrics' own published scenario bands for one token (`/scenario-analysis`), as a published
 * table; null when they publish none.
 * @throws DataError
 */
export async function fetchTmScenario(
  config: TokenMetricsConfig,
  tmId: number,
  options: RequestOptions & { today: string },
): Promise<PublishedScenario | null> {
  const { rows } = await getRows(config, '/scenario-analysis', { token_id: String(tmId) }, tmScenarioSchema, options);
  const prediction = rows[0]?.SCENARIO_PREDICTION;
  const current = prediction?.current_price ?? null;
  if (!prediction || current === null || current <= 0) return null;
  const points = prediction.scenario_prediction
    .filter((r) => r.total_mcap_scenario !== null && r.total_mcap_scenario > 0)
    .sort((a, b) => (a.total_mcap_scenario ?? 0) - (b.total_mcap_scenario ?? 0));
  const tiers = points.map((r) => r.total_mcap_scenario ?? 0);
  if (tiers.length === 0 || tiers.some((t, i) => i > 0 && t <= (tiers[i - 1] ?? 0))) return null;
  const first = points[0];
  const multiplier = first?.scenario ?? null;
  return {
    source: TM_LIVE_SOURCE,
    asOf: dateOf(prediction.predicted_date, options.today),
    currentPrice: current,
    totalMarketCap: first && multiplier !== null && multiplier > 0 ? (first.total_mcap_scenario ?? 0) / multiplier : null,
    tiers,
    labels: points.map((r) => (r.scenario !== null ? `${r.scenario}x` : '')),
    bear: points.map((r) => positiveOrNull(r.predicted_price_bear)),
    base: points.map((r) => positiveOrNull(r.predicted_price_base)),
    moon: points.map((r) => positiveOrNull(r.predicted_price_moon)),
  };
}

// What the data layer's queries call (src/data/queries/dataset.ts): the answers as the query cache keeps
// them (plain arrays and strings, with when they came), and a query asked without a key fails as such.

function keyed(config: TokenMetricsConfig | null): TokenMetricsConfig {
  if (!config) throw new DataError({ kind: 'config', source: TOKENMETRICS_NAME, detail: 'no API key set' });
  return config;
}

/** Today's date (UTC), as Token Metrics' daily endpoints take it. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** `fetchTmIds` as [our id, Token Metrics id] pairs. */
export async function tmIdPairs(config: TokenMetricsConfig | null, tokens: readonly Token[], options: RequestOptions = {}): Promise<[string, number][]> {
  return [...(await fetchTmIds(keyed(config), tokens, options))];
}

/** `fetchTmGrades` for today, with the failed endpoints' reasons and when the grades came. */
export async function tmGradesToday(
  config: TokenMetricsConfig | null,
  tmIds: readonly number[],
  options: RequestOptions = {},
): Promise<{ grades: [number, Grades][]; errors: string[]; fetchedAt: string }> {
  const result = await fetchTmGrades(keyed(config), tmIds, { ...options, today: today() });
  return { grades: [...result.grades], errors: result.errors.map((e) => e.reason), fetchedAt: new Date().toISOString() };
}

/** `fetchTmScenario` for today, with when it came. */
export async function tmScenarioToday(
  config: TokenMetricsConfig | null,
  tmId: number,
  options: RequestOptions = {},
): Promise<{ table: PublishedScenario | null; fetchedAt: string }> {
  const table = await fetchTmScenario(keyed(config), tmId, { ...options, today: today() });
  return { table, fetchedAt: new Date().toISOString() };
}
