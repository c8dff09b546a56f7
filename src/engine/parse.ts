// What the detail view's boxes read (share, target price); `/` reads only market sizes (labels.ts),
// so these stay out of its script.
import { EngineInputError } from './errors.ts';
import { LIMITS } from './limits.ts';

/**
 * Reads a market share typed by a person: "0.5%" -> 0.005, "2 %" -> 0.02; a bare number is a percent
 * ("0.5" -> 0.005). The result is a fraction in (0, 1].
 * @throws EngineInputError (field `share`).
 */
export function parseShare(text: string, field = 'share'): number {
  const cleaned = text.trim().replace(/[\s,]/g, '').replace(/%$/, '');
  if (!/^(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(cleaned)) {
    throw new EngineInputError(field, `"${text}" is not a share such as 0.5%`, text);
  }
  const value = Number(cleaned) / 100;
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
    throw new EngineInputError(field, `"${text}" is outside the prices the model takes`, text);
  }
  return value;
}
