// The user's own point and the market size a target price needs: what the detail view's sentences
// and share slider ask. `/` prices every token in one pass (batch.ts), so these stay out of its script.
import { LIMITS } from './limits.ts';
import { scenarioCell } from './scenario.ts';
import { checkCapture, checkMarketSize, checkNumber, checkToken, type TokenInput } from './validate.ts';

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
