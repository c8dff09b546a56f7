import { useMemo } from 'react';
import { engineInputFor } from '../../data/engine-input.ts';
import type { Dataset, Token } from '../../data/types.ts';
import { caseShare, customPrice, scenarioTable, SHARE_RANGE, type ScenarioRow, type TokenInput } from '../../engine/index.ts';
import { useScenarioParams } from '../../state/scenario-store.ts';
import type { ScenarioParams } from '../../state/url-codec.ts';

export interface ScenarioView {
  readonly params: ScenarioParams;
  readonly input: TokenInput;
  /** Why the diluted view equals the circulating one, when it does. */
  readonly note: string | null;
  readonly rows: readonly ScenarioRow[];
  /** The share in use: the user's, or the base case's at the chosen market size (clamped to the slider's range). */
  readonly share: number;
  readonly shareFollowsBase: boolean;
  /** Price at the user's point (market size x share / supply). */
  readonly customPrice: number;
}

/**
 * Everything the detail view derives from the token and the scenario state, computed by the engine.
 * Each piece is memoised on what it depends on: moving the market-size slider recomputes the share
 * and the custom price, not the tiers table.
 */
export function useScenarioView(token: Token, dataset: Dataset): { ok: true; view: ScenarioView } | { ok: false; reason: string } {
  const params = useScenarioParams();
  const market = dataset.market;
  const result = useMemo(() => engineInputFor(token, market, params.horizon), [token, market, params.horizon]);
  const input = result.ok ? result.input : null;
  const rows = useMemo(() => (input ? scenarioTable(input, params.captures, params.tiers) : []), [input, params.captures, params.tiers]);
  const derived = useMemo(() => {
    if (!input) return null;
    const baseShare = caseShare(input, params.captures.base, params.marketSize);
    const share = params.share ?? Math.min(SHARE_RANGE.max, Math.max(SHARE_RANGE.min, baseShare));
    return { share, price: customPrice(input, params.marketSize, share) };
  }, [input, params.captures.base, params.marketSize, params.share]);

  const note = result.ok ? result.note : null;
  // One object per scenario: a consumer keyed on it (memo, useAfterPaint) sees a change only when one happens.
  const view = useMemo(
    (): ScenarioView | null =>
      input && derived
        ? { params, input, note, rows, share: derived.share, shareFollowsBase: params.share === null, customPrice: derived.price }
        : null,
    [params, input, note, rows, derived],
  );
  if (!result.ok || !view) return { ok: false, reason: result.ok ? 'No scenario' : result.reason };
  return { ok: true, view };
}
