import { use, useMemo } from 'react';
import { capturesFor, type PublishedFitter, type TokenCaptures } from '../../data/captures.ts';
import { engineInputFor } from '../../data/engine-input.ts';
import type { Dataset } from '../../data/types.ts';
import { BEYOND_REACH, screenBatch, tokenBatch } from '../../engine/index.ts';
import type { ScreenParams } from '../../state/screen-store.ts';
import type { ScreenLookup } from './select-tokens.ts';

/** The screener's columns for one token; null where the engine has no answer (no supply, or out of reach). */
export interface ScreenCells {
  readonly price: number | null;
  /** Null for a pegged asset (it has no multiple) and where the engine has no answer. */
  readonly multiple: number | null;
  /** USD; 0 = any market size reaches it; null = beyond any market size in this case, or pegged. */
  readonly needs: number | null;
  /** The capture of the chosen case (unused for a pegged asset). */
  readonly capture: number;
  /** Where the token's captures come from, and its peg. */
  readonly from: TokenCaptures;
}

export interface ScreenResult {
  cells(id: string): ScreenCells | null;
  lookup(minMultiple: number, only: ReadonlySet<string> | null, watched: ReadonlySet<string>): ScreenLookup;
}

let fitter: Promise<PublishedFitter> | undefined;

/** The fitter of Token Metrics' tables: loaded the first time "Token Metrics where published" is chosen (few visits do). */
function publishedFitter(): Promise<PublishedFitter> {
  fitter ??= import('../../data/published.ts').then(
    (m) => m.publishedCaptures,
    (error: unknown) => {
      fitter = undefined; // offline: the next render tries again
      throw error;
    },
  );
  return fitter;
}

/** A fitter that fits nothing, for the modes that do not use one. */
const NO_FIT: PublishedFitter = () => null;

type Params = Pick<ScreenParams, 'marketSize' | 'scenarioCase' | 'targetMultiple' | 'captureMode' | 'horizon'>;

/**
 * Every loaded token under one scenario, by the engine's batch function with each token's own capture:
 * the typed arrays are packed once per dataset and supply choice, the captures once per choice of whose
 * captures, and each slider move is one pass over them. A pegged asset shows its peg and no multiple.
 */
export function useScreen(dataset: Dataset | undefined, params: Params): ScreenResult {
  const { horizon, captureMode, scenarioCase, marketSize, targetMultiple } = params;
  const packed = useMemo(() => {
    if (!dataset) return null;
    const inputs = dataset.tokens.map((t) => {
      const r = engineInputFor(t, dataset.market, horizon);
      return r.ok ? r.input : { price: t.price, circulatingSupply: Number.NaN };
    });
    const index = new Map(dataset.tokens.map((t, i) => [t.id, i]));
    return { batch: tokenBatch(inputs, dataset.market.totalMarketCap), index };
  }, [dataset, horizon]);

  // While the fitter loads, a change of captures (the rows follow it in a transition) keeps the rows as they
  // were, and a link that opens `/` in this mode shows the list once it is in (`use` suspends).
  const fit = captureMode === 'tm' && dataset ? use(publishedFitter()) : NO_FIT;
  const sources = useMemo(() => (dataset ? dataset.tokens.map((t) => capturesFor(t, dataset, captureMode, fit)) : []), [dataset, captureMode, fit]);

  return useMemo((): ScreenResult => {
    const betas = Float64Array.from(sources, (s) => s.captures[scenarioCase]);
    const out = packed ? screenBatch(packed.batch, betas, marketSize, targetMultiple) : null;
    // One object per token per scenario, so a memoised row sees the same cells until the scenario changes.
    const made = new Map<string, ScreenCells | null>();
    const cells = (id: string): ScreenCells | null => {
      const known = made.get(id);
      if (known !== undefined) return known;
      const i = packed?.index.get(id);
      const from = i === undefined ? undefined : sources[i];
      let cell: ScreenCells | null = null;
      if (i !== undefined && from && from.peg?.kind === 'pegged') {
        cell = { price: from.peg.price, multiple: null, needs: null, capture: from.captures[scenarioCase], from };
      } else if (i !== undefined && from && out && packed && packed.batch.valid[i] !== 0) {
        const needs = out.needs[i] ?? BEYOND_REACH;
        cell = {
          price: out.price[i] ?? null,
          multiple: out.multiple[i] ?? null,
          needs: needs === BEYOND_REACH ? null : needs,
          capture: from.captures[scenarioCase],
          from,
        };
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
          if (key === 'capture') return c.from.peg?.kind === 'pegged' ? null : c.capture;
          return key === 'scenarioPrice' ? c.price : key === 'multiple' ? c.multiple : c.needs;
        },
      }),
    };
  }, [packed, sources, scenarioCase, marketSize, targetMultiple]);
}
