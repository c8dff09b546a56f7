export interface FailureNotice {
  readonly source: string;
  readonly reason: string;
  readonly fallback: string;
  /** Already formatted as-of of what is shown. */
  readonly asOf: string;
}

interface DataStatusProps {
  readonly failures: readonly FailureNotice[];
  readonly progress: { readonly label: string; readonly done: number; readonly total: number } | null;
}

/** Live-data failures as alerts ("Live prices unavailable: HTTP 429, showing ...") and long loads as a progress bar. */
export function DataStatus({ failures, progress }: DataStatusProps) {
  return (
    <div className="data-status">
      {failures.map((f) => (
        <div role="alert" className="data-alert" key={`${f.source}:${f.reason}`}>
          {f.source === 'Token Metrics' ? 'Live grades' : 'Live prices'} unavailable from {f.source}: {f.reason}. Showing{' '}
          {f.fallback} as of {f.asOf}.
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
