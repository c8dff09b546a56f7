/**
 * The one set of rules that keeps scenario state valid. The URL codec and every store setter go
 * through these, so a value set by a slider and the same value read back from a link are equal.
 */
import { CAPTURE_RANGE, CASES, LIMITS, MARKET_SIZE_RANGE, SHARE_RANGE } from '../engine/index.ts';
import type { Captures } from '../engine/index.ts';

/** How many tiers a scenario may hold (the table stays readable; the engine allows more). */
export const MAX_TIERS = 12;

function clampInto(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/**
 * A total market size in USD clamped into `MARKET_SIZE_RANGE` (0.5T..100T), not rounded.
 * Returns null for NaN or ±Infinity: the caller keeps the value it had.
 */
export function clampMarketSize(usd: number): number | null {
  if (!Number.isFinite(usd)) return null;
  return clampInto(usd, MARKET_SIZE_RANGE.min, MARKET_SIZE_RANGE.max);
}

/**
 * A market share (fraction) clamped into `SHARE_RANGE` (1e-5..0.5) and rounded to 4 significant
 * digits, the precision the URL carries. Returns null for NaN or ±Infinity.
 */
export function clampShare(fraction: number): number | null {
  if (!Number.isFinite(fraction)) return null;
  // The bounds have at most 4 significant digits, so rounding never leaves the range.
  return Number(clampInto(fraction, SHARE_RANGE.min, SHARE_RANGE.max).toPrecision(4));
}

/**
 * A capture ratio clamped into `CAPTURE_RANGE` (0..3) and rounded to 4 decimals, the precision
 * the URL carries. Returns null for NaN or ±Infinity.
 */
export function clampCapture(ratio: number): number | null {
  if (!Number.isFinite(ratio)) return null;
  // k / 1e4 is the double nearest the 4-decimal value, so it prints back as that short decimal.
  // `+ 0` turns a -0 (from Math.round of a tiny negative) into 0.
  return Math.round(clampInto(ratio, CAPTURE_RANGE.min, CAPTURE_RANGE.max) * 1e4) / 1e4 + 0;
}

/**
 * One tier (USD) clamped into `LIMITS.marketSize` (1..1e18), the sizes the engine takes.
 * Returns null for NaN or ±Infinity.
 */
export function clampTier(usd: number): number | null {
  if (!Number.isFinite(usd)) return null;
  return clampInto(usd, LIMITS.marketSize.min, LIMITS.marketSize.max);
}

/**
 * Tiers made valid: each clamped (non-finite ones dropped), duplicates dropped, the first
 * `MAX_TIERS` kept, sorted ascending. May return an empty list: the caller decides what then.
 */
export function tidyTiers(tiers: readonly number[]): number[] {
  const unique = new Set<number>();
  for (const tier of tiers) {
    const clamped = clampTier(tier);
    if (clamped !== null) unique.add(clamped);
  }
  return [...unique].slice(0, MAX_TIERS).sort((a, b) => a - b);
}

/** True when `bear <= base <= moon`. */
export function capturesOrdered(c: Captures): boolean {
  return c.bear <= c.base && c.base <= c.moon;
}

/** The three captures sorted so that `bear <= base <= moon` (values kept, cases reassigned). */
export function orderCaptures(c: Captures): Captures {
  if (capturesOrdered(c)) return c;
  const [bear = 0, base = 0, moon = 0] = CASES.map((k) => c[k]).sort((a, b) => a - b);
  return { bear, base, moon };
}

/**
 * Captures made valid: each clamped and rounded (a non-finite one falls back to `fallback`'s
 * value for that case), then sorted into band order.
 */
export function clampCaptures(captures: Captures, fallback: Captures): Captures {
  const pick = (k: keyof Captures): number => clampCapture(captures[k]) ?? fallback[k];
  return orderCaptures({ bear: pick('bear'), base: pick('base'), moon: pick('moon') });
}
