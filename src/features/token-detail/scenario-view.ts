import { caseShare, customPrice, scenarioTable, SHARE_RANGE, type ScenarioRow, type TokenInput } from '../../engine/index.ts';
import { useScenarioStore } from '../../state/scenario-store.ts';
import type { ScenarioParams } from '../../state/url-codec.ts';
import type { UserPoint, UserPointStore } from './band-chart.tsx';

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

type PointParams = Pick<ScenarioParams, 'marketSize' | 'share' | 'captures'>;

/** The share in use: the user's, or the base case's at the chosen market size, clamped to the slider's range. */
export function shareFor(input: TokenInput, params: PointParams): number {
  if (params.share !== null) return params.share;
  return Math.min(SHARE_RANGE.max, Math.max(SHARE_RANGE.min, caseShare(input, params.captures.base, params.marketSize)));
}

/**
 * Everything the detail view shows for `params`, computed by the engine: the tiers table, the share
 * in use and the price at the user's point.
 */
export function scenarioView(input: TokenInput, note: string | null, params: ScenarioParams): ScenarioView {
  const share = shareFor(input, params);
  return {
    params,
    input,
    note,
    rows: scenarioTable(input, params.captures, params.tiers),
    share,
    shareFollowsBase: params.share === null,
    customPrice: customPrice(input, params.marketSize, share),
  };
}

/**
 * The user's point for `input`, read from the scenario store, in the shape the chart subscribes to
 * (`useSyncExternalStore`): a slider step re-renders only the chart's mark and caption, and
 * `getState` gives the same object while the point does not move.
 */
export function userPointStore(input: TokenInput): UserPointStore {
  let last: UserPoint | null = null;
  return {
    subscribe: (listener) => useScenarioStore.subscribe(listener),
    getState: () => {
      const s = useScenarioStore.getState();
      const price = customPrice(input, s.marketSize, shareFor(input, s));
      if (last === null || last.marketSize !== s.marketSize || last.price !== price) last = { marketSize: s.marketSize, price };
      return last;
    },
  };
}
