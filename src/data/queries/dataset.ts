import { queryOptions, skipToken, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { toDataError, type DataError } from '../errors.ts';
import { reportProgress } from '../progress.ts';
import type { CoinGeckoConfig } from '../providers/coingecko.ts';
import { SNAPSHOT_SOURCE_NAME, loadSnapshot } from '../providers/snapshot.ts';
import type { TokenMetricsConfig } from '../providers/tokenmetrics.ts';

// The live providers load only when a live query runs, and the code that merges their answers into the
// dataset once a live source or a key is in use (`useLiveMerge`): `/` on the snapshot never downloads them.
const coingecko = () => import('../providers/coingecko.ts');
const tokenmetrics = () => import('../providers/tokenmetrics.ts');
import type { Dataset, SourceId } from '../types.ts';
import { dataKeys } from './keys.ts';
import { useLiveMerge } from './live-merge.ts';
import { liveRetry, retryDelay, shouldRetry } from './retry.ts';

const MINUTE = 60_000;

/** What the data layer needs to know from the settings. */
export interface DataConfig {
  readonly source: SourceId;
  /** Pages of 250 tokens to load from CoinGecko (1-20). */
  readonly pages: number;
  readonly coingecko: CoinGeckoConfig;
  /** Null without a Token Metrics key: grades then come from the snapshot only. */
  readonly tokenmetrics: TokenMetricsConfig | null;
}

/** The embedded snapshot: local, never stale. */
export const snapshotQuery = () =>
  queryOptions({
    queryKey: dataKeys.snapshot(),
    queryFn: ({ signal }) => loadSnapshot({ signal }),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    retry: shouldRetry,
    retryDelay,
  });

/** `pages` pages of CoinGecko markets, one after the other (rate limits), reporting progress. */
export const marketsQuery = (config: CoinGeckoConfig, pages: number) =>
  queryOptions({
    queryKey: dataKeys.markets(pages),
    queryFn: async ({ signal }) => (await coingecko()).fetchMarketsPages(config, pages, { signal, onProgress: reportProgress }),
    staleTime: 5 * MINUTE,
    gcTime: 24 * 60 * MINUTE,
    ...liveRetry,
  });

/** CoinGecko's total market cap. */
export const globalQuery = (config: CoinGeckoConfig) =>
  queryOptions({
    queryKey: dataKeys.global(),
    queryFn: async ({ signal }) => (await coingecko()).fetchGlobal(config, { signal }),
    staleTime: 5 * MINUTE,
    gcTime: 24 * 60 * MINUTE,
    ...liveRetry,
  });

/** A failure the views show in an `alert`: which source, why, and what is shown instead. */
export interface DataFailure {
  readonly source: string;
  /** What failed, when it is not the source's usual data (live prices, live grades): "Published scenario". */
  readonly subject?: string;
  readonly reason: string;
  /** What the app shows meanwhile, e.g. "the embedded snapshot of 2026-01-09". */
  readonly fallback: string;
  /** ISO as-of of what is shown; null when nothing dated is shown instead. */
  readonly asOf: string | null;
  /** True when the app is simply offline and nothing needs the user: a calm `status`, not an `alert`. */
  readonly calm?: boolean;
}

export interface DatasetState {
  readonly dataset: Dataset | undefined;
  readonly isLoading: boolean;
  readonly failures: readonly DataFailure[];
  /** Set when the snapshot itself cannot be read and nothing else is loaded. */
  readonly fatal: DataError | null;
}

const NO_PAIRS: ReadonlyArray<[string, number]> = [];

/** The token ids (ours) whose live grades are asked for: the first 100 by rank, plus the focused one. */
function gradeTargets(dataset: Dataset | undefined, focusId: string | undefined): Dataset['tokens'] {
  if (!dataset) return [];
  const top = dataset.tokens.slice(0, 99);
  const focus = focusId ? dataset.tokens.find((t) => t.id === focusId) : undefined;
  return focus && !top.includes(focus) ? [...top, focus] : top;
}

/**
 * The data every view shows: the snapshot, or live CoinGecko prices over it, with live Token Metrics
 * grades merged by id when a key is set. A live failure keeps the last good data (or the snapshot)
 * and is reported in `failures`; nothing here throws.
 */
export function useDataset(config: DataConfig, focusId?: string): DatasetState {
  const live = config.source === 'coingecko';
  const tm = config.tokenmetrics;
  const { merge, error: mergeError } = useLiveMerge(live || tm !== null);
  const snapshot = useQuery(snapshotQuery());
  const markets = useQuery({ ...marketsQuery(config.coingecko, config.pages), enabled: live });
  const global = useQuery({ ...globalQuery(config.coingecko), enabled: live });

  const priced = useMemo((): { dataset: Dataset | undefined; failures: DataFailure[] } => {
    const failures: DataFailure[] = [];
    const fallback = snapshot.data;
    // The snapshot paints at once and stays until live prices arrive (or for good, if they never do).
    if (!live) return { dataset: fallback, failures };
    if (!merge) {
      if (mergeError && fallback)
        failures.push({ source: 'CoinGecko', reason: toDataError(mergeError, 'CoinGecko').reason, fallback: 'the embedded snapshot', asOf: fallback.asOf });
      return { dataset: fallback, failures };
    }
    return merge.withCoinGecko(fallback, {
      markets: { data: markets.data, error: markets.error, failureReason: markets.failureReason, failureCount: markets.failureCount },
      global: { data: global.data, error: global.error, failureReason: global.failureReason, failureCount: global.failureCount },
      updatedAt: markets.dataUpdatedAt,
    });
  }, [
    live,
    merge,
    mergeError,
    snapshot.data,
    markets.data,
    markets.error,
    markets.failureReason,
    markets.failureCount,
    markets.dataUpdatedAt,
    global.data,
    global.error,
    global.failureReason,
    global.failureCount,
  ]);

  const targets = gradeTargets(priced.dataset, focusId);
  const symbolsKey = targets.map((t) => t.id).join(',');
  const ids = useQuery({
    queryKey: dataKeys.tmIds(symbolsKey),
    queryFn: async ({ signal }) => (await tokenmetrics()).tmIdPairs(tm, targets, { signal }),
    enabled: tm !== null && targets.length > 0,
    staleTime: 24 * 60 * MINUTE,
    gcTime: 24 * 60 * MINUTE,
    ...liveRetry,
  });
  const pairs = ids.data ?? NO_PAIRS;
  const idsKey = pairs.map(([, tmId]) => tmId).join(',');
  const grades = useQuery({
    queryKey: dataKeys.tmGrades(idsKey),
    queryFn: async ({ signal }) =>
      (await tokenmetrics()).tmGradesToday(
        tm,
        pairs.map(([, tmId]) => tmId),
        { signal },
      ),
    enabled: tm !== null && pairs.length > 0,
    staleTime: 60 * MINUTE,
    gcTime: 24 * 60 * MINUTE,
    ...liveRetry,
  });

  // Token Metrics' own scenario bands for the focused token, once its Token Metrics id is known. The key
  // holds the Token Metrics id only (never the API key).
  const focusTmId = focusId === undefined ? undefined : pairs.find(([ours]) => ours === focusId)?.[1];
  const scenario = useQuery({
    queryKey: dataKeys.tmScenario(focusTmId ?? 0),
    queryFn: focusTmId === undefined ? skipToken : async ({ signal }) => (await tokenmetrics()).tmScenarioToday(tm, focusTmId, { signal }),
    enabled: tm !== null,
    staleTime: 60 * MINUTE,
    gcTime: 24 * 60 * MINUTE,
    ...liveRetry,
  });

  const snapshotError = snapshot.error;
  return useMemo((): DatasetState => {
    let dataset = priced.dataset;
    const failures = [...priced.failures];
    if (tm !== null && dataset && merge) {
      dataset = merge.withTokenMetrics(
        dataset,
        {
          gradeError: ids.error ?? grades.error ?? ids.failureReason ?? grades.failureReason,
          grades: grades.data,
          pairs,
          focus:
            focusId !== undefined && focusTmId !== undefined ? { id: focusId, scenario: scenario.data, error: scenario.error ?? scenario.failureReason } : null,
        },
        failures,
      );
    } else if (tm !== null && dataset && mergeError && !live) {
      failures.push({
        source: 'Token Metrics',
        reason: toDataError(mergeError, 'Token Metrics').reason,
        fallback: "the snapshot's grades",
        asOf: dataset.asOf,
      });
    }
    const fatal = !dataset && snapshotError ? toDataError(snapshotError, SNAPSHOT_SOURCE_NAME) : null;
    const isLoading = !dataset && !fatal;
    return { dataset, isLoading, failures, fatal };
  }, [
    priced,
    tm,
    merge,
    mergeError,
    live,
    ids.error,
    ids.failureReason,
    grades.error,
    grades.failureReason,
    grades.data,
    pairs,
    focusId,
    focusTmId,
    scenario.data,
    scenario.error,
    scenario.failureReason,
    snapshotError,
  ]);
}
