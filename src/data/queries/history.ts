import { queryOptions, skipToken, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { historyCaptures, type HistoryCaptures } from '../../engine/index.ts';
import { toDataError } from '../errors.ts';
import { COINGECKO_NAME, fetchMarketChart, type CoinGeckoConfig, type History } from '../providers/coingecko.ts';
import { HISTORY_SOURCE_NAME, loadHistory, seriesFromPoints, type HistoryData, type Series } from '../providers/history.ts';
import { dataKeys } from './keys.ts';
import { retryDelay, shouldRetry } from './retry.ts';

const MINUTE = 60_000;

/** What the live chart's series is called in sentences. */
export const LIVE_CHART_SOURCE = 'CoinGecko market caps (live, USD)';

/** `['data', 'history']`: local like the snapshot, beside it. */
export const historyKey = () => [...dataKeys.all, 'history'] as const;

/** The embedded market-cap history: local, never stale. */
export const historyQuery = () =>
  queryOptions({
    queryKey: historyKey(),
    queryFn: ({ signal }) => loadHistory({ signal }),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    retry: shouldRetry,
    retryDelay,
  });

/**
 * A token's live CoinGecko market chart (365 days, USD). With `config` null the query is skipped
 * (snapshot mode), so the same options serve `useQuery` either way.
 */
export const tokenHistoryQuery = (config: CoinGeckoConfig | null, id: string) =>
  queryOptions({
    queryKey: dataKeys.chart(id),
    queryFn: config ? ({ signal }): Promise<History> => fetchMarketChart(config, id, { signal }) : skipToken,
    staleTime: 60 * MINUTE,
    gcTime: 24 * 60 * MINUTE,
    retry: shouldRetry,
    retryDelay,
  });

/** A series without its points: what the sentence under the result names. */
export type SeriesInfo = Omit<Series, 'points'>;

export interface HistoryCapturesState {
  readonly status: 'loading' | 'ready' | 'too-short' | 'unavailable';
  /** The engine's answer (`ready`: captures; `too-short`: how many days there were). */
  readonly result?: HistoryCaptures;
  /** Why it is not ready, or what was used instead of the live chart; one plain sentence. */
  readonly reason?: string;
  /** The token series and the total market series the result was measured on. */
  readonly token?: SeriesInfo;
  readonly market?: SeriesInfo;
  /** Set when the live chart was asked for and failed: who failed, why, and what is used instead. */
  readonly liveFailure?: LiveChartFailure;
}

/** A failed live chart, for an alert: "Live market caps unavailable from CoinGecko: HTTP 429. ..." */
export interface LiveChartFailure {
  readonly source: string;
  readonly reason: string;
  /** What the captures are measured on instead, e.g. "the embedded history (2025-09-19 to 2026-07-08)"; null: nothing. */
  readonly fallback: string | null;
}

const info = ({ source, from, to }: Series): SeriesInfo => ({ source, from, to });

/** "History too short: 60 days of overlap, 111 needed." (or the usable windows when gaps or a flat market are why). */
export function tooShortText(r: HistoryCaptures): string {
  if (!r.tooShort) return '';
  if (r.days < r.needed) return `History too short: ${r.days} days of overlap, ${r.needed} needed.`;
  return `History too short: ${r.windows} usable windows of ${r.windowDays} days in ${r.days} days of overlap, ${r.neededWindows} needed.`;
}

function measure(token: Series, market: Series, note?: string): HistoryCapturesState {
  const result = historyCaptures(token.points, market.points);
  const base = { result, token: info(token), market: info(market) };
  if (result.tooShort) return { status: 'too-short', reason: note ? `${tooShortText(result)} ${note}` : tooShortText(result), ...base };
  return note ? { status: 'ready', reason: note, ...base } : { status: 'ready', ...base };
}

interface Inputs {
  readonly id: string;
  /** Token names by id ("ripple" -> "XRP"), to name the tokens the embedded history covers; an id not in it is shown as is. */
  readonly names?: ReadonlyMap<string, string>;
  readonly live: boolean;
  readonly history: HistoryData | undefined;
  readonly historyError: unknown;
  readonly chart: History | undefined;
  readonly chartError: unknown;
}

/**
 * The state `useHistoryCaptures` returns, from what its queries hold. Live: the chart when it
 * loads and is long enough, else the snapshot's series for the token, saying why.
 */
export function historyCapturesState({ id, names, live, history, historyError, chart, chartError }: Inputs): HistoryCapturesState {
  if (!history) {
    if (!historyError) return { status: 'loading', reason: 'Loading the market-cap history…' };
    return { status: 'unavailable', reason: `Market-cap history unavailable: ${toDataError(historyError, HISTORY_SOURCE_NAME).reason}.` };
  }
  const { market } = history;
  const snapshot = history.tokens[id];
  const covered = Object.keys(history.tokens)
    .map((k) => names?.get(k) ?? k)
    .join(', ');
  if (!live) {
    if (snapshot) return measure(snapshot, market);
    return { status: 'unavailable', reason: `The embedded history covers ${covered} only; live CoinGecko data has every token's chart.` };
  }
  if (!chart && !chartError) return { status: 'loading', reason: `Loading ${COINGECKO_NAME}'s market-cap chart…` };
  const liveSeries = chart ? seriesFromPoints(chart.marketCaps, LIVE_CHART_SOURCE) : null;
  const failed = chartError ? toDataError(chartError, COINGECKO_NAME).reason : null;
  let why = failed !== null ? `${COINGECKO_NAME} chart unavailable (${failed})` : `${COINGECKO_NAME} sent no market caps`;
  if (liveSeries) {
    const fromLive = measure(liveSeries, market);
    if (fromLive.status === 'ready' || !snapshot) return fromLive;
    why = `The live chart overlaps the market history on ${fromLive.result?.tooShort ? fromLive.result.days : 0} days only`;
  }
  // The sentence under the button says it in passing; a failure of the live source is also an alert.
  const liveFailure = (fallback: string | null): { liveFailure?: LiveChartFailure } =>
    failed !== null ? { liveFailure: { source: COINGECKO_NAME, reason: failed, fallback } } : {};
  if (snapshot)
    return { ...measure(snapshot, market, `${why}: using the embedded history.`), ...liveFailure(`the embedded history (${snapshot.from} to ${snapshot.to})`) };
  return { status: 'unavailable', reason: `${why}, and the embedded history covers ${covered} only.`, ...liveFailure(null) };
}

/**
 * History captures for token `id`: the capture ratio its market cap showed against the total
 * market over rolling 90-day windows, as bear/base/moon = 25th/50th/75th percentiles.
 * Uses the live CoinGecko chart when `live` is given (the embedded history on failure) and the
 * embedded history otherwise; the total market series is always the embedded one. Never throws.
 */
export function useHistoryCaptures(id: string, live: CoinGeckoConfig | null, names?: ReadonlyMap<string, string>): HistoryCapturesState {
  const history = useQuery(historyQuery());
  const chart = useQuery(tokenHistoryQuery(live, id));
  const isLive = live !== null;
  return useMemo(
    () =>
      historyCapturesState({
        id,
        ...(names ? { names } : {}),
        live: isLive,
        history: history.data,
        historyError: history.error,
        chart: chart.data,
        // Named from the first failure, while the query waits (a minute after a rate limit) to try again.
        chartError: chart.error ?? chart.failureReason,
      }),
    [id, names, isLive, history.data, history.error, chart.data, chart.error, chart.failureReason],
  );
}
