import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CAPTURES, DEFAULT_TIERS } from '../../src/engine/index.ts';
import {
  scenarioSearchFor,
  scenarioHref,
  syncScenarioToUrl,
  useCaptures,
  useMarketSize,
  useScenarioActions,
  useScenarioParams,
  useScenarioStore,
} from '../../src/state/scenario-store.ts';
import { DEFAULT_SCENARIO } from '../../src/state/url-codec.ts';
import { URL_WRITE_DELAY_MS } from '../../src/lib/url-sync.ts';

const T = 1e12;
const store = useScenarioStore;
const actions = () => store.getState();

beforeEach(() => {
  store.setState(store.getInitialState(), true);
});

describe('scenario store', () => {
  it('starts at the default scenario with no notices', () => {
    const { marketSize, share, captures, tiers, horizon, target, notices } = actions();
    expect({ marketSize, share, captures, tiers, horizon, target }).toEqual(DEFAULT_SCENARIO);
    expect(notices).toEqual([]);
  });

  it('keeps a target price within the model’s prices, ignores anything else, and keeps it through a reset', () => {
    actions().setTarget(2.5);
    expect(actions().target).toBe(2.5);
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, 1e16]) {
      actions().setTarget(bad);
      expect(actions().target).toBe(2.5);
    }
    actions().setMarketSize(20 * T);
    actions().reset();
    expect(actions().marketSize).toBe(DEFAULT_SCENARIO.marketSize);
    expect(actions().target).toBe(2.5);
    actions().setTarget(null);
    expect(actions().target).toBeNull();
    actions().loadFromSearch('?t=0.75');
    expect(actions().target).toBe(0.75);
    expect(scenarioSearchFor(actions(), '')).toBe('?t=0.75');
  });

  it('clamps the market size and ignores non-finite values', () => {
    actions().setMarketSize(20 * T);
    expect(actions().marketSize).toBe(20 * T);
    actions().setMarketSize(1e15);
    expect(actions().marketSize).toBe(100 * T);
    actions().setMarketSize(-3);
    expect(actions().marketSize).toBe(0.5 * T);
    actions().setMarketSize(Number.NaN);
    actions().setMarketSize(Number.POSITIVE_INFINITY);
    expect(actions().marketSize).toBe(0.5 * T);
  });

  it('clamps and rounds the share; null follows the base case', () => {
    actions().setShare(0.00481234);
    expect(actions().share).toBe(0.004812);
    actions().setShare(2);
    expect(actions().share).toBe(0.5);
    actions().setShare(0);
    expect(actions().share).toBe(1e-5);
    actions().setShare(Number.NaN);
    expect(actions().share).toBe(1e-5);
    actions().setShare(null);
    expect(actions().share).toBeNull();
  });

  it.each([
    ['bear', 0.9, { bear: 0.9, base: 0.9, moon: 1 }],
    ['bear', 2, { bear: 2, base: 2, moon: 2 }],
    ['moon', 0.1, { bear: 0.1, base: 0.1, moon: 0.1 }],
    ['moon', 0.6, { bear: 0.5, base: 0.6, moon: 0.6 }],
    ['base', 1.5, { bear: 0.5, base: 1.5, moon: 1.5 }],
    ['base', 0.2, { bear: 0.2, base: 0.2, moon: 1 }],
    ['base', 0.8, { bear: 0.5, base: 0.8, moon: 1 }],
    ['moon', 9, { bear: 0.5, base: 0.75, moon: 3 }],
    ['bear', -1, { bear: 0, base: 0.75, moon: 1 }],
    ['base', 0.123456, { bear: 0.1235, base: 0.1235, moon: 1 }],
    ['base', Number.NaN, DEFAULT_CAPTURES],
  ] as const)('setCapture(%s, %d) keeps band order by pushing neighbours', (which, value, expected) => {
    actions().setCapture(which, value);
    expect(actions().captures).toEqual(expected);
  });

  it('setCaptures clamps and sorts (presets)', () => {
    actions().setCaptures({ bear: 1.2, base: 0.3, moon: 7 });
    expect(actions().captures).toEqual({ bear: 0.3, base: 1.2, moon: 3 });
    actions().setCaptures({ bear: Number.NaN, base: 0.4, moon: 0.5 });
    expect(actions().captures).toEqual({ bear: 0.3, base: 0.4, moon: 0.5 });
  });

  it('setTiers tidies the list and ignores one with no usable tier', () => {
    actions().setTiers([31 * T, 8 * T, 8 * T, Number.NaN, 0]);
    expect(actions().tiers).toEqual([1, 8 * T, 31 * T]);
    actions().setTiers([Number.NaN]);
    expect(actions().tiers).toEqual([1, 8 * T, 31 * T]);
    actions().setTiers(Array.from({ length: 20 }, (_, i) => (20 - i) * T));
    expect(actions().tiers).toEqual(Array.from({ length: 12 }, (_, i) => (i + 9) * T));
  });

  it('addTier inserts in order, skips duplicates and stops at 12 tiers', () => {
    actions().addTier(12 * T);
    expect(actions().tiers).toEqual([8 * T, 12 * T, 16 * T, 23 * T, 31 * T]);
    actions().addTier(12 * T);
    actions().addTier(Number.NaN);
    expect(actions().tiers).toHaveLength(5);
    for (let i = 1; i <= 10; i++) actions().addTier(i * 100 * T);
    expect(actions().tiers).toHaveLength(12);
    expect(actions().tiers).not.toContain(800 * T);
    expect(actions().tiers.at(-1)).toBe(700 * T);
  });

  it('removeTier never leaves fewer than one tier', () => {
    for (const tier of DEFAULT_TIERS) actions().removeTier(tier);
    expect(actions().tiers).toEqual([31 * T]);
    actions().removeTier(5 * T);
    expect(actions().tiers).toEqual([31 * T]);
  });

  it('setHorizon switches between circ and max', () => {
    actions().setHorizon('max');
    expect(actions().horizon).toBe('max');
    actions().setHorizon('circ');
    expect(actions().horizon).toBe('circ');
  });

  it('reset goes back to the defaults, or to the given captures, and clears notices', () => {
    actions().loadFromSearch('?m=abc&h=max&tiers=1T');
    actions().setShare(0.01);
    actions().reset();
    const { notices, ...rest } = actions();
    expect(notices).toEqual([]);
    expect(rest).toMatchObject(DEFAULT_SCENARIO);
    actions().reset({ bear: 0.4, base: 0.3, moon: 0.9 });
    expect(actions().captures).toEqual({ bear: 0.3, base: 0.4, moon: 0.9 });
  });

  it('loadFromSearch reads a link with its notices; dismissNotices clears them', () => {
    actions().loadFromSearch('?m=20T&s=0.0048&moon=9&tiers=8T,16T&h=max');
    expect(actions()).toMatchObject({
      marketSize: 20 * T,
      share: 0.0048,
      captures: { bear: 0.5, base: 0.75, moon: 3 },
      tiers: [8 * T, 16 * T],
      horizon: 'max',
      notices: ['Moon capture 9 was above 3; using 3.'],
    });
    actions().dismissNotices();
    expect(actions().notices).toEqual([]);
    actions().loadFromSearch('');
    expect(actions()).toMatchObject({ ...DEFAULT_SCENARIO, notices: [] });
  });
});

describe('selector hooks', () => {
  it('re-render with the store and keep object picks stable between unrelated changes', () => {
    const { result } = renderHook(() => ({
      marketSize: useMarketSize(),
      captures: useCaptures(),
      params: useScenarioParams(),
      actions: useScenarioActions(),
    }));
    const firstParams = result.current.params;
    const firstActions = result.current.actions;
    act(() => actions().dismissNotices());
    expect(result.current.params).toBe(firstParams);
    act(() => result.current.actions.setMarketSize(20 * T));
    expect(result.current.marketSize).toBe(20 * T);
    expect(result.current.params.marketSize).toBe(20 * T);
    expect(result.current.actions).toBe(firstActions);
    act(() => result.current.actions.setCapture('moon', 2));
    expect(result.current.captures).toEqual({ bear: 0.5, base: 0.75, moon: 2 });
  });
});

describe('URL sync', () => {
  let stop: (() => void) | null = null;

  beforeEach(() => {
    vi.useFakeTimers();
    window.history.replaceState(null, '', '/token/cardano?source=snapshot#grades');
  });

  afterEach(() => {
    stop?.();
    stop = null;
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('scenarioSearchFor serializes the state over the current search', () => {
    expect(scenarioSearchFor({ ...useScenarioStore.getInitialState(), marketSize: 20 * T }, '?source=snapshot&m=3T')).toBe('?source=snapshot&m=20T');
  });

  it('writes replaceState once the changes pause, with the serialized state, keeping path, other keys and hash', () => {
    const replace = vi.spyOn(window.history, 'replaceState');
    const push = vi.spyOn(window.history, 'pushState');
    stop = syncScenarioToUrl();
    actions().setMarketSize(20 * T);
    vi.advanceTimersByTime(URL_WRITE_DELAY_MS - 50);
    actions().setMarketSize(21 * T);
    vi.advanceTimersByTime(URL_WRITE_DELAY_MS - 50);
    actions().setCapture('moon', 1.5);
    expect(replace).not.toHaveBeenCalled();
    // The link is up to date before the address bar is.
    expect(scenarioHref()).toBe(`${window.location.origin}/token/cardano?source=snapshot&m=21T&moon=1.5#grades`);
    vi.advanceTimersByTime(URL_WRITE_DELAY_MS);
    expect(replace).toHaveBeenCalledTimes(1);
    expect(replace).toHaveBeenLastCalledWith(null, '', '/token/cardano?source=snapshot&m=21T&moon=1.5#grades');
    expect(window.location.search).toBe('?source=snapshot&m=21T&moon=1.5');
    actions().setHorizon('max');
    vi.advanceTimersByTime(URL_WRITE_DELAY_MS);
    expect(replace).toHaveBeenCalledTimes(2);
    expect(window.location.search).toBe('?source=snapshot&m=21T&moon=1.5&h=max');
    expect(push).not.toHaveBeenCalled();
  });

  it('writes a pending change at once when the page is hidden', () => {
    stop = syncScenarioToUrl();
    actions().setMarketSize(40 * T);
    window.dispatchEvent(new Event('pagehide'));
    expect(new URLSearchParams(window.location.search).get('m')).toBe('40T');
  });

  it('rewrites a link it loaded in its clamped form, and skips changes of notices alone', () => {
    window.history.replaceState(null, '', '/token/cardano?m=abc&moon=9');
    const replace = vi.spyOn(window.history, 'replaceState');
    actions().loadFromSearch(window.location.search);
    stop = syncScenarioToUrl();
    // At once: the link shows in its clamped form as soon as the view has read it.
    expect(window.location.search).toBe('?bear=0.5&base=0.75&moon=3');
    actions().dismissNotices();
    vi.advanceTimersByTime(URL_WRITE_DELAY_MS);
    expect(replace).toHaveBeenCalledTimes(1);
  });

  it('leaves other paths alone and stops after unsubscribe', () => {
    window.history.replaceState(null, '', '/settings?tab=keys');
    const replace = vi.spyOn(window.history, 'replaceState');
    stop = syncScenarioToUrl();
    actions().setMarketSize(20 * T);
    vi.advanceTimersByTime(URL_WRITE_DELAY_MS);
    expect(replace).not.toHaveBeenCalled();
    expect(window.location.search).toBe('?tab=keys');

    window.history.replaceState(null, '', '/token/tron');
    replace.mockClear();
    stop();
    stop = null;
    actions().setMarketSize(30 * T);
    vi.advanceTimersByTime(URL_WRITE_DELAY_MS);
    expect(replace).not.toHaveBeenCalled();
  });

  it('cancels a pending write on unsubscribe', () => {
    const replace = vi.spyOn(window.history, 'replaceState');
    stop = syncScenarioToUrl();
    actions().setMarketSize(20 * T);
    stop();
    stop = null;
    vi.advanceTimersByTime(URL_WRITE_DELAY_MS);
    expect(replace).not.toHaveBeenCalled();
  });
});
