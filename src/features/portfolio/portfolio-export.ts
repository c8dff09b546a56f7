import type { Dataset } from '../../data/types.ts';
import { CASES, tierLabel, type ScenarioCase } from '../../engine/index.ts';
import { formatAmount } from '../../lib/amount.ts';
import type { FigureText } from '../../lib/chart-export.ts';
import { formatAsOf, formatUsdCompact } from '../../lib/format.ts';
import { contributions, type PortfolioSummary } from './portfolio-model.ts';
import { formatValue } from './scenarios-table.tsx';

/** What the exports say about each token's captures: "ADA observed 0.41 / 0.62 / 0.8". */
function captureLine(summary: PortfolioSummary): string {
  return summary.counted
    .map(({ holding, from }) => {
      if (!from) return `${holding.symbol} no captures`;
      if (from.peg?.kind === 'pegged') return `${holding.symbol} ${from.short}`;
      return `${holding.symbol} ${from.short} ${CASES.map((c) => from.captures[c]).join(' / ')}`;
    })
    .join('; ');
}

function sourceLine(dataset: Dataset): string {
  const source = dataset.sources[dataset.market.source]?.name ?? dataset.source;
  return `Data: ${source}, prices as of ${formatAsOf(dataset.asOf)}; total crypto market today ${formatUsdCompact(dataset.market.totalMarketCap)}.`;
}

/**
 * The PNG's words: the holdings' names (with amounts only when the user asked), the assumptions, the data's
 * date; the exporter adds "Not financial advice". No key, id or address of the user's ever goes in.
 */
export function portfolioFigureText(summary: PortfolioSummary, dataset: Dataset, showAmounts: boolean, target: number | null): FigureText {
  const names = summary.counted.map(({ holding }) =>
    showAmounts && holding.amount !== null ? `${formatAmount(holding.amount)} ${holding.symbol}` : `${holding.name} (${holding.symbol})`,
  );
  return {
    title: 'My portfolio: value if the crypto market reaches each size',
    subtitle: `Holdings: ${names.join(', ') || 'none'}`,
    footer: [
      `Assumptions: each token's own captures (bear / base / moon): ${captureLine(summary)}. Pegged assets stay at their peg; circulating supply; tiers ${summary.rows.map((r) => tierLabel(r.tier)).join(', ')}.`,
      ...(summary.excluded.length > 0 ? [`Totals exclude ${summary.excluded.join(', ')}: no price in this data.`] : []),
      ...(target !== null ? [`Target value: ${formatValue(target)}.`] : []),
      sourceLine(dataset),
    ],
    legend: [
      { label: 'Base', color: 'var(--base)' },
      { label: 'Bear to moon band', color: 'var(--base)' },
      { label: 'Today', color: 'var(--muted)' },
      ...(target !== null ? [{ label: 'Target', color: 'var(--moon)' }] : []),
    ],
  };
}

/**
 * The portfolio as RFC 4180 rows: one row per holding, tier and case with its price and value there, and a
 * total row per tier and case. The amount column is filled only when the user ticked "Show amounts in export".
 */
export function portfolioCsvRows(summary: PortfolioSummary, dataset: Dataset, showAmounts: boolean): Array<Array<string | number | null>> {
  const header = [
    'token',
    'symbol',
    'amount',
    'tier',
    'tier_usd',
    'case',
    'capture',
    'capture_source',
    'value_usd',
    'share_of_portfolio',
    'multiple',
    'as_of',
    'note',
  ];
  const rows: Array<Array<string | number | null>> = [header];
  const asOf = dataset.asOf;
  for (const row of summary.rows) {
    for (const c of CASES as readonly ScenarioCase[]) {
      for (const part of contributions(summary, c, row.tier)) {
        const { holding, from } = part.entry;
        const pegged = from?.peg?.kind === 'pegged';
        rows.push([
          holding.name,
          holding.symbol,
          showAmounts ? holding.amount : null,
          tierLabel(row.tier),
          row.tier,
          c,
          pegged || !from ? null : from.captures[c],
          from?.short ?? null,
          part.value,
          part.share,
          part.multiple,
          asOf,
          'Not financial advice',
        ]);
      }
      rows.push(['Portfolio total', '', null, tierLabel(row.tier), row.tier, c, null, null, row[c].value, 1, row[c].multiple, asOf, excludedNote(summary)]);
    }
  }
  for (const e of summary.entries.filter((x) => x.line === null)) {
    rows.push([
      e.holding.name,
      e.holding.symbol,
      showAmounts ? e.holding.amount : null,
      '',
      null,
      '',
      null,
      null,
      null,
      null,
      null,
      asOf,
      `left out: ${e.missing ?? ''}`,
    ]);
  }
  return rows;
}

function excludedNote(summary: PortfolioSummary): string {
  return summary.excluded.length > 0 ? `Not financial advice; excludes ${summary.excluded.join(', ')} (no price)` : 'Not financial advice';
}

/** The file name's stem (the exporter adds the date): no symbols, so a file's name says nothing of what is held. */
export const PORTFOLIO_FILE = 'portfolio';
