import { useMemo } from 'react';
import { publishedCaptures } from '../../data/published.ts';
import type { Dataset } from '../../data/types.ts';
import { BEYOND_REACH, DEFAULT_CAPTURES, requiredMarketSize, scenarioCell, screenBatch, tokenBatch } from '../../engine/index.ts';
import type { ScreenParams } from '../../state/screen-store.ts';
import type { ScreenLookup } from './select-tokens.ts';

/** The screener's columns for one token; null where the engine has no answer (no supply, or out of reach). */
export interface ScreenCells {
  readonly price: number | null;
  readonly multiple: number | null;
  /** USD; 0 = any market size reaches it; null = beyond any market size in this case. */
  readonly needs: number | null;
  readonly capture: number;
  readonly fitted: boolean;
}

export interface ScreenResult {
  cells(id: string): ScreenCells | null;
  lookup(minMultiple: number, only: ReadonlySet<string> | null, watched: ReadonlySet<string>): ScreenLookup;
}

/**
 * Every loaded token under one scenario, by the engine's batch function: the typed arrays are packed
 * once per dataset, and each slider move is one pass over them. With `useTm`, tokens whose Token Metrics
 * table is known use their fitted capture instead (a handful, computed one by one).
 */
export function useScreen(dataset: Dataset | undefined, params: Pick<ScreenParams, 'marketSize' | 'scenarioCase' | 'targetMultiple' | 'useTm'>): ScreenResult {
  const packed = useMemo(() => {
    if (!dataset) return null;
    const inputs = dataset.tokens.map((t) => ({
      price: t.price,
      circulatingSupply: t.circulatingSupply ?? (t.marketCap !== null ? t.marketCap / t.price : Number.NaN),
    }));
    const index = new Map(dataset.tokens.map((t, i) => [t.id, i]));
    return { batch: tokenBatch(inputs, dataset.market.totalMarketCap), inputs, index };
  }, [dataset]);

  const fitted = useMemo(() => {
    const map = new Map<string, number>();
    if (!dataset || !packed || !params.useTm) return map;
    for (const [id, table] of Object.entries(dataset.published)) {
      const i = packed.index.get(id);
      const input = i === undefined ? undefined : packed.inputs[i];
      if (!input || !Number.isFinite(input.circulatingSupply)) continue;
      const captures = publishedCaptures(table, input.circulatingSupply, DEFAULT_CAPTURES);
      if (captures) map.set(id, captures[params.scenarioCase]);
    }
    return map;
  }, [dataset, packed, params.useTm, params.scenarioCase]);

  return useMemo((): ScreenResult => {
    const capture = DEFAULT_CAPTURES[params.scenarioCase];
    const out = packed ? screenBatch(packed.batch, capture, params.marketSize, params.targetMultiple) : null;
    const overrides = new Map<string, ScreenCells>();
    if (packed && dataset) {
      for (const [id, beta] of fitted) {
        const i = packed.index.get(id);
        const input = i === undefined ? undefined : packed.inputs[i];
        if (!input) continue;
        const token = { ...input, totalMarketCap: dataset.market.totalMarketCap };
        const cell = scenarioCell(token, beta, params.marketSize);
        overrides.set(id, { price: cell.price, multiple: cell.multiple, needs: requiredMarketSize(token, beta, token.price * params.targetMultiple), capture: beta, fitted: true });
      }
    }
    // One object per token per scenario, so a memoised row sees the same cells until the scenario changes.
    const made = new Map<string, ScreenCells | null>();
    const cells = (id: string): ScreenCells | null => {
      const own = overrides.get(id);
      if (own) return own;
      const known = made.get(id);
      if (known !== undefined) return known;
      const i = packed?.index.get(id);
      let cell: ScreenCells | null = null;
      if (i !== undefined && out && packed && packed.batch.valid[i] !== 0) {
        const needs = out.needs[i] ?? BEYOND_REACH;
        cell = { price: out.price[i] ?? null, multiple: out.multiple[i] ?? null, needs: needs === BEYOND_REACH ? null : needs, capture, fitted: false };
      }
      made.set(id, cell);
      return cell;
    };
    return {
      cells,
      lookup: (minMultiple, only, watched) => ({
        minMultiple,
        only,
        watched,
        value: (id, key) => {
          const c = cells(id);
          if (!c) return null;
          return key === 'scenarioPrice' ? c.price : key === 'multiple' ? c.multiple : c.needs;
        },
      }),
    };
  }, [packed, dataset, fitted, params.scenarioCase, params.marketSize, params.targetMultiple]);
}
