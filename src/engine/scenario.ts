import { EngineInputError } from './errors.ts';
import { LIMITS } from './limits.ts';
import { checkCapture, checkMarketSize, checkNumber, checkTiers, checkToken, type CheckedToken, type TokenInput } from './validate.ts';

/** The three cases of every scenario, in band order. */
export const CASES = ['bear', 'base', 'moon'] as const;
export type ScenarioCase = (typeof CASES)[number];

/** One capture ratio per case. */
export type Captures = Readonly<Record<ScenarioCase, number>>;

/** One cell of the scenario table. */
export interface ScenarioCell {
  /** Token price at this market size, USD (never negative). */
  readonly price: number;
  /** Token market cap at this market size, USD (never negative). */
  readonly marketCap: number;
  /** The token's share of the total market at this size, 0..1 or more if the inputs say so. */
  readonly share: number;
  /** `price / today's price`. */
  readonly multiple: number;
}

/** One row of the scenario table: a tier and its three cases. */
export interface ScenarioRow extends Readonly<Record<ScenarioCase, ScenarioCell>> {
  /** The total market size of this row, USD. */
  readonly tier: number;
}

/** Checks the three capture ratios; each must be in `LIMITS.capture`. Their order is the UI's concern. */
export function checkCaptures(captures: Captures): Captures {
  if (captures === null || typeof captures !== 'object') {
    throw new EngineInputError('captures', 'must be an object with bear, base and moon', captures);
  }
  return {
    bear: checkCapture('captures.bear', captures.bear),
    base: checkCapture('captures.base', captures.base),
    moon: checkCapture('captures.moon', captures.moon),
  };
}

/**
 * Token market cap at total market size `m`: `C0 * (1 + beta * (m / M0 - 1))`, floored at 0
 * (only a capture above 1 in a market smaller than today's can push it below 0).
 * Computed as `C0 * ((1 - beta) + beta * m / M0)`, the same value without the cancellation
 * that `m / M0 - 1` suffers for a market far below today's. Inputs are already checked.
 */
export function marketCapAt(token: CheckedToken, capture: number, m: number): number {
  return Math.max(0, token.c0 * (1 - capture + capture * (m / token.m0)));
}

function cellAt(token: CheckedToken, capture: number, m: number): ScenarioCell {
  const marketCap = marketCapAt(token, capture, m);
  const price = marketCap / token.horizonSupply;
  return { price, marketCap, share: marketCap / m, multiple: price / token.p0 };
}

/**
 * The scenario table: for each tier (a total market size in USD) the bear, base and moon cell.
 * Rows keep the order of `tiers`.
 * @throws EngineInputError naming the bad field (`price`, `captures.base`, `tiers[1]`, ...).
 */
export function scenarioTable(token: TokenInput, captures: Captures, tiers: readonly number[]): ScenarioRow[] {
  const t = checkToken(token);
  const c = checkCaptures(captures);
  return checkTiers(tiers).map((tier) => ({
    tier,
    bear: cellAt(t, c.bear, tier),
    base: cellAt(t, c.base, tier),
    moon: cellAt(t, c.moon, tier),
  }));
}

/**
 * One case at one market size (the same cell `scenarioTable` would give).
 * @throws EngineInputError
 */
export function scenarioCell(token: TokenInput, capture: number, marketSize: number): ScenarioCell {
  const t = checkToken(token);
  return cellAt(t, checkCapture('capture', capture), checkMarketSize('marketSize', marketSize));
}

/**
 * The user's own point: price when the token holds `share` (0..1) of a total market of `marketSize` USD.
 * `P* = marketSize * share / Sh`.
 * @throws EngineInputError
 */
export function customPrice(token: TokenInput, marketSize: number, share: number): number {
  const t = checkToken(token);
  const m = checkMarketSize('marketSize', marketSize);
  const s = checkNumber('share', share, LIMITS.share);
  return (m * s) / t.horizonSupply;
}

/**
 * The share of the total market a case gives the token at `marketSize`: `C_c(M) / M`.
 * The share slider starts here (the base case at the chosen size).
 * @throws EngineInputError
 */
export function caseShare(token: TokenInput, capture: number, marketSize: number): number {
  return scenarioCell(token, capture, marketSize).share;
}

/**
 * The total market size (USD) at which a case reaches `targetPrice`:
 * `M = M0 * (1 + (T * Sh / C0 - 1) / beta)`.
 * - `null` when no market size reaches it: `beta = 0` with the target above the case's flat price,
 *   or the answer is past `LIMITS.marketSize.max`.
 * - `0` when every market size reaches it (the target is at or below what the case gives near an empty market).
 * - A value at or below today's total market means the target is already within reach.
 * @throws EngineInputError
 */
export function requiredMarketSize(token: TokenInput, capture: number, targetPrice: number): number | null {
  const t = checkToken(token);
  const beta = checkCapture('capture', capture);
  const target = checkNumber('targetPrice', targetPrice, LIMITS.targetPrice);
  const ratioToToday = (target * t.horizonSupply) / t.c0;
  if (beta === 0) return ratioToToday <= 1 ? 0 : null;
  const m = t.m0 * (1 + (ratioToToday - 1) / beta);
  if (!Number.isFinite(m) || m > LIMITS.marketSize.max) return null;
  return Math.max(0, m);
}

/**
 * The total market size (USD) at which a fixed `share` (0..1] of the market gives `targetPrice`:
 * `M = T * Sh / s`; `null` past `LIMITS.marketSize.max` or for a zero share.
 * @throws EngineInputError
 */
export function requiredMarketSizeAtShare(token: TokenInput, share: number, targetPrice: number): number | null {
  const t = checkToken(token);
  const s = checkNumber('share', share, LIMITS.share);
  const target = checkNumber('targetPrice', targetPrice, LIMITS.targetPrice);
  if (s === 0) return null;
  const m = (target * t.horizonSupply) / s;
  return Number.isFinite(m) && m <= LIMITS.marketSize.max ? m : null;
}
