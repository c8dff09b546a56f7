import { caseShare, customPrice, scenarioTable, SHARE_RANGE, type ScenarioRow, type TokenInput } from '../../engine/index.ts';
import { useScenarioStore } from '../../state/scenario-store.ts';
import type { ScenarioParams } from '../../state/url-codec.ts';
import { selectStore } from '../../ui/followed.ts';
import { subscribable, type SubscribableStore } from '../../ui/use-after-paint.ts';
import type { UserPoint } from './band-chart.tsx';

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

/** The scenario store as a plain source, for `selectStore` and `useSettledStore` (a hook cannot be passed as a value). */
export const SCENARIO_STORE: SubscribableStore<ScenarioParams> = subscribable(useScenarioStore);

const samePoint = (a: UserPoint, b: UserPoint): boolean => a.marketSize === b.marketSize && a.price === b.price;

/**
 * The user's point of the scenario store for `input`, as a store of its own: a slider step
 * notifies only the components that subscribe to it (the chart's mark), and `getState` gives the same
 * object while the point does not move (as `useSyncExternalStore` needs).
 */
export function userPointStore(input: TokenInput): SubscribableStore<UserPoint> {
  return selectStore(SCENARIO_STORE, (s) => ({ marketSize: s.marketSize, price: customPrice(input, s.marketSize, shareFor(input, s)) }), samePoint);
}
