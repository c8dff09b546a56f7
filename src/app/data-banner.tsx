import { useDataset } from '../data/queries/dataset.ts';
import { useLoadProgress } from '../data/progress.ts';
import { formatDated } from '../lib/format.ts';
import { useDataConfig } from '../state/settings-store.ts';
import { DataStatus, type FailureNotice } from '../ui/data-status.tsx';

/** The app-wide data status: one alert per live failure, and a progress bar during long loads. */
export function DataBanner({ focusId }: { readonly focusId: string | undefined }) {
  const { failures, fatal } = useDataset(useDataConfig(), focusId);
  const progress = useLoadProgress();
  const notices: FailureNotice[] = failures.map((f) => ({ ...f, asOf: f.asOf === null ? null : formatDated(f.asOf) }));
  if (fatal) notices.push({ source: fatal.source, reason: fatal.reason, fallback: 'nothing: reload the page to try again', asOf: null });
  return <DataStatus failures={notices} progress={progress} />;
}
