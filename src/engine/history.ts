/**
 * History analogues: the capture ratio a token actually showed against the total market, measured
 * over rolling windows of daily market caps, and the bear/base/moon captures those windows suggest.
 */
import { CAPTURE_RANGE } from './defaults.ts';
import type { Captures } from './scenario.ts';

/** One observation: `[time in ms since the epoch, market cap in USD]`. */
export type CapPoint = readonly [number, number];

const DAY_MS = 86_400_000;
/** A window needs this share of its days present (the daily reports have gaps where a job failed). */
const MIN_COVERAGE = 0.75;
/** Skip a window whose market moved less than this, root mean square, from its first day (1%). */
const MIN_MARKET_MOVE = 0.01;
/** Fewer usable windows than this is too little history to call a spread of captures. */
export const MIN_WINDOWS = 4;

/** What the rolling windows gave. */
export interface CaptureSamples {
  /** One fitted capture ratio per usable window, clamped to `CAPTURE_RANGE` (0..3), oldest window first. */
  readonly samples: number[];
  /** How many windows gave a sample (`samples.length`). */
  readonly windows: number;
  /** Days (UTC) on which both series have a value. */
  readonly days: number;
  /** First day of the oldest usable window, ms (00:00 UTC); without a window, the overlap's first day; 0 without overlap. */
  readonly from: number;
  /** Last day of the newest usable window, ms (00:00 UTC); without a window, the overlap's last day; 0 without overlap. */
  readonly to: number;
  /** The window length and step used (whole days). */
  readonly windowDays: number;
  readonly stepDays: number;
}

/** A whole number of days, at least `min`; `fallback` for NaN or an infinity. */
function wholeDays(n: number, min: number, fallback: number): number {
  return Number.isFinite(n) ? Math.max(min, Math.floor(n)) : fallback;
}

/**
 * One value per UTC day: day number (`floor(ms / 86,400,000)`) -> value. When a day has several
 * points the earliest wins (a 365-day CoinGecko chart ends with a "now" point after that day's
 * 00:00 one). Points without a finite time and a finite value > 0 are skipped.
 */
export function valuesByDay(points: readonly CapPoint[]): Map<number, number> {
  const seen = new Map<number, [number, number]>();
  for (const [t, v] of points) {
    if (!Number.isFinite(t) || !Number.isFinite(v) || v <= 0) continue;
    const day = Math.floor(t / DAY_MS);
    const prev = seen.get(day);
    if (prev === undefined || t < prev[0]) seen.set(day, [t, v]);
  }
  return new Map([...seen].map(([day, [, v]]) => [day, v]));
}

/** What `anchoredFit` gives: the fitted capture and how much the market moved. */
export interface AnchoredFit {
  /** `sum(x * y) / sum(x * x)`, unclamped (negative when the token moved against the market). */
  readonly capture: number;
  /** `sum(x * x)`: the market's squared moves from the first day, summed (dimensionless). */
  readonly sxx: number;
}

/**
 * Least-squares capture ratio through the origin, anchored at the first value: `y = C_t / C_0 - 1`
 * on `x = M_t / M_0 - 1` for every later index `t` (the model's own equation with today = index 0).
 * The two arrays are aligned by index (same days); a missing value counts as no move.
 * @param token the token's market caps, USD, first value > 0
 * @param market the total market caps, USD, first value > 0
 * @returns null when either array is empty, the market never moved (`sxx = 0`) or the sums overflow.
 */
export function anchoredFit(token: readonly number[], market: readonly number[]): AnchoredFit | null {
  const c0 = token[0];
  const m0 = market[0];
  if (c0 === undefined || m0 === undefined) return null;
  let sxy = 0;
  let sxx = 0;
  for (let i = 1; i < market.length; i++) {
    const x = (market[i] ?? m0) / m0 - 1;
    const y = (token[i] ?? c0) / c0 - 1;
    sxy += x * y;
    sxx += x * x;
  }
  const capture = sxy / sxx;
  if (!Number.isFinite(sxx) || !Number.isFinite(sxy) || !(sxx > 0) || !Number.isFinite(capture)) return null;
  return { capture, sxx };
}

/**
 * The capture of one rolling window: `anchoredFit` clamped to `CAPTURE_RANGE`. Null when the market
 * barely moved (under 1% RMS) or the numbers overflow.
 */
function windowCapture(token: readonly number[], market: readonly number[]): number | null {
  const fit = anchoredFit(token, market);
  if (fit === null || fit.sxx < market.length * MIN_MARKET_MOVE ** 2) return null;
  return Math.min(CAPTURE_RANGE.max, Math.max(CAPTURE_RANGE.min, fit.capture));
}

/**
 * The capture ratio a token showed in each rolling window of its history against the total market.
 *
 * Both series are reduced to one value per UTC day (the earliest point of the day) and aligned on
 * the days they share. Windows span `windowDays` calendar days and end on the last shared day,
 * then every `stepDays` before it, as long as the window starts on or after the first shared day;
 * a window needs three quarters of its days present. In each, beta is fitted by least squares
 * through the origin of `C_t / C_start - 1` on `M_t / M_start - 1` (the model's own equation,
 * anchored at the window's first day), skipping windows where the market moved under 1% RMS, and
 * clamped to `CAPTURE_RANGE` (0..3).
 * @param token the token's market caps, `[ms, USD]`, any order; bad points are ignored
 * @param market the total crypto market caps, `[ms, USD]`, any order; bad points are ignored
 * @param windowDays days per window, 90 by default (floored; at least 2)
 * @param stepDays days between window ends, 7 by default (floored; at least 1)
 */
export function captureSamples(token: readonly CapPoint[], market: readonly CapPoint[], windowDays = 90, stepDays = 7): CaptureSamples {
  const span = wholeDays(windowDays, 2, 90);
  const step = wholeDays(stepDays, 1, 7);
  const tokenDays = valuesByDay(token);
  const marketDays = valuesByDay(market);
  const days = [...tokenDays.keys()].filter((d) => marketDays.has(d)).sort((a, b) => a - b);
  const first = days[0];
  const last = days.at(-1);
  if (first === undefined || last === undefined) return { samples: [], windows: 0, days: 0, from: 0, to: 0, windowDays: span, stepDays: step };

  const samples: number[] = [];
  let from = first;
  let to = last;
  let hi = days.length;
  for (let end = last; end - span + 1 >= first; end -= step) {
    const start = end - span + 1;
    while (hi > 0 && (days[hi - 1] ?? 0) > end) hi--;
    let lo = hi;
    while (lo > 0 && (days[lo - 1] ?? 0) >= start) lo--;
    const inWindow = days.slice(lo, hi);
    if (inWindow.length < Math.ceil(span * MIN_COVERAGE)) continue;
    const beta = windowCapture(
      inWindow.map((d) => tokenDays.get(d) ?? 0),
      inWindow.map((d) => marketDays.get(d) ?? 0),
    );
    if (beta === null) continue;
    if (samples.length === 0) to = inWindow.at(-1) ?? last;
    from = inWindow[0] ?? first;
    samples.push(beta);
  }
  samples.reverse();
  return { samples, windows: samples.length, days: days.length, from: from * DAY_MS, to: to * DAY_MS, windowDays: span, stepDays: step };
}

/**
 * The `p` quantile (0..1) of `values` by linear interpolation between the order statistics
 * (the usual "type 7" definition: `p = 0.5` of `[1, 2, 3, 4]` is 2.5).
 * @returns NaN for an empty list.
 */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  const a = sorted[lo] ?? Number.NaN;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] ?? a;
  return a + (h - lo) * (b - a);
}

/** History captures that could be measured, with the windows they come from (as `CaptureSamples` tells them). */
export interface HistoryCapturesFound extends Omit<CaptureSamples, 'samples'> {
  readonly tooShort?: false;
  /** bear = 25th, base = 50th, moon = 75th percentile of the window samples; ordered, each in 0..3. */
  readonly captures: Captures;
}

/** Too little history: fewer shared days than `needed`, or fewer usable windows than `neededWindows`. */
export interface HistoryTooShort {
  readonly tooShort: true;
  /** Days both series share. */
  readonly days: number;
  /** `windowDays + 3 * stepDays`: the days four windows need. */
  readonly needed: number;
  /** Usable windows found. */
  readonly windows: number;
  readonly neededWindows: number;
  /** Days per window asked for. */
  readonly windowDays: number;
}

export type HistoryCaptures = HistoryCapturesFound | HistoryTooShort;

/**
 * Bear/base/moon captures from history: the 25th, 50th and 75th percentiles of `captureSamples`.
 * Too short when the series share fewer than `windowDays + 3 * stepDays` days or give fewer
 * than 4 usable windows (a flat market, gaps): then nothing is guessed.
 * @param token the token's market caps, `[ms, USD]`
 * @param market the total crypto market caps, `[ms, USD]`
 * @param windowDays days per window, 90 by default
 * @param stepDays days between windows, 7 by default
 */
export function historyCaptures(token: readonly CapPoint[], market: readonly CapPoint[], windowDays = 90, stepDays = 7): HistoryCaptures {
  const s = captureSamples(token, market, windowDays, stepDays);
  const needed = s.windowDays + 3 * s.stepDays;
  if (s.days < needed || s.windows < MIN_WINDOWS) {
    return { tooShort: true, days: s.days, needed, windows: s.windows, neededWindows: MIN_WINDOWS, windowDays: s.windowDays };
  }
  const { samples, ...windows } = s;
  const bear = percentile(samples, 0.25);
  const base = Math.max(bear, percentile(samples, 0.5));
  const moon = Math.max(base, percentile(samples, 0.75));
  return { captures: { bear, base, moon }, ...windows };
}
