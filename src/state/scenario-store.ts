/**
 * The scenario of the token detail view: one zustand store, actions beside state. Every setter
 * clamps with the URL codec's rules (./clamp.ts), so the state is always what a link carries.
 * The URL is the source of truth on load (`loadFromSearch`); `syncScenarioToUrl` writes changes
 * back (`src/lib/url-sync.ts`, as every view does). No `persist` middleware over the URL: it resets the URL on
 * refresh (zustand issue 1254).
 */
import { create } from 'zustand';
import { syncUrl, syncedHref, type UrlSync } from '../lib/url-sync.ts';
import { useShallow } from 'zustand/react/shallow';
import { shallow } from 'zustand/shallow';
import { CASES, LIMITS } from '../engine/index.ts';
import type { Captures, ScenarioCase } from '../engine/index.ts';
import { MAX_TIERS, clampCapture, clampCaptures, clampMarketSize, clampShare, clampTier, tidyTiers } from './clamp.ts';
import { DEFAULT_SCENARIO, parseScenarioSearch, serializeScenarioSearch } from './url-codec.ts';
import type { Horizon, ScenarioParams } from './url-codec.ts';

export interface ScenarioActions {
  /** Total market size, USD; clamped to 0.5T..100T; NaN/Infinity ignored. */
  setMarketSize: (usd: number) => void;
  /** Market share (fraction), clamped to 1e-5..0.5 and 4 significant digits; null follows the base case. */
  setShare: (fraction: number | null) => void;
  /**
   * One capture ratio, clamped to 0..3 (4 decimals). Keeps `bear <= base <= moon` by pushing the
   * neighbours: raising bear above base raises base (and moon if needed) to the same value.
   */
  setCapture: (which: ScenarioCase, value: number) => void;
  /** All three captures at once (presets): clamped, then sorted into band order. */
  setCaptures: (captures: Captures) => void;
  /** Tiers (USD): clamped, deduplicated, at most 12, sorted. A list with no usable tier is ignored. */
  setTiers: (tiers: readonly number[]) => void;
  /** Adds a tier (USD); ignored when it is already there, not finite, or 12 tiers exist. */
  addTier: (usd: number) => void;
  /** Removes a tier (USD); the last tier is never removed. */
  removeTier: (usd: number) => void;
  setHorizon: (horizon: Horizon) => void;
  /** The target price (USD, within `LIMITS.targetPrice`), or null for none; anything else is ignored. */
  setTarget: (usd: number | null) => void;
  /** Back to `DEFAULT_SCENARIO` (with `captures` instead of the default ones when given); clears notices. */
  reset: (captures?: Captures) => void;
  /**
   * The token's own captures (its evidence, or the defaults): a link without captures uses them, and
   * the URL leaves them out. Applied to the scenario unless the link set captures.
   */
  adoptOwnCaptures: (own: Captures) => void;
  /** Replaces the scenario with the one in `search` (a query string); its notices replace the old ones. */
  loadFromSearch: (search: string) => void;
  /** Clears the notices (the user has read them). */
  dismissNotices: () => void;
}

export type ScenarioState = ScenarioParams & {
  /** Sentences telling what a link held that could not be used as given. */
  readonly notices: readonly string[];
  /** The token's own captures (see `adoptOwnCaptures`); null until the token is known. */
  readonly ownCaptures: Captures | null;
  /** Whether the link that opened the view set captures (then they stay, whatever the token's own). */
  readonly capturesInLink: boolean;
};

export type ScenarioStore = ScenarioState & ScenarioActions;

const NO_NOTICES: readonly string[] = Object.freeze([]);

/** `captures` with `which` set to `value` and the neighbours pushed to keep band order. */
function pushCaptures(captures: Captures, which: ScenarioCase, value: number): Captures {
  const at = CASES.indexOf(which);
  const next: Record<ScenarioCase, number> = { ...captures, [which]: value };
  CASES.forEach((k, i) => {
    if (i < at) next[k] = Math.min(next[k], value);
    if (i > at) next[k] = Math.max(next[k], value);
  });
  return next;
}

/** The scenario store. Read it through the hooks below (atomic values) or `useShallow`. */
export const useScenarioStore = create<ScenarioStore>()((set, get) => ({
  ...DEFAULT_SCENARIO,
  notices: NO_NOTICES,
  ownCaptures: null,
  capturesInLink: false,

  setMarketSize: (usd) => {
    const marketSize = clampMarketSize(usd);
    if (marketSize !== null) set({ marketSize });
  },
  setShare: (fraction) => {
    if (fraction === null) set({ share: null });
    else {
      const share = clampShare(fraction);
      if (share !== null) set({ share });
    }
  },
  setCapture: (which, value) => {
    const v = clampCapture(value);
    if (v !== null) set({ captures: pushCaptures(get().captures, which, v) });
  },
  setCaptures: (captures) => set({ captures: clampCaptures(captures, get().captures) }),
  setTiers: (tiers) => {
    const tidy = tidyTiers(tiers);
    if (tidy.length > 0) set({ tiers: tidy });
  },
  addTier: (usd) => {
    const tier = clampTier(usd);
    const { tiers } = get();
    if (tier === null || tiers.length >= MAX_TIERS || tiers.includes(tier)) return;
    set({ tiers: tidyTiers([...tiers, tier]) });
  },
  removeTier: (usd) => {
    const { tiers } = get();
    if (tiers.length <= 1 || !tiers.includes(usd)) return;
    set({ tiers: tiers.filter((t) => t !== usd) });
  },
  setHorizon: (horizon) => {
    if (horizon === 'circ' || horizon === 'max') set({ horizon });
  },
  setTarget: (usd) => {
    if (usd === null || (usd >= LIMITS.targetPrice.min && usd <= LIMITS.targetPrice.max)) set({ target: usd });
  },
  // The target is the user's question, not part of the scenario's assumptions: a reset keeps it.
  reset: (captures) =>
    set({
      ...DEFAULT_SCENARIO,
      target: get().target,
      captures: captures === undefined ? DEFAULT_SCENARIO.captures : clampCaptures(captures, DEFAULT_SCENARIO.captures),
      notices: NO_NOTICES,
    }),
  adoptOwnCaptures: (own) => {
    const ownCaptures = clampCaptures(own, DEFAULT_SCENARIO.captures);
    set(get().capturesInLink ? { ownCaptures } : { ownCaptures, captures: ownCaptures });
  },
  loadFromSearch: (search) => {
    const { params, notices, capturesInLink } = parseScenarioSearch(search);
    set({ ...params, notices: notices.length === 0 ? NO_NOTICES : notices, ownCaptures: null, capturesInLink });
  },
  dismissNotices: () => set({ notices: NO_NOTICES }),
}));

/** The scenario part of a state (no notices, no actions). */
export function selectScenarioParams(state: ScenarioParams): ScenarioParams {
  const { marketSize, share, captures, tiers, horizon, target } = state;
  return { marketSize, share, captures, tiers, horizon, target };
}

// Atomic selectors: each returns a value already held in the state, so a render never loops.
export const useMarketSize = (): number => useScenarioStore((s) => s.marketSize);
export const useShare = (): number | null => useScenarioStore((s) => s.share);
export const useCaptures = (): Captures => useScenarioStore((s) => s.captures);
export const useTiers = (): readonly number[] => useScenarioStore((s) => s.tiers);
export const useHorizon = (): Horizon => useScenarioStore((s) => s.horizon);
export const useTarget = (): number | null => useScenarioStore((s) => s.target);
export const useScenarioNotices = (): readonly string[] => useScenarioStore((s) => s.notices);
/** The whole scenario as one object; `useShallow` keeps it stable while no field changes. */
export const useScenarioParams = (): ScenarioParams => useScenarioStore(useShallow(selectScenarioParams));
/** The scenario for views that follow it once the keys pause (`useSettledStore`): the answers, the target's answer. */
export const SETTLED_SCENARIO = {
  subscribe: useScenarioStore.subscribe,
  read: () => selectScenarioParams(useScenarioStore.getState()),
  equal: shallow,
};

/**
 * The actions: functions made once with the store, so they are picked once here. Not a subscription:
 * a selector per caller would be run and compared field by field on every slider step.
 */
const SCENARIO_ACTIONS: ScenarioActions = (() => {
  const s = useScenarioStore.getState();
  return {
    setMarketSize: s.setMarketSize,
    setShare: s.setShare,
    setCapture: s.setCapture,
    setCaptures: s.setCaptures,
    setTiers: s.setTiers,
    addTier: s.addTier,
    removeTier: s.removeTier,
    setHorizon: s.setHorizon,
    setTarget: s.setTarget,
    reset: s.reset,
    adoptOwnCaptures: s.adoptOwnCaptures,
    loadFromSearch: s.loadFromSearch,
    dismissNotices: s.dismissNotices,
  };
})();

/** The scenario's actions (the same object on every call). */
export const useScenarioActions = (): ScenarioActions => SCENARIO_ACTIONS;

/**
 * The query string for `state` on top of `currentSearch` (other keys such as `source` kept):
 * `''` or `'?...'`. See `serializeScenarioSearch`.
 */
export function scenarioSearchFor(state: ScenarioState, currentSearch: string): string {
  // Before the token's own captures are known, the link keeps whatever captures it was given.
  const own = state.ownCaptures ?? (state.capturesInLink ? null : DEFAULT_SCENARIO.captures);
  return serializeScenarioSearch(selectScenarioParams(state), currentSearch, own);
}

/** The detail view's address: `/token/:id` with the scenario's keys (see `scenarioSearchFor`). */
const SCENARIO_URL: UrlSync = {
  path: /^\/token\/[^/]+\/?$/,
  // A change of notices alone changes nothing in the link.
  subscribe: (changed) =>
    useScenarioStore.subscribe((state, prev) => {
      if (!sameScenario(state, prev)) changed();
    }),
  search: (currentSearch) => scenarioSearchFor(useScenarioStore.getState(), currentSearch),
};

/**
 * Keeps the address of `/token/:id` in step with the store (`syncUrl`). Call
 * `loadFromSearch(location.search)` first, so the link is read, validated and clamped before it is
 * ever written. Returns the stop function.
 */
export function syncScenarioToUrl(): () => void {
  return syncUrl(SCENARIO_URL);
}

/** The address of the detail view with the store's scenario, whether or not the URL has caught up yet. */
export function scenarioHref(): string {
  return syncedHref(SCENARIO_URL);
}

/** Whether two states hold the same scenario (notices and actions aside). */
export function sameScenario(a: ScenarioParams, b: ScenarioParams): boolean {
  return (
    a.marketSize === b.marketSize &&
    a.share === b.share &&
    a.tiers === b.tiers &&
    a.horizon === b.horizon &&
    a.target === b.target &&
    CASES.every((k) => a.captures[k] === b.captures[k])
  );
}
