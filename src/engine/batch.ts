import { EngineInputError } from './errors.ts';
import { LIMITS } from './limits.ts';
import { checkCapture, checkMarketSize, checkNumber, checkToken, type TokenInput } from './validate.ts';

/** `needs` for a token that no market size takes to the target (`requiredMarketSize` returns null). */
export const BEYOND_REACH = -1;

/**
 * Many tokens, checked once, laid out in typed arrays for the screener's hot loop.
 * `valid[i]` is 0 for a token the engine refused (its outputs are then 0 and must not be shown).
 */
export interface TokenBatch {
  readonly size: number;
  /** Today's price, USD. */
  readonly price: Float64Array;
  /** `C0 = price * circulating supply`, USD. */
  readonly marketCap: Float64Array;
  /** Supply at the horizon, tokens. */
  readonly horizonSupply: Float64Array;
  /** 1 for a token the engine accepted, 0 for one it refused. */
  readonly valid: Uint8Array;
  /** Today's total market, USD (one for the whole batch). */
  readonly totalMarketCap: number;
}

/**
 * Checks every token once and packs them. `totalMarketCap` overrides each token's own (a batch shares
 * one market). A refused token is kept in place with `valid = 0`, so indexes match the input.
 * @throws EngineInputError (field `totalMarketCap`) when the shared market is invalid.
 */
export function tokenBatch(tokens: readonly Omit<TokenInput, 'totalMarketCap'>[], totalMarketCap: number): TokenBatch {
  const m0 = checkMarketSize('totalMarketCap', totalMarketCap);
  const n = tokens.length;
  const batch = {
    size: n,
    price: new Float64Array(n),
    marketCap: new Float64Array(n),
    horizonSupply: new Float64Array(n),
    valid: new Uint8Array(n),
    totalMarketCap: m0,
  };
  tokens.forEach((token, i) => {
    try {
      const t = checkToken({ ...token, totalMarketCap: m0 });
      batch.price[i] = t.p0;
      batch.marketCap[i] = t.c0;
      batch.horizonSupply[i] = t.horizonSupply;
      batch.valid[i] = 1;
    } catch (error) {
      if (!(error instanceof EngineInputError)) throw error;
    }
  });
  return batch;
}

/** The screener's columns for every token of a batch, in the batch's order. */
export interface BatchResult {
  /** Price at the chosen market size, USD (>= 0). */
  readonly price: Float64Array;
  /** `price / today's price`. */
  readonly multiple: Float64Array;
  /**
   * Total market size (USD) the case needs for the target multiple: 0 when any size reaches it,
   * `BEYOND_REACH` (-1) when none does (as `requiredMarketSize` returning null).
   */
  readonly needs: Float64Array;
}

/**
 * One case over a whole batch: the price and multiple at `marketSize`, and the market size that
 * `targetMultiple` x today's price needs. The same numbers as `scenarioTable` and `requiredMarketSize`
 * token by token, without an object per token. Pass `out` to reuse arrays across slider moves.
 * @param capture one capture for every token, or one per token (in the batch's order: each token's own)
 * @throws EngineInputError for an invalid capture (`capture` or `capture[i]`), market size or target multiple,
 *   or a per-token list whose length is not the batch's.
 */
export function screenBatch(
  batch: TokenBatch,
  capture: number | ArrayLike<number>,
  marketSize: number,
  targetMultiple: number,
  out?: BatchResult,
): BatchResult {
  const betas = capturesPerToken(batch.size, capture);
  const m = checkMarketSize('marketSize', marketSize);
  const x = checkNumber('targetMultiple', targetMultiple, { min: 1e-6, max: 1e9 });
  const n = batch.size;
  const result = out && out.price.length === n ? out : { price: new Float64Array(n), multiple: new Float64Array(n), needs: new Float64Array(n) };
  const marketGrowth = m / batch.totalMarketCap;
  const maxMarket = LIMITS.marketSize.max;
  for (let i = 0; i < n; i++) {
    if (batch.valid[i] === 0) {
      result.price[i] = 0;
      result.multiple[i] = 0;
      result.needs[i] = BEYOND_REACH;
      continue;
    }
    const beta = betas[i] ?? 0;
    const growth = 1 - beta + beta * marketGrowth;
    const p0 = batch.price[i] ?? 0;
    const c0 = batch.marketCap[i] ?? 0;
    const sh = batch.horizonSupply[i] ?? 1;
    const price = Math.max(0, c0 * growth) / sh;
    result.price[i] = price;
    result.multiple[i] = price / p0;
    // The target as a multiple of today's market cap: T * Sh / C0 with T = x * p0.
    const ratio = (x * p0 * sh) / c0;
    let needs: number;
    if (beta === 0) needs = ratio <= 1 ? 0 : BEYOND_REACH;
    else {
      const required = batch.totalMarketCap * (1 + (ratio - 1) / beta);
      needs = !Number.isFinite(required) || required > maxMarket ? BEYOND_REACH : Math.max(0, required);
    }
    result.needs[i] = needs;
  }
  return result;
}

/** One checked capture per token: `capture` repeated, or the list checked entry by entry. */
function capturesPerToken(n: number, capture: number | ArrayLike<number>): Float64Array {
  if (typeof capture === 'number') return new Float64Array(n).fill(checkCapture('capture', capture));
  if (capture.length !== n) throw new EngineInputError('capture', `must hold one capture per token (${n})`, capture.length);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = checkCapture(`capture[${i}]`, capture[i]);
  return out;
}
