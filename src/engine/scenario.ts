import { EngineInputError } from './errors.ts';
import { checkCapture, checkMarketSize, checkTiers, checkToken, type CheckedToken, type TokenInput } from './validate.ts';

/** The three cases of every scenario, in band order. */
export const CASES = ['bear', 'base', 'moon'] as const;
export type ScenarioCase = (typeof CASES)[number];

/** Each case's name as the app shows it ("Bear"). */
export const CASE_LABEL: Readonly<Record<ScenarioCase, string>> = { bear: 'Bear', base: 'Base', moon: 'Moon' };

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
