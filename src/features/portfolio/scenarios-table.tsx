import { useState } from 'react';
import { CASE_LABEL, CASES, tierLabel, type ScenarioCase } from '../../engine/index.ts';
import { formatMultiple, formatPrice, formatShare, formatUsdCompact } from '../../lib/format.ts';
import { ScrollBox } from '../../ui/scroll-box.tsx';
import { contributions, type PortfolioSummary } from './portfolio-model.ts';

/** A portfolio value: compact from a million on ("$1.23M"), else to the cent; never "$0" for a sub-cent value. */
export function formatValue(usd: number): string {
  return usd >= 1e6 ? formatUsdCompact(usd) : formatPrice(usd);
}

/** `table` "Portfolio scenarios": today's value, then each tier's bear / base / moon value and multiple. */
export function ScenariosTable({ summary }: { readonly summary: PortfolioSummary }) {
  return (
    <ScrollBox label="Portfolio scenarios table">
      <table aria-label="Portfolio scenarios" className="portfolio-scenarios">
        <thead>
          <tr>
            <th scope="col" className="left">
              Market size
            </th>
            {CASES.map((c) => (
              <th key={c} scope="col">
                {CASE_LABEL[c]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr className="today-row">
            <th scope="row">Today</th>
            <td colSpan={3} className="today-cell">
              {formatValue(summary.today)}
            </td>
          </tr>
          {summary.rows.map((row) => (
            <tr key={row.tier}>
              <th scope="row">{tierLabel(row.tier)}</th>
              {CASES.map((c) => (
                <td key={c}>
                  {formatValue(row[c].value)} <span className="cell-multiple">{row[c].multiple === null ? '' : formatMultiple(row[c].multiple)}</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

type SortKey = 'token' | 'value' | 'share' | 'multiple';

/** Each token's part at the chosen tier and case: value, share of the portfolio there, and its own multiple; sortable. */
export function ContributionsTable({
  summary,
  tier,
  scenario,
}: {
  readonly summary: PortfolioSummary;
  readonly tier: number;
  readonly scenario: ScenarioCase;
}) {
  const [sort, setSort] = useState<{ key: SortKey; dir: 'asc' | 'desc' }>({ key: 'value', dir: 'desc' });
  const rows = contributions(summary, scenario, tier);
  const sign = sort.dir === 'asc' ? 1 : -1;
  const sorted = [...rows].sort((a, b) => {
    if (sort.key === 'token') return sign * a.entry.holding.name.localeCompare(b.entry.holding.name);
    if (sort.key === 'multiple') return sign * ((a.multiple ?? -1) - (b.multiple ?? -1));
    return sign * (a[sort.key] - b[sort.key]);
  });
  const header = (key: SortKey, label: string, className?: string) => {
    const active = sort.key === key;
    return (
      <th scope="col" className={className} aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <button
          type="button"
          className="sort"
          onClick={() => setSort({ key, dir: active ? (sort.dir === 'asc' ? 'desc' : 'asc') : key === 'token' ? 'asc' : 'desc' })}
        >
          {label}
          <span aria-hidden="true">{active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
        </button>
      </th>
    );
  };
  return (
    <ScrollBox label="Contributions table">
      <table aria-label="Contributions" className="contributions">
        <caption>
          At {tierLabel(tier)}, {CASE_LABEL[scenario].toLowerCase()} case
        </caption>
        <thead>
          <tr>
            {header('token', 'Token', 'left')}
            {header('value', 'Value')}
            {header('share', 'Share')}
            {header('multiple', 'Multiple')}
          </tr>
        </thead>
        <tbody>
          {sorted.map(({ entry, value, share, multiple }) => (
            <tr key={entry.holding.id}>
              <th scope="row">
                {entry.holding.name} <span className="cell-multiple">{entry.holding.symbol}</span>
              </th>
              <td>{formatValue(value)}</td>
              <td>
                <span className="share-bar" aria-hidden="true" style={{ inlineSize: `${Math.round(share * 60)}px` }} />
                {formatShare(share)}
              </td>
              <td>{entry.from?.peg?.kind === 'pegged' ? 'pegged' : formatMultiple(multiple)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
