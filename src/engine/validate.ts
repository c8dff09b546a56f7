import { EngineInputError } from './errors.ts';
import { LIMITS } from './limits.ts';
import { ratio, tokens, usd, type Ratio, type Tokens, type Usd } from './units.ts';

/** The token as the engine's formulas use it, every field checked. */
export interface CheckedToken {
  readonly p0: Usd;
  readonly supply: Tokens;
  readonly c0: Usd;
  readonly m0: Usd;
  readonly horizonSupply: Tokens;
}

/** Plain-number input for one token. */
export interface TokenInput {
  /** Today's price, USD. */
  readonly price: number;
  /** Circulating supply, tokens. */
  readonly circulatingSupply: number;
  /** Today's total crypto market cap, USD. */
  readonly totalMarketCap: number;
  /** Supply at the horizon (defaults to the circulating supply; max supply gives the diluted view). */
  readonly horizonSupply?: number | undefined;
}

interface Range {
  readonly min: number;
  readonly max: number;
}

/** Refuses anything that is not a finite number inside `range`; `exclusiveMin` refuses the minimum itself. */
export function checkNumber(field: string, value: unknown, range: Range, exclusiveMin = false): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new EngineInputError(field, 'must be a finite number', value);
  }
  if (exclusiveMin ? value <= range.min : value < range.min) {
    throw new EngineInputError(field, `must be ${exclusiveMin ? 'above' : 'at least'} ${range.min}`, value);
  }
  if (value > range.max) {
    throw new EngineInputError(field, `must be at most ${range.max}`, value);
  }
  return value;
}

/** Checks one token's inputs; `Sh < S` is refused (the horizon supply cannot shrink). */
export function checkToken(token: TokenInput): CheckedToken {
  if (token === null || typeof token !== 'object') {
    throw new EngineInputError('token', 'must be an object', token);
  }
  const p0 = checkNumber('price', token.price, LIMITS.price);
  const supply = checkNumber('circulatingSupply', token.circulatingSupply, LIMITS.supply);
  const m0 = checkNumber('totalMarketCap', token.totalMarketCap, LIMITS.marketSize);
  let horizonSupply = supply;
  if (token.horizonSupply !== undefined) {
    horizonSupply = checkNumber('horizonSupply', token.horizonSupply, LIMITS.supply);
    if (horizonSupply < supply) {
      throw new EngineInputError('horizonSupply', 'must not be below the circulating supply', token.horizonSupply);
    }
  }
  return {
    p0: usd(p0),
    supply: tokens(supply),
    c0: usd(p0 * supply),
    m0: usd(m0),
    horizonSupply: tokens(horizonSupply),
  };
}

/** A total crypto market size in USD. */
export function checkMarketSize(field: string, value: unknown): Usd {
  return usd(checkNumber(field, value, LIMITS.marketSize));
}

/** A capture ratio beta (0 means the token gains nothing from market growth). */
export function checkCapture(field: string, value: unknown): Ratio {
  return ratio(checkNumber(field, value, LIMITS.capture));
}

/** A list of tiers (market sizes in USD): at least one, at most `LIMITS.tiers.max`. */
export function checkTiers(tiers: readonly number[]): Usd[] {
  if (!Array.isArray(tiers) || tiers.length === 0) {
    throw new EngineInputError('tiers', 'must be a non-empty list of market sizes', tiers);
  }
  if (tiers.length > LIMITS.tiers.max) {
    throw new EngineInputError('tiers', `must hold at most ${LIMITS.tiers.max} market sizes`, tiers.length);
  }
  return tiers.map((tier, i) => checkMarketSize(`tiers[${i}]`, tier));
}
