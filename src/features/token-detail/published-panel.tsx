import { memo, useCallback, useMemo, useState } from 'react';
import type { PublishedPoint } from '../../data/published.ts';
import type { PublishedScenario, SourceRef } from '../../data/types.ts';
import type { TokenInput } from '../../engine/index.ts';
import { formatAsOf } from '../../lib/format.ts';
import { ImportTable } from './import-table.tsx';
import { referenceFromPublished, type PublishedReference } from './published-reference.ts';
import { RebasedTable } from './rebased-table.tsx';

interface PublishedPanelProps {
  readonly symbol: string;
  /** The token's known published table (Token Metrics), if any. */
  readonly published: PublishedScenario | undefined;
  readonly sources: Readonly<Record<string, SourceRef>>;
  /** Today's engine input (price, supply, total market). */
  readonly input: TokenInput;
  /** When today's total market was taken (ISO). */
  readonly marketAsOf: string;
  /** The pasted table's cells for the chart (null: back to the known table's). */
  readonly onPoints: (points: PublishedPoint[] | null) => void;
}

/**
 * A published table as published and rebased to today, and the import that replaces it: the known
 * Token Metrics table until the user fits one of their own.
 */
export const PublishedPanel = memo(function PublishedPanel({ symbol, published, sources, input, marketAsOf, onPoints }: PublishedPanelProps) {
  const { price, circulatingSupply, totalMarketCap } = input;
  const today = useMemo(() => ({ price, circulatingSupply, totalMarketCap }), [price, circulatingSupply, totalMarketCap]);
  const known = useMemo(() => (published ? referenceFromPublished(published, sources, circulatingSupply) : null), [published, sources, circulatingSupply]);
  const [imported, setImported] = useState<PublishedReference | null>(null);
  const shown = imported ?? known;
  const backToKnown = useCallback(() => {
    setImported(null);
    onPoints(null);
  }, [onPoints]);
  return (
    <>
      {shown ? <RebasedTable reference={shown} pasted={imported !== null} today={today} todayAsOf={formatAsOf(marketAsOf)} symbol={symbol} /> : null}
      {imported && known ? (
        <button type="button" onClick={backToKnown}>
          Show Token Metrics&apos; table again
        </button>
      ) : null}
      <ImportTable circulatingSupply={circulatingSupply} known={known} onPoints={onPoints} onFitted={setImported} />
    </>
  );
});
