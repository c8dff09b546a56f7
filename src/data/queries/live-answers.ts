/**
 * Live answers merged into the dataset, with the failures they bring: CoinGecko's prices over the
 * snapshot (`liveDataset`), Token Metrics' grades and the focused token's published scenario. Loaded once
 * a live source or a key is in use (`useLiveMerge`): `/` on the snapshot does not carry it.
 */
import { toDataError } from '../errors.ts';
import { withLiveGrades, withLivePublished } from '../providers/live.ts';
import type { Dataset, Grades, PublishedScenario } from '../types.ts';
import type { DataFailure } from './dataset.ts';

export { liveDataset } from '../providers/live.ts';

/** The source id live Token Metrics grades carry (the provider's `TM_LIVE_SOURCE`). */
const TM_LIVE_SOURCE = 'tm-live';

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
