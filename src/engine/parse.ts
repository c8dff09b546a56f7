// What the detail view's boxes read (share, target price) and the typed share check; `/` reads
// market sizes (labels.ts).
import { EngineInputError } from './errors.ts';
import { tierLabel } from './labels.ts';
import { LIMITS } from './limits.ts';

/**
 * Reads the number a person typed as a market share, without a range check: "0.5%" -> 0.005,
 * "2 %" -> 0.02; a bare number is a percent ("0.5" -> 0.005). Returns a fraction >= 0 (Infinity when too large).
 * @throws EngineInputError (field `share`) when it is not a number.
 */
export function readShare(text: string, field = 'share'): number {
  const cleaned = text.trim().replace(/[\s,]/g, '').replace(/%$/, '');
  if (!/^(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(cleaned)) {
    throw new EngineInputError(field, `"${text}" is not a share such as 0.5%`, text);
  }
  return Number(cleaned) / 100;
}

/**
 * Reads a market share typed by a person (see `readShare`). The result is a fraction in (0, 1].
 * @throws EngineInputError (field `share`), naming the range for a value outside it.
 */
export function parseShare(text: string, field = 'share'): number {
  const value = readShare(text, field);
  if (!(value > 0) || value > 1) {
    throw new EngineInputError(field, `"${text}" must be above 0% and at most 100%`, text);
  }
  return value;
}

/**
 * Reads a price typed by a person: "$1.53", "0.00001234", "1,234.5", "2.5e-7".
 * @throws EngineInputError (field `targetPrice`).
 */
export function parsePrice(text: string, field = 'targetPrice'): number {
  const cleaned = text.trim().replace(/^\$/, '').replace(/[\s,]/g, '').replace(/usd$/i, '');
  if (!/^(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(cleaned)) {
    throw new EngineInputError(field, `"${text}" is not a price such as 2.50`, text);
  }
  const value = Number(cleaned);
  if (value < LIMITS.targetPrice.min || value > LIMITS.targetPrice.max) {
    throw new EngineInputError(
      field,
      `"${text}" is outside the prices the model takes (between $${LIMITS.targetPrice.min} and $${tierLabel(LIMITS.targetPrice.max)})`,
      text,
    );
  }
  return value;
}
