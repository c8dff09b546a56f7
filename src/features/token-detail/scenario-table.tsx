import { memo } from 'react';
import { CASES, tierLabel, type ScenarioRow } from '../../engine/index.ts';
import { formatMultiple, formatPrice, formatShare, formatUsdCompact } from '../../lib/format.ts';

const CASE_LABEL = { bear: 'Bear', base: 'Base', moon: 'Moon' } as const;

interface ScenarioTableProps {
  readonly rows: readonly ScenarioRow[];
}

/** The tiers x cases table: each cell the price and its multiple of today's price. */
export const ScenarioTable = memo(function ScenarioTable({ rows }: ScenarioTableProps) {
  return (
    <div className="table-scroll">
    <table className="scenario-table" aria-label="Scenario bands">
      <thead>
        <tr>
          <th scope="col">Total market</th>
          {CASES.map((c) => (
            <th key={c} scope="col" className={`case-${c}`}>
              {CASE_LABEL[c]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.tier}>
            <th scope="row" title={formatUsdCompact(row.tier)}>
              {tierLabel(row.tier)}
            </th>
            {CASES.map((c) => {
              const cell = row[c];
              return (
                <td key={c} title={`Token market cap ${formatUsdCompact(cell.marketCap)}, ${formatShare(cell.share)} of the market`}>
                  <span className="cell-price">{formatPrice(cell.price)}</span>{' '}
                  <span className="cell-multiple">{formatMultiple(cell.multiple)}</span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
});
