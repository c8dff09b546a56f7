import { EngineInputError } from './errors.ts';
import { LIMITS } from './limits.ts';

const UNITS = [
  { suffix: 'Q', value: 1e15 },
  { suffix: 'T', value: 1e12 },
  { suffix: 'B', value: 1e9 },
  { suffix: 'M', value: 1e6 },
  { suffix: 'K', value: 1e3 },
] as const;

/** Three significant digits without trailing zeros: 23.25 -> "23.3", 8 -> "8", 100 -> "100". */
function threeDigits(n: number): string {
  return String(Number(n.toPrecision(3)));
}

/**
 * A short label for a market size in USD, three significant digits at most:
 * 8e12 -> "8T", 23.25e12 -> "23.3T", 7.75e12 -> "7.75T", 5e11 -> "500B". No currency sign.
 * Returns "" for a value that is not a finite number >= 0 (a label is never NaN).
 */
export function tierLabel(usd: number): string {
  if (!Number.isFinite(usd) || usd < 0) return '';
  for (const { suffix, value } of UNITS) {
    // Compare after rounding so 999.9B reads "1T", not "1000B".
    if (Number((usd / value).toPrecision(3)) >= 1) return `${threeDigits(usd / value)}${suffix}`;
  }
  return threeDigits(usd);
}

/** The units a market size may be written in ("16T", "$16 trillion"), in USD; pasted tables read the same. */
export const MARKET_UNITS: Readonly<Record<string, number>> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  t: 1e12,
  tn: 1e12,
  trillion: 1e12,
  q: 1e15,
  quadrillion: 1e15,
};

/**
 * Reads the number a person typed as a market size, without a range check: "16T", "$16 trillion",
 * "12.5t", "500B", "1.6e13", "16,000,000,000,000". A bare number below one million is read as
 * trillions ("16" -> 16T), which is what a person typing into a market-size box means.
 * Returns a finite number >= 0, or Infinity for a number too large for a double ("1e999").
 * @throws EngineInputError (field `marketSize`) naming what could not be read.
 */
export function readMarketSize(text: string, field = 'marketSize'): number {
  const cleaned = text
    .trim()
    .toLowerCase()
    .replace(/^\$/, '')
    .replace(/[,_\s]/g, '')
    .replace(/usd$/, '');
  const match = /^(\d+(?:\.\d*)?(?:e[+-]?\d+)?|\.\d+)([a-z]*)$/.exec(cleaned);
  if (!match) throw new EngineInputError(field, `"${text}" is not a market size such as 16T or 500B`, text);
  const n = Number(match[1]);
  const unit = match[2] ?? '';
  if (unit === '') return n < 1e6 ? n * 1e12 : n;
  const scale = MARKET_UNITS[unit];
  if (scale === undefined) throw new EngineInputError(field, `"${text}" has an unknown unit "${unit}" (use K, M, B, T)`, text);
  return n * scale;
}

/** The market sizes the engine takes, as words for a message: "$1 to $1000Q". */
const MARKET_LIMITS_TEXT = `$${tierLabel(LIMITS.marketSize.min)} to $${tierLabel(LIMITS.marketSize.max)}`;

/**
 * Reads a market size typed by a person (see `readMarketSize`) and checks it against `LIMITS.marketSize`.
 * @throws EngineInputError (field `marketSize`) naming what could not be read, or the range it falls outside.
 */
export function parseMarketSize(text: string, field = 'marketSize'): number {
  const value = readMarketSize(text, field);
  if (!Number.isFinite(value) || value < LIMITS.marketSize.min || value > LIMITS.marketSize.max) {
    throw new EngineInputError(field, `"${text}" is outside the market sizes the model takes (${MARKET_LIMITS_TEXT})`, text);
  }
  return value;
}
