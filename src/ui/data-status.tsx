export interface FailureNotice {
  readonly source: string;
  /** What failed, when not the source's usual data ("Published scenario"). */
  readonly subject?: string | undefined;
  readonly reason: string;
  readonly fallback: string;
  /** Already formatted as-of of what is shown; null when nothing is shown. */
  readonly asOf: string | null;
  /** Simply offline, nothing for the user to do: a calm `status` instead of an `alert`. */
  readonly calm?: boolean | undefined;
}

interface DataStatusProps {
  readonly failures: readonly FailureNotice[];
  readonly progress: { readonly label: string; readonly done: number; readonly total: number } | null;
}

/** What failed, in the words of the alert: live prices, live grades, or the data itself (the snapshot). */
function subjectOf(source: string): string {
  if (source === 'Token Metrics') return 'Live grades';
  if (source === 'CoinGecko') return 'Live prices';
  return 'Token data';
}

/** Live-data failures as alerts ("Live prices unavailable: HTTP 429, showing ...") and long loads as a progress bar. */
export function DataStatus({ failures, progress }: DataStatusProps) {
  return (
    <div className="data-status">
      {failures.map((f, i) => (
        // Two failures may share a source and a reason (a refetch and a page): the index keeps keys unique.
        <div role={f.calm ? 'status' : 'alert'} className={f.calm ? 'data-alert calm' : 'data-alert'} key={`${f.source}:${f.reason}:${i}`}>
          {f.subject ?? subjectOf(f.source)} unavailable from {f.source}: {f.reason}. Showing {f.fallback}
          {f.asOf !== null ? ` as of ${f.asOf}` : ''}.
        </div>
      ))}
      {progress ? (
        <div className="data-progress">
          <label htmlFor="data-progress">
            {progress.label}: {progress.done} of {progress.total}
          </label>
          <progress id="data-progress" max={progress.total} value={progress.done} aria-valuetext={`${progress.done} of ${progress.total}`} />
        </div>
      ) : null}
    </div>
  );
}
