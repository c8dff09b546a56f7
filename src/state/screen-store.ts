import { create } from 'zustand';
import { CAPTURE_MODES, type CaptureMode } from '../data/captures.ts';
import type { Horizon } from '../data/engine-input.ts';
import { MARKET_SIZE_RANGE, type ScenarioCase } from '../engine/index.ts';
import { clampMarketSize } from './clamp.ts';
import { readUsd, usdForUrl } from './usd-url.ts';

/** The scenario bar of the token browser: one market size, one case, one target multiple for every token. */
export interface ScreenParams {
  /** Total market size, USD. */
  readonly marketSize: number;
  readonly scenarioCase: ScenarioCase;
  /** Target multiple of today's price (2 = 2x). */
  readonly targetMultiple: number;
  /** Whose captures: each token's own evidence (the default), the defaults for all, or Token Metrics' where published. */
  readonly captureMode: CaptureMode;
  /** The supply at the horizon: circulating (the default) or maximum (fully diluted). */
  readonly horizon: Horizon;
  /** Only tokens at or above this multiple (0 = no filter). */
  readonly minMultiple: number;
  readonly watchOnly: boolean;
}

export const DEFAULT_SCREEN: ScreenParams = Object.freeze({
  marketSize: 16e12,
  scenarioCase: 'base',
  targetMultiple: 5,
  captureMode: 'token',
  horizon: 'circ',
  minMultiple: 0,
  watchOnly: false,
});

/** Target multiples offered by name; any other typed value between these bounds is taken too. */
export const TARGET_CHOICES = [2, 5, 10, 100] as const;
const TARGET_RANGE = { min: 1.01, max: 1e6 } as const;
const CASES: readonly ScenarioCase[] = ['bear', 'base', 'moon'];
const WATCH_KEY = 'capbands.watchlist.v1';
const MAX_WATCH = 200;

function clampTarget(x: number): number | null {
  return Number.isFinite(x) && x > 0 ? Math.min(TARGET_RANGE.max, Math.max(TARGET_RANGE.min, x)) : null;
}

/** Reads "5", "5x", "10X" as a target multiple; null when it is not one. */
export function parseMultiple(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*x?\s*$/i.exec(text);
  return m ? clampTarget(Number(m[1])) : null;
}

/** Ids as kept in a watchlist: CoinGecko-style, lower case, unique, at most 200. */
export function cleanIds(ids: readonly unknown[]): string[] {
  const out = new Set<string>();
  for (const id of ids) {
    if (typeof id === 'string' && /^[a-z0-9][a-z0-9._-]{0,99}$/.test(id)) out.add(id);
    if (out.size >= MAX_WATCH) break;
  }
  return [...out];
}

function loadWatchlist(): string[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(WATCH_KEY) ?? '[]');
    return Array.isArray(parsed) ? cleanIds(parsed) : [];
  } catch {
    return [];
  }
}

function saveWatchlist(ids: readonly string[]): void {
  try {
    window.localStorage.setItem(WATCH_KEY, JSON.stringify(ids));
  } catch {
    // Storage full or disabled: the watchlist still holds for this page.
  }
}

/**
 * The scenario bar's URL keys on `/`: `m` (USD or "16T"), `case`, `x` (target multiple), `min`,
 * `cap=same|tm` (whose captures; an older link's `tm=1` reads as `cap=tm`), `h=max` (fully diluted),
 * `watch=a,b` (a shared watchlist: the view is filtered to it). Garbage is ignored.
 */
export function parseScreenSearch(search: string): { params: ScreenParams; watch: string[] | null } {
  const q = new URLSearchParams(search);
  let marketSize = DEFAULT_SCREEN.marketSize;
  const m = q.get('m');
  if (m !== null) {
    const value = m.length <= 64 ? readUsd(m) : null;
    marketSize = (value !== null ? clampMarketSize(value) : null) ?? marketSize;
  }
  const c = q.get('case');
  const x = parseMultiple(q.get('x') ?? '');
  const min = Number(q.get('min'));
  const cap = q.get('cap') ?? (q.get('tm') === '1' ? 'tm' : null);
  const watchParam = q.get('watch');
  const watch = watchParam === null ? null : cleanIds(watchParam.split(','));
  return {
    params: {
      marketSize,
      scenarioCase: CASES.find((k) => k === c) ?? DEFAULT_SCREEN.scenarioCase,
      targetMultiple: x ?? DEFAULT_SCREEN.targetMultiple,
      captureMode: CAPTURE_MODES.find((k) => k === cap) ?? DEFAULT_SCREEN.captureMode,
      horizon: q.get('h') === 'max' ? 'max' : 'circ',
      minMultiple: Number.isFinite(min) && min > 0 ? Math.min(min, 1e6) : 0,
      watchOnly: watch !== null && watch.length > 0,
    },
    watch,
  };
}

/** The scenario bar as URL keys (defaults left out), keeping other keys such as `source`. */
export function serializeScreenSearch(p: ScreenParams, watch: readonly string[] | null, base = ''): string {
  const q = new URLSearchParams(base);
  for (const key of ['m', 'case', 'x', 'min', 'cap', 'tm', 'h', 'watch']) q.delete(key);
  if (p.marketSize !== DEFAULT_SCREEN.marketSize) q.set('m', usdForUrl(p.marketSize));
  if (p.scenarioCase !== DEFAULT_SCREEN.scenarioCase) q.set('case', p.scenarioCase);
  if (p.targetMultiple !== DEFAULT_SCREEN.targetMultiple) q.set('x', String(p.targetMultiple));
  if (p.minMultiple > 0) q.set('min', String(p.minMultiple));
  if (p.captureMode !== DEFAULT_SCREEN.captureMode) q.set('cap', p.captureMode);
  if (p.horizon !== DEFAULT_SCREEN.horizon) q.set('h', p.horizon);
  if (p.watchOnly && watch && watch.length > 0) q.set('watch', watch.join(','));
  const text = q.toString().replace(/%2C/g, ',');
  return text ? `?${text}` : '';
}

interface ScreenState extends ScreenParams {
  /** Starred token ids, kept on this device. */
  readonly watchlist: readonly string[];
}

interface ScreenActions {
  setMarketSize(usd: number): void;
  setCase(c: ScenarioCase): void;
  /** Returns an error message for a value that is not a multiple. */
  setTarget(text: string): string | null;
  setMinMultiple(x: number): void;
  setCaptureMode(mode: CaptureMode): void;
  setHorizon(horizon: Horizon): void;
  setWatchOnly(on: boolean): void;
  toggleWatch(id: string): void;
  /** Applies a URL's scenario bar; a `watch=` list is added to this device's watchlist. */
  loadFromSearch(search: string): void;
}

export const useScreenStore = create<ScreenState & ScreenActions>()((set, get) => ({
  ...DEFAULT_SCREEN,
  watchlist: typeof window === 'undefined' ? [] : loadWatchlist(),
  setMarketSize: (usd) => {
    const m = clampMarketSize(usd);
    if (m !== null) set({ marketSize: Math.min(MARKET_SIZE_RANGE.max, Math.max(MARKET_SIZE_RANGE.min, m)) });
  },
  setCase: (scenarioCase) => set({ scenarioCase }),
  setTarget: (text) => {
    const x = parseMultiple(text);
    if (x === null) return `"${text.slice(0, 20)}" is not a multiple such as 5x.`;
    set({ targetMultiple: x });
    return null;
  },
  setMinMultiple: (x) => set({ minMultiple: Number.isFinite(x) && x > 0 ? x : 0 }),
  setCaptureMode: (captureMode) => set({ captureMode }),
  setHorizon: (horizon) => set({ horizon }),
  setWatchOnly: (watchOnly) => set({ watchOnly }),
  toggleWatch: (id) => {
    const list = get().watchlist;
    const next = list.includes(id) ? list.filter((x) => x !== id) : cleanIds([...list, id]);
    saveWatchlist(next);
    set({ watchlist: next });
  },
  loadFromSearch: (search) => {
    const { params, watch } = parseScreenSearch(search);
    const watchlist = watch && watch.length > 0 ? cleanIds([...get().watchlist, ...watch]) : get().watchlist;
    if (watchlist !== get().watchlist) saveWatchlist(watchlist);
    set({ ...params, watchlist });
  },
}));
