import { memo } from 'react';
import { capturesFor } from '../../data/captures.ts';
import type { Dataset, Token } from '../../data/types.ts';
import { captureOrigin } from './capture-source.tsx';
import { CASES, tierLabel } from '../../engine/index.ts';
import { SOCIAL_SIZE, saveCsv, saveFigurePng, saveFigureSvg, type FigureText } from '../../lib/chart-export.ts';
import { SCENARIO_CSV_COLUMNS } from '../../lib/csv.ts';
import { formatAsOf, formatPrice, formatShare, formatUsdCompact } from '../../lib/format.ts';
import { scenarioHref } from '../../state/scenario-store.ts';
import { CopyLinkButton } from '../../ui/copy-link-button.tsx';
import { ExportButtons } from '../../ui/export-buttons.tsx';
import type { ScenarioView } from './scenario-view.ts';
import { BAND_CHART_EXPORT } from './band-chart.tsx';

function sourceLine(token: Token, dataset: Dataset): string {
  const source = dataset.sources[dataset.market.source]?.name ?? dataset.source;
  return `Data: ${source}, prices as of ${formatAsOf(dataset.asOf)}; ${token.name} ${formatPrice(token.price)}, total crypto market ${formatUsdCompact(dataset.market.totalMarketCap)}.`;
}

/** The figure's words: title, parameters, source, legend and the data's day (the disclaimer is added by the exporter). */
export function figureText(token: Token, dataset: Dataset, view: ScenarioView): FigureText {
  const { params, input } = view;
  const target = params.target;
  return {
    title: `${token.name} (${token.symbol}): price if the crypto market reaches each size`,
    subtitle:
      `Tiers ${params.tiers.map(tierLabel).join(', ')} · your point: ${formatShare(view.share)} of ${tierLabel(params.marketSize)} = ${formatPrice(view.customPrice)}` +
      (target === null ? '' : ` · target ${formatPrice(target)}`),
    footer: [
      `Captures: bear ${params.captures.bear}, base ${params.captures.base}, moon ${params.captures.moon}; supply: ${params.horizon === 'max' ? 'maximum (fully diluted)' : 'circulating'}.`,
      captureOrigin(params.captures, capturesFor(token, dataset, 'token')),
      `Prices at the tiers (bear / base / moon): ${view.rows.map((r) => `${tierLabel(r.tier)} ${CASES.map((c) => formatPrice(r[c].price)).join(' / ')}`).join('; ')}.`,
      `The cases meet at today's ${tierLabel(input.totalMarketCap)} market: a capture scales the market's move from today, so below it the moon case falls furthest.`,
      sourceLine(token, dataset),
    ],
    legend: [
      { label: 'Bear', color: 'var(--bear)', kind: 'line' },
      { label: 'Base', color: 'var(--base)', kind: 'thick' },
      { label: 'Moon', color: 'var(--moon)', kind: 'line' },
      { label: 'Bear to moon band', color: 'var(--base)', kind: 'area' },
      { label: "Today's price, tiers", color: 'var(--muted)', kind: 'dashed' },
      ...(target === null ? [] : [{ label: 'Target price', color: 'var(--fg)', kind: 'dashed' as const }]),
      { label: 'Your point', color: 'var(--fg)', kind: 'dot' },
      ...(dataset.published[token.id]
        ? [{ label: "Token Metrics' published prices, at the market sizes they used", color: 'var(--muted)', kind: 'diamond' as const }]
        : []),
    ],
    dataAsOf: dataset.asOf,
  };
}

/** The scenario table with its inputs on every row (one rectangular RFC 4180 table). */
export function scenarioCsvRows(token: Token, dataset: Dataset, view: ScenarioView): Array<Array<string | number | null>> {
  const { input, params } = view;
  const header = [
    ...SCENARIO_CSV_COLUMNS,
    'price_usd',
    'multiple',
    'token_market_cap_usd',
    'share_of_market',
    'price_today_usd',
    'total_market_today_usd',
    'supply_at_horizon',
    'supply_basis',
    'source',
    'as_of',
    'note',
  ];
  const source = dataset.sources[dataset.market.source]?.name ?? dataset.source;
  const origin = captureOrigin(params.captures, capturesFor(token, dataset, 'token'));
  const rows = view.rows.flatMap((row) =>
    CASES.map((c) => [
      token.name,
      token.symbol,
      tierLabel(row.tier),
      row.tier,
      c,
      params.captures[c],
      origin,
      row[c].price,
      row[c].multiple,
      row[c].marketCap,
      row[c].share,
      input.price,
      input.totalMarketCap,
      input.horizonSupply ?? input.circulatingSupply,
      params.horizon === 'max' ? 'max' : 'circulating',
      source,
      dataset.asOf,
      'Not financial advice',
    ]),
  );
  return [header, ...rows];
}

/**
 * Export PNG / SVG / CSV and Copy link for the detail view. It reads the scenario when a button is
 * pressed (`view()`), so a slider step does not re-render it.
 */
export const ExportBar = memo(function ExportBar({
  token,
  dataset,
  view,
}: {
  readonly token: Token;
  readonly dataset: Dataset;
  readonly view: () => ScenarioView;
}) {
  return (
    <div className="export-bar" role="toolbar" aria-label="Share and export">
      <ExportButtons
        actions={{
          PNG: () => saveFigurePng(BAND_CHART_EXPORT, figureText(token, dataset, view()), token.symbol),
          'PNG (social)': () => saveFigurePng(BAND_CHART_EXPORT, figureText(token, dataset, view()), token.symbol, SOCIAL_SIZE),
          SVG: () => saveFigureSvg(BAND_CHART_EXPORT, figureText(token, dataset, view()), token.symbol),
          CSV: () => saveCsv(scenarioCsvRows(token, dataset, view()), token.symbol),
        }}
      />
      <CopyLinkButton href={scenarioHref} />
    </div>
  );
});
