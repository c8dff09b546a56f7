/**
 * Live answers merged into the dataset, with the failures they bring: CoinGecko's prices over the
 * snapshot (`liveDataset`), Token Metrics' grades and the focused token's published scenario. Loaded once
 * a live source or a key is in use (`useLiveMerge`): `/` on the snapshot does not carry it.
 */
import { toDataError } from '../errors.ts';
import type { GlobalMarket, MarketsResult } from '../providers/coingecko.ts';
import { liveDataset, withLiveGrades, withLivePublished } from '../providers/live.ts';
import type { Dataset, Grades, PublishedScenario } from '../types.ts';
import type { DataFailure } from './dataset.ts';
import { retryDelay } from './retry.ts';

/** The source id live Token Metrics grades carry (the provider's `TM_LIVE_SOURCE`). */
const TM_LIVE_SOURCE = 'tm-live';

/** "; next try in about 1 min" for a query that will try again after `failures` failures (the retry policy's delay without jitter). */
function nextTry(error: unknown, failures: number): string {
  const ms = retryDelay(Math.max(0, failures - 1), error, () => 0.5);
  if (ms <= 0) return '; trying again now';
  return ms >= 90_000
    ? `; next try in about ${Math.round(ms / 60_000)} min`
    : ms >= 60_000
      ? '; next try in about 1 min'
      : `; next try in about ${Math.max(1, Math.round(ms / 1000))} s`;
}

/** One query's answer, as TanStack Query gives it. */
interface Answer<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  /** The last failure, also while the query waits to try again. */
  readonly failureReason: unknown;
  readonly failureCount: number;
}

/** What the CoinGecko queries answered, and when the markets' answer came (ms since the epoch). */
export interface CoinGeckoAnswers {
  readonly markets: Answer<MarketsResult>;
  readonly global: Answer<GlobalMarket>;
  readonly updatedAt: number;
}

/**
 * Live CoinGecko prices over the snapshot (`fallback`) once both queries have answered, else the snapshot;
 * with the failures named (a query trying again says when).
 */
export function withCoinGecko(fallback: Dataset | undefined, answers: CoinGeckoAnswers): { dataset: Dataset | undefined; failures: DataFailure[] } {
  const failures: DataFailure[] = [];
  const { markets, global } = answers;
  if (markets.data && global.data) {
    const dataset = liveDataset(markets.data.pages, global.data, fallback, new Date(answers.updatedAt).toISOString());
    const error = markets.error ?? global.error;
    if (error) failures.push({ source: 'CoinGecko', reason: toDataError(error, 'CoinGecko').reason, fallback: 'the last live prices', asOf: dataset.asOf });
    if (markets.data.incomplete) {
      const { loaded, asked, reason } = markets.data.incomplete;
      failures.push({ source: 'CoinGecko', reason: `${reason}; loaded ${loaded} of ${asked} pages`, fallback: 'the pages that loaded', asOf: dataset.asOf });
    }
    return { dataset, failures };
  }
  // A failure is named as soon as it happens, while its query waits (a minute after a rate limit) to try again.
  const queries = [
    { error: markets.error, retrying: markets.failureReason, count: markets.failureCount },
    { error: global.error, retrying: global.failureReason, count: global.failureCount },
  ];
  for (const q of queries) {
    const failure = q.error ?? q.retrying;
    if (!failure || !fallback) continue;
    const known = toDataError(failure, 'CoinGecko');
    const reason = `${known.reason}${q.error ? '' : nextTry(failure, q.count)}`;
    if (failures.some((f) => f.reason === reason)) continue;
    failures.push({ source: 'CoinGecko', reason, fallback: 'the embedded snapshot', asOf: fallback.asOf, calm: known.kind === 'network' });
  }
  return { dataset: fallback, failures };
}

/** What the Token Metrics queries answered. */
export interface TokenMetricsAnswers {
  /** A failure of the id or grade queries, or the reason one of them is trying again. */
  readonly gradeError: unknown;
  readonly grades: { readonly grades: readonly (readonly [number, Grades])[]; readonly errors: readonly string[]; readonly fetchedAt: string } | undefined;
  /** Our token id and its Token Metrics id, for each token asked for. */
  readonly pairs: readonly (readonly [string, number])[];
  /** The focused token (when Token Metrics knows it): its published scenario, or the failure to get it. */
  readonly focus: {
    readonly id: string;
    readonly scenario: { readonly table: PublishedScenario | null; readonly fetchedAt: string } | undefined;
    readonly error: unknown;
  } | null;
}

/**
 * `dataset` with Token Metrics' live grades and the focused token's live published table over its own;
 * each failure is added to `failures` with what is shown instead.
 */
export function withTokenMetrics(dataset: Dataset, answers: TokenMetricsAnswers, failures: DataFailure[]): Dataset {
  let merged = dataset;
  const { gradeError, grades, pairs, focus } = answers;
  if (gradeError) {
    failures.push({
      source: 'Token Metrics',
      reason: toDataError(gradeError, 'Token Metrics').reason,
      fallback: grades ? 'the last live grades' : "the snapshot's grades",
      asOf: merged.asOf,
    });
  }
  if (grades) {
    const byTm = new Map(grades.grades);
    const liveGrades = new Map<string, Grades>();
    for (const [ourId, tmId] of pairs) {
      const g = byTm.get(tmId);
      if (g) liveGrades.set(ourId, g);
    }
    merged = withLiveGrades(merged, liveGrades, grades.fetchedAt, TM_LIVE_SOURCE);
    for (const reason of grades.errors) failures.push({ source: 'Token Metrics', reason, fallback: 'the grades that loaded', asOf: grades.fetchedAt });
  }
  if (focus) {
    const liveTable = focus.scenario?.table;
    if (liveTable) merged = withLivePublished(merged, focus.id, liveTable, focus.scenario?.fetchedAt ?? merged.asOf);
    if (focus.error) {
      const prior = merged.published[focus.id];
      failures.push({
        source: 'Token Metrics',
        subject: 'Published scenario',
        reason: toDataError(focus.error, 'Token Metrics').reason,
        fallback: liveTable ? 'the last live published table' : prior ? "the snapshot's published table" : 'no published table for this token',
        asOf: liveTable ? (focus.scenario?.fetchedAt ?? null) : (prior?.asOf ?? null),
      });
    }
  }
  return merged;
}
