import type { Dataset } from '../../data/types.ts';
import { CASES, scenarioCell, tierLabel } from '../../engine/index.ts';
import type { FigureText } from '../../lib/chart-export.ts';
import { SCENARIO_CSV_COLUMNS } from '../../lib/csv.ts';
import { formatAsOf, formatUsdCompact } from '../../lib/format.ts';
import { compareColor } from './compare-chart.tsx';
import { TARGET_MULTIPLES, needsFor, type CompareToken } from './compare-model.ts';

/** "ada-trx-xrp": the file name part of a comparison. */
export function compareName(tokens: readonly CompareToken[]): string {
  return tokens.map((t) => t.token.symbol).join('-') || 'compare';
}

function capturesText(t: CompareToken): string {
  return `${t.token.symbol} ${t.captures.bear}/${t.captures.base}/${t.captures.moon} (${t.from.short})`;
}

/** Title, parameters, source and legend of the exported compare chart. */
export function compareFigureText(tokens: readonly CompareToken[], tiers: readonly number[], dataset: Dataset): FigureText {
  const source = dataset.sources[dataset.market.source]?.name ?? dataset.source;
  return {
    title: `${tokens.map((t) => t.token.symbol).join(' vs ')}: multiple of today's price by total crypto market size`,
    subtitle: `Tiers ${tiers.map(tierLabel).join(', ')} · band: bear to moon; line: base`,
    footer: [
      `Captures bear/base/moon: ${tokens.map(capturesText).join('; ')}.`,
      `Data: ${source}, prices as of ${formatAsOf(dataset.asOf)}; total crypto market ${formatUsdCompact(dataset.market.totalMarketCap)}.`,
    ],
    legend: tokens.map((t, i) => ({ label: `${t.token.name} (${t.token.symbol})`, color: compareColor(i) })),
  };
}

/** One row per token, tier and case, with the market size each token's base case needs for 2x, 5x and 10x. */
export function compareCsvRows(tokens: readonly CompareToken[], tiers: readonly number[], dataset: Dataset): Array<Array<string | number | null>> {
  const header = [...SCENARIO_CSV_COLUMNS, 'multiple', ...TARGET_MULTIPLES.map((x) => `base_needs_${x}x_usd`), 'source', 'as_of', 'note'];
  const source = dataset.sources[dataset.market.source]?.name ?? dataset.source;
  const rows = tokens.flatMap((t) => {
    const needs = TARGET_MULTIPLES.map((x) => needsFor(t.input, t.captures.base, x));
    return tiers.flatMap((tier) =>
      CASES.map((c) => [
        t.token.name,
        t.token.symbol,
        tierLabel(tier),
        tier,
        c,
        t.captures[c],
        t.from.short,
        scenarioCell(t.input, t.captures[c], tier).multiple,
        ...needs,
        source,
        dataset.asOf,
        'Not financial advice',
      ]),
    );
  });
  return [header, ...rows];
}
