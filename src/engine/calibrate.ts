import { EngineInputError } from './errors.ts';
import { LIMITS } from './limits.ts';
import { CASES, marketCapAt, type Captures, type ScenarioCase } from './scenario.ts';
import { checkNumber, checkTiers, checkToken, type TokenInput } from './validate.ts';

/** A published table: for each case, one price (USD) per tier, in the order of the tiers. */
export type PublishedTable = Readonly<Record<ScenarioCase, readonly number[]>>;

export interface Calibration {
  /** The fitted capture ratio per case, within `LIMITS.capture`. */
  readonly captures: Captures;
  /** The largest |model price - published price| over every cell, USD. */
  readonly maxResidual: number;
}

/**
 * Fits each case's capture ratio to a published table by least squares.
 * With `x = M / M0 - 1` and `y = P * Sh / C0 - 1` the model is `y = beta * x`, so
 * `beta = sum(x * y) / sum(x * x)`, clamped to `LIMITS.capture` (the clamped value is the constrained optimum).
 * @throws EngineInputError when a row has the wrong length, a price is not a finite number >= 0,
 *   or every tier equals today's market (then nothing can be fitted: field `tiers`).
 */
export function calibrate(token: TokenInput, tiers: readonly number[], published: PublishedTable): Calibration {
  const t = checkToken(token);
  const ms = checkTiers(tiers);
  if (published === null || typeof published !== 'object') {
    throw new EngineInputError('published', 'must hold bear, base and moon prices', published);
  }
  const xs = ms.map((m) => m / t.m0 - 1);
  const sxx = xs.reduce((sum, x) => sum + x * x, 0);
  if (!(sxx > 0)) {
    throw new EngineInputError('tiers', 'at least one tier must differ from today\'s total market', tiers);
  }
  const captures = { bear: 0, base: 0, moon: 0 };
  let maxResidual = 0;
  for (const c of CASES) {
    const row = published[c];
    if (!Array.isArray(row) || row.length !== ms.length) {
      throw new EngineInputError(`published.${c}`, `must hold one price per tier (${ms.length})`, row);
    }
    const prices = row.map((p, i) =>
      checkNumber(`published.${c}[${i}]`, p, { min: 0, max: LIMITS.targetPrice.max }),
    );
    const sxy = prices.reduce((sum, p, i) => sum + (xs[i] ?? 0) * ((p * t.horizonSupply) / t.c0 - 1), 0);
    const beta = Math.min(LIMITS.capture.max, Math.max(LIMITS.capture.min, sxy / sxx));
    captures[c] = beta;
    prices.forEach((p, i) => {
      const model = marketCapAt(t, beta, ms[i] ?? t.m0) / t.horizonSupply;
      maxResidual = Math.max(maxResidual, Math.abs(model - p));
    });
  }
  return { captures, maxResidual };
}
