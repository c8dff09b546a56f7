/**
 * Observed captures: the capture ratio each token showed across the big market moves between dated
 * cross-sections (and a daily history), pooled per token and shrunk toward the cross-section's
 * typical capture (Vasicek / Blume). See "Observed captures" in docs/scenario-model.md.
 */
import { CAPTURE_RANGE } from './defaults.ts';
import { anchoredFit, valuesByDay, type CapPoint } from './history.ts';

/** A market move counts as a window when the market grew at least 1.5x or shrank to at most 1/1.5 of itself. */
export const OBSERVED_MIN_MOVE = 1.5;

/** The weight Blume's classic adjustment gives one period's own estimate: 2/3 (and 1/3 to the prior). */
export const BLUME_WEIGHT = 2 / 3;

/** The quartiles of a normal: the bear and moon cases sit 0.674 sd either side of the base. */
const QUARTILE_Z = 0.674;
/** MAD -> standard deviation for a normal sample. */
const MAD_TO_SD = 1.4826;
/** The narrowest spread a token's cases may have, as multiples of its base (the default captures' 0.5 : 0.75 : 1). */
const MIN_SPREAD = { bear: 2 / 3, moon: 4 / 3 } as const;
const DAY_MS = 86_400_000;

/** One window a token was measured over. */
export interface CaptureWindow {
  /** First and last day, `YYYY-MM-DD`. */
  readonly from: string;
  readonly to: string;
  /** `M_to / M_from`: how many times over the market grew (below 1: it shrank). */
  readonly marketMove: number;
  /** The capture the token showed in this window, unclamped (negative when it fell as the market rose). */
  readonly capture: number;
}

/** A dated total market, USD. */
export interface DatedMarket {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  readonly total: number;
}

/** Whether a market move (`M_b / M_a`) is big enough to measure a capture over: `>= 1.5` or `<= 1/1.5`. */
export function marketMoveQualifies(marketMove: number): boolean {
  return Number.isFinite(marketMove) && marketMove > 0 && (marketMove >= OBSERVED_MIN_MOVE || marketMove <= 1 / OBSERVED_MIN_MOVE);
}

/**
 * Every pair of dates `a < b` whose market moved enough (`marketMoveQualifies`), earliest start first,
 * then earliest end. Markets without a finite total > 0 are skipped.
 * @param markets one total per date, any order
 */
export function marketWindows(markets: readonly DatedMarket[]): Array<{ from: string; to: string; marketMove: number }> {
  const sorted = markets.filter((m) => Number.isFinite(m.total) && m.total > 0).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const out: Array<{ from: string; to: string; marketMove: number }> = [];
  sorted.forEach((a, i) => {
    for (const b of sorted.slice(i + 1)) {
      const marketMove = b.total / a.total;
      if (b.date > a.date && marketMoveQualifies(marketMove)) out.push({ from: a.date, to: b.date, marketMove });
    }
  });
  return out;
}

/**
 * One window's capture from its two ends: `(C_b / C_a - 1) / (M_b / M_a - 1)`.
 * @param capFrom the token's market cap at the window's start, USD
 * @param capTo its market cap at the end, USD
 * @param marketMove `M_b / M_a`
 * @returns null when a market cap is not a finite number > 0 (a token absent at either end gives no
 *   observation) or the market did not move.
 */
export function crossSectionCapture(capFrom: number, capTo: number, marketMove: number): number | null {
  if (!(capFrom > 0) || !(capTo > 0) || !Number.isFinite(capFrom) || !Number.isFinite(capTo)) return null;
  const capture = (capTo / capFrom - 1) / (marketMove - 1);
  return Number.isFinite(capture) ? capture : null;
}

const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * The window a daily history gives: from the first to the last day both series share. Its capture is
 * the least-squares fit through the origin of `C_t / C_first - 1` on `M_t / M_first - 1` over every
 * shared day (the history module's `anchoredFit`); its `marketMove` is `M_last / M_first`.
 * @param token the token's market caps, `[ms, USD]` (one value per UTC day is kept: the earliest)
 * @param market the total market caps, `[ms, USD]`
 * @returns null when the series share fewer than 2 days, the market's end-to-end move does not
 *   qualify (`marketMoveQualifies`) or the fit fails.
 */
export function historyWindow(token: readonly CapPoint[], market: readonly CapPoint[]): CaptureWindow | null {
  const caps = valuesByDay(token);
  const totals = valuesByDay(market);
  const days = [...caps.keys()].filter((d) => totals.has(d)).sort((a, b) => a - b);
  const first = days[0];
  const last = days.at(-1);
  if (first === undefined || last === undefined || first === last) return null;
  const marketMove = (totals.get(last) ?? 0) / (totals.get(first) ?? 1);
  if (!marketMoveQualifies(marketMove)) return null;
  const fit = anchoredFit(
    days.map((d) => caps.get(d) ?? 0),
    days.map((d) => totals.get(d) ?? 0),
  );
  return fit === null ? null : { from: isoDay(first), to: isoDay(last), marketMove, capture: fit.capture };
}

/** A token's evidence pooled over its windows. */
export interface PooledCapture {
  /** The X-weighted mean of its periods' captures (unclamped). */
  readonly raw: number;
  /** `X`: the sum of its periods' weights (squared market moves, dimensionless). */
  readonly evidence: number;
  /** How many periods (distinct start days) the windows form. */
  readonly periods: number;
}

/**
 * Pools a token's windows. Windows that share a start day overlap and form one period: its capture is
 * `sum(x * y) / sum(x * x)` over them (`x = marketMove - 1`, `y = capture * x`, i.e. `C_b / C_a - 1`) and its
 * weight `X = max x^2`. The raw capture is the X-weighted mean of the periods' captures; the evidence the
 * sum of their X. (A history window starts on a day of its own, so it is a period of its own with
 * `X = x^2` of its end-to-end move.)
 * @returns null without a usable window (none, or only windows with a non-finite capture or no move).
 */
export function pooledCapture(windows: readonly CaptureWindow[]): PooledCapture | null {
  const byStart = new Map<string, { sxy: number; sxx: number; weight: number }>();
  for (const w of windows) {
    const x = w.marketMove - 1;
    if (!Number.isFinite(w.capture) || !Number.isFinite(x) || x === 0) continue;
    const p = byStart.get(w.from) ?? { sxy: 0, sxx: 0, weight: 0 };
    p.sxy += x * (w.capture * x);
    p.sxx += x * x;
    p.weight = Math.max(p.weight, x * x);
    byStart.set(w.from, p);
  }
  let sum = 0;
  let evidence = 0;
  for (const p of byStart.values()) {
    sum += p.weight * (p.sxy / p.sxx);
    evidence += p.weight;
  }
  const raw = sum / evidence;
  return evidence > 0 && Number.isFinite(raw) && Number.isFinite(evidence) ? { raw, evidence, periods: byStart.size } : null;
}

/** The cross-section's prior for a capture. */
export interface CapturePrior {
  /** `m`: the median raw capture. */
  readonly mean: number;
  /** `tau`: 1.4826 x the median absolute deviation from `m` (a robust standard deviation). */
  readonly spread: number;
}

const median = (values: readonly number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? Number.NaN) : ((s[mid - 1] ?? Number.NaN) + (s[mid] ?? Number.NaN)) / 2;
};

/**
 * The prior the raw captures are shrunk toward: their median and robust spread (1.4826 x MAD).
 * Non-finite values are ignored.
 * @returns NaN mean and spread for an empty list; spread 0 when at least half the values are equal.
 */
export function capturePrior(raws: readonly number[]): CapturePrior {
  const finite = raws.filter(Number.isFinite);
  const mean = median(finite);
  return { mean, spread: MAD_TO_SD * median(finite.map((r) => Math.abs(r - mean))) };
}

/**
 * `X0`, the evidence at which a token's own estimate and the prior weigh the same, chosen so that one
 * period with market move `marketMove` gets Blume's weight 2/3: `k = x^2 / (x^2 + X0) = 2/3`, so
 * `X0 = x^2 / 2` with `x = marketMove - 1`.
 */
export function priorEvidence(marketMove: number): number {
  const x = marketMove - 1;
  return (x * x * (1 - BLUME_WEIGHT)) / BLUME_WEIGHT;
}

/** A token's cases after shrinkage: each in `CAPTURE_RANGE` (0..3), `bear <= base <= moon`. */
export interface ShrunkCaptures {
  readonly bear: number;
  readonly base: number;
  readonly moon: number;
  /** `k = X / (X + X0)`: the weight of the token's own evidence, 0..1. */
  readonly weight: number;
  /** `tau * sqrt(1 - k)`: the posterior standard deviation, before clamping. */
  readonly sd: number;
}

const clampCapture = (v: number): number => Math.min(CAPTURE_RANGE.max, Math.max(CAPTURE_RANGE.min, v));

/**
 * Shrinks a pooled capture toward the prior: `k = X / (X + X0)`, `base = m + k (r - m)`,
 * `sd = tau sqrt(1 - k)`; `bear = min(base - 0.674 sd, base * 2/3)` and `moon = max(base + 0.674 sd, base * 4/3)`
 * (the quartiles, never narrower than the default captures' spread), each then clamped to
 * `CAPTURE_RANGE`. A NaN prior spread counts as 0; evidence <= 0 (or NaN) gives the prior itself.
 * Clamping is monotone, so the order survives it: a token that fell as the market rose gets 0s.
 * @param pooled the token's raw capture and evidence (`pooledCapture`)
 * @param prior the cross-section's median and spread (`capturePrior`), finite mean
 * @param x0 the prior's weight in evidence units (`priorEvidence`), > 0
 */
export function shrunkCaptures(pooled: Pick<PooledCapture, 'raw' | 'evidence'>, prior: CapturePrior, x0: number): ShrunkCaptures {
  const evidence = pooled.evidence > 0 && Number.isFinite(pooled.raw) ? pooled.evidence : 0;
  const weight = evidence === Number.POSITIVE_INFINITY ? 1 : evidence / (evidence + Math.max(0, x0)) || 0;
  const unshrunk = prior.mean + weight * ((Number.isFinite(pooled.raw) ? pooled.raw : prior.mean) - prior.mean);
  const sd = (Number.isFinite(prior.spread) ? Math.max(0, prior.spread) : 0) * Math.sqrt(1 - weight);
  const bear = Math.min(unshrunk - QUARTILE_Z * sd, unshrunk * MIN_SPREAD.bear);
  const moon = Math.max(unshrunk + QUARTILE_Z * sd, unshrunk * MIN_SPREAD.moon);
  return { bear: clampCapture(bear), base: clampCapture(unshrunk), moon: clampCapture(moon), weight, sd };
}

/** One token's observed captures, as the snapshot stores them (every number rounded to 4 decimals). */
export interface ObservedCaptureEntry {
  readonly bear: number;
  readonly base: number;
  readonly moon: number;
  /** The pooled raw capture before shrinkage (unclamped). */
  readonly raw: number;
  /** The weight of the token's own evidence, 0..1. */
  readonly weight: number;
  readonly windows: readonly CaptureWindow[];
}

/** Every token's observed captures and what they were shrunk toward. */
export interface ObservedCaptureSet {
  readonly prior: CapturePrior;
  /** `X0`. */
  readonly priorEvidence: number;
  /** Token id -> its captures, in the order of the input; tokens without evidence are left out. */
  readonly captures: Map<string, ObservedCaptureEntry>;
}

/** Rounded to 4 decimals, with -0 written as 0 (so equal facts serialize to equal bytes). */
export const round4 = (v: number): number => Math.round(v * 1e4) / 1e4 + 0;

/**
 * Observed captures for a set of tokens: each token's windows pooled (`pooledCapture`), the prior taken
 * from all the pooled raw captures (`capturePrior`), each shrunk toward it (`shrunkCaptures`) with
 * `X0 = priorEvidence(referenceMove)`. Every figure is rounded to 4 decimals after the cases are computed.
 * @param windowsByToken token id -> every window it was measured over; a token without a usable window
 *   gets no entry
 * @param referenceMove the market move one period of Blume's weight 2/3 has (e.g. 2023-05 -> 2024-11's)
 */
export function observedCaptureSet(windowsByToken: ReadonlyMap<string, readonly CaptureWindow[]>, referenceMove: number): ObservedCaptureSet {
  const pooled = new Map<string, PooledCapture>();
  for (const [id, windows] of windowsByToken) {
    const p = pooledCapture(windows);
    if (p !== null) pooled.set(id, p);
  }
  const prior = capturePrior([...pooled.values()].map((p) => p.raw));
  const x0 = priorEvidence(referenceMove);
  const captures = new Map<string, ObservedCaptureEntry>();
  for (const [id, p] of pooled) {
    const s = shrunkCaptures(p, prior, x0);
    const usable = (windowsByToken.get(id) ?? []).filter((w) => Number.isFinite(w.capture) && Number.isFinite(w.marketMove));
    captures.set(id, {
      bear: round4(s.bear),
      base: round4(s.base),
      moon: round4(s.moon),
      raw: round4(p.raw),
      weight: round4(s.weight),
      windows: usable.map((w) => ({ ...w, marketMove: round4(w.marketMove), capture: round4(w.capture) })),
    });
  }
  return { prior, priorEvidence: x0, captures };
}
