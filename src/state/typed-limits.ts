/**
 * Typed values checked against the sliders' limits (`MARKET_SIZE_RANGE`, `SHARE_RANGE`, `CAPTURE_RANGE`),
 * so a box and its slider take the same values. A value outside the range is moved into it and the
 * message says so, naming the range and the value used; a tier outside it is refused, naming the range.
 * Pure: no React, no DOM.
 */
import { CAPTURE_RANGE, EngineInputError, MARKET_SIZE_RANGE, SHARE_RANGE, readMarketSize, readShare, tierLabel } from '../engine/index.ts';
import { clampCapture, clampMarketSize, clampShare } from './clamp.ts';

/** A typed value read: the value to use and, when it was moved into range, a sentence saying so. */
export type Typed = { readonly ok: true; readonly value: number; readonly message: string | null } | { readonly ok: false; readonly message: string };

/** A typed value quoted in a message: trimmed, at most 24 characters. */
function quoted(text: string): string {
  const t = text.trim();
  return t.length > 24 ? `${t.slice(0, 23)}…` : t;
}

function unread(error: unknown): Typed {
  return { ok: false, message: error instanceof EngineInputError ? `${error.message.replace(/^[\w.[\]]+: /, '')}.` : 'That value could not be read.' };
}

interface Range {
  /** What the value is, for a message: "market size". */
  readonly noun: string;
  readonly min: number;
  readonly max: number;
  readonly show: (value: number) => string;
  /** The value moved into the range and rounded as the store keeps it; null when it cannot be (NaN). */
  readonly clamp: (value: number) => number | null;
}

function within(text: string, n: number, range: Range): Typed {
  const value = range.clamp(Number.isFinite(n) ? n : range.max);
  if (value === null) return { ok: false, message: `"${quoted(text)}" could not be read.` };
  if (n > range.max) {
    return {
      ok: true,
      value,
      message: `${quoted(text)} is above the largest ${range.noun} the model takes (${range.show(range.max)}); showing ${range.show(value)}.`,
    };
  }
  if (n < range.min) {
    return {
      ok: true,
      value,
      message: `${quoted(text)} is below the smallest ${range.noun} the model takes (${range.show(range.min)}); showing ${range.show(value)}.`,
    };
  }
  return { ok: true, value, message: null };
}

const MARKET: Range = { noun: 'market size', ...MARKET_SIZE_RANGE, show: tierLabel, clamp: clampMarketSize };

/** "0.48%", "0.001%", "50%": three significant digits. */
export function percentText(fraction: number): string {
  return `${Number((fraction * 100).toPrecision(3))}%`;
}

const SHARE: Range = { noun: 'market share', ...SHARE_RANGE, show: percentText, clamp: clampShare };
const CAPTURE: Range = { noun: 'capture', ...CAPTURE_RANGE, show: String, clamp: clampCapture };

/** A total market size typed into the screener's or the detail view's box ("16T", "999999T"), against the slider's 0.5T..100T. */
export function typedMarketSize(text: string): Typed {
  try {
    return within(text, readMarketSize(text), MARKET);
  } catch (error) {
    return unread(error);
  }
}

/** A market share typed into the detail view's box ("0.5%", "100%"), against the slider's 0.001%..50%. */
export function typedShare(text: string): Typed {
  try {
    return within(text, readShare(text), SHARE);
  } catch (error) {
    return unread(error);
  }
}

/** A capture ratio typed as a number ("0.75"), against the sliders' 0..3. */
export function typedCapture(text: string): Typed {
  const t = text.trim();
  if (!/^(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(t))
    return { ok: false, message: `"${quoted(text)}" is not a capture such as 0.75 (from 0 to ${CAPTURE_RANGE.max}).` };
  return within(text, Number(t), CAPTURE);
}

/**
 * A tier typed into "Add tier" ("12T"): a market size within the slider's range, not already a tier.
 * A value outside the range is refused (a tier is a row of its own, not a position to move), naming the range.
 */
export function typedTier(text: string, tiers: readonly number[]): Typed {
  let n: number;
  try {
    n = readMarketSize(text, 'tier');
  } catch (error) {
    return unread(error);
  }
  if (!(n >= MARKET_SIZE_RANGE.min && n <= MARKET_SIZE_RANGE.max)) {
    const range = `${tierLabel(MARKET_SIZE_RANGE.min)} to ${tierLabel(MARKET_SIZE_RANGE.max)}`;
    return { ok: false, message: `${quoted(text)} is outside the market sizes the model takes (${range}); no tier added.` };
  }
  if (tiers.includes(n)) return { ok: false, message: `${tierLabel(n)} is already a tier.` };
  return { ok: true, value: n, message: null };
}
