import type { Dataset } from '../../data/types.ts';
import { tierLabel } from '../../engine/index.ts';
import { saveCsv } from '../../lib/chart-export.ts';
import type { ScreenParams } from '../../state/screen-store.ts';
import type { TokenRow } from './select-tokens.ts';
import type { ScreenResult } from './use-screen.ts';

const MODE_WORDS = {
  token: "each token's own captures (observed where it has history, defaults otherwise)",
  same: 'the default captures for every token (0.5 / 0.75 / 1)',
  tm: "Token Metrics' fitted captures where published, each token's own otherwise",
} as const;

/** The screened rows as shown (sorted, filtered), with the scenario, source and as-of in header lines. */
export function screenCsvRows(rows: readonly TokenRow[], screen: ScreenResult, params: ScreenParams, dataset: Dataset): Array<Array<string | number | null>> {
  const source = dataset.sources[dataset.market.source]?.name ?? dataset.source;
  const header: Array<Array<string | number | null>> = [
    ['capbands screener'],
    ['total_market_usd', params.marketSize, tierLabel(params.marketSize)],
    ['case', params.scenarioCase],
    ['captures', MODE_WORDS[params.captureMode]],
    ['supply', params.horizon === 'max' ? 'max supply (fully diluted)' : 'circulating'],
    ['target_multiple', params.targetMultiple],
    ['today_total_market_usd', dataset.market.totalMarketCap],
    ['source', source, formatSourceDate(dataset.asOf)],
    ['note', 'Not financial advice'],
    [],
    ['rank', 'name', 'symbol', 'id', 'price_usd', 'market_cap_usd', 'capture', 'capture_source', 'scenario_price_usd', 'multiple', 'needs_usd'],
  ];
  const body = rows.map((r) => {
    const c = screen.cells(r.token.id);
    const pegged = c?.from.peg?.kind === 'pegged';
    const needs = c === null ? null : pegged ? 'never: pegged' : c.needs === null ? 'beyond reach' : c.needs;
    return [
      r.token.rank,
      r.token.name,
      r.token.symbol,
      r.token.id,
      r.token.price,
      r.token.marketCap,
      pegged ? null : (c?.capture ?? null),
      c?.from.short ?? null,
      c?.price ?? null,
      pegged ? 'pegged' : (c?.multiple ?? null),
      needs,
    ];
  });
  return [...header, ...body];
}

function formatSourceDate(iso: string): string {
  return iso.slice(0, 10);
}

/** Saves the screen as CSV (file named after the scenario, e.g. `capbands-screen-16t-base-...csv`). */
export function exportScreen(rows: readonly TokenRow[], screen: ScreenResult, params: ScreenParams, dataset: Dataset): string {
  return saveCsv(screenCsvRows(rows, screen, params, dataset), `screen-${tierLabel(params.marketSize)}-${params.scenarioCase}`);
}
