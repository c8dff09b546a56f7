import { ScrollBox } from '../../ui/scroll-box.tsx';
import { memo, type ReactNode } from 'react';
import { CASE_LABEL, CASES, tierLabel, type ScenarioCase, type ScenarioRow } from '../../engine/index.ts';
import { formatMultiple, formatPrice, formatShare, formatUsdCompact } from '../../lib/format.ts';

interface BandsTableProps {
  readonly tiers: readonly number[];
  /** One cell's content and its title (the hover text), for a tier and a case. */
  readonly cell: (tier: number, c: ScenarioCase) => { readonly content: ReactNode; readonly title?: string };
  /** The case a link chose (the screener's): its column is marked. */
  readonly chosen?: ScenarioCase | null | undefined;
}

/** The tiers x cases table "Scenario bands": one row per tier, one column per case. */
function BandsTable({ tiers, cell, chosen }: BandsTableProps) {
  const caseClass = (c: ScenarioCase): string => (c === chosen ? `case-${c} chosen` : `case-${c}`);
  return (
    <ScrollBox label="Scenario bands table">
      <table className="scenario-table" aria-label="Scenario bands">
        <thead>
          <tr>
            <th scope="col">Total market</th>
            {CASES.map((c) => (
              <th key={c} scope="col" className={caseClass(c)}>
                {CASE_LABEL[c]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {tiers.map((tier) => (
            <tr key={tier}>
              <th scope="row" title={formatUsdCompact(tier)}>
                {tierLabel(tier)}
              </th>
              {CASES.map((c) => {
                const { content, title } = cell(tier, c);
                return (
                  <td key={c} title={title} className={c === chosen ? 'chosen' : undefined}>
                    {content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {chosen ? <p className="hint">The {CASE_LABEL[chosen]} column is marked: the case the link chose.</p> : null}
    </ScrollBox>
  );
}

/** The engine's table: each cell the price and its multiple of today's price. */
export const ScenarioTable = memo(function ScenarioTable({ rows, chosen }: { readonly rows: readonly ScenarioRow[]; readonly chosen?: ScenarioCase | null }) {
  const byTier = new Map(rows.map((r) => [r.tier, r]));
  return (
    <BandsTable
      chosen={chosen}
      tiers={rows.map((r) => r.tier)}
      cell={(tier, c) => {
        const value = byTier.get(tier)?.[c];
        if (!value) return { content: null };
        return {
          title: `Token market cap ${formatUsdCompact(value.marketCap)}, ${formatShare(value.share)} of the market`,
          content: (
            <>
              <span className="cell-price">{formatPrice(value.price)}</span> <span className="cell-multiple">{formatMultiple(value.multiple)}</span>
            </>
          ),
        };
      }}
    />
  );
});

/** A pegged asset's table: its peg in every cell, and no multiple. */
export function PeggedTable({ tiers, price }: { readonly tiers: readonly number[]; readonly price: number }) {
  const content = (
    <>
      <span className="cell-price">{formatPrice(price)}</span> <span className="cell-multiple">pegged</span>
    </>
  );
  return <BandsTable tiers={tiers} cell={() => ({ content })} />;
}
