/**
 * Reads an amount of tokens typed or pasted by a person: "1500", "1,500", "1 500", "1.5k", "2.5M", "3B",
 * "2e6". Pure: no engine, no DOM.
 */

/** The largest amount accepted (the engine's own limit for one holding). */
export const MAX_AMOUNT = 1e24;

const SUFFIX: Readonly<Record<string, number>> = { k: 1e3, m: 1e6, mn: 1e6, b: 1e9, bn: 1e9, t: 1e12 };

/** What `parseAmount` read: the number of tokens, or a message naming what is allowed and what was typed. */
export type AmountResult = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly error: string };

const ALLOWED = 'use a number such as 1500, 1,500, 1.5k or 2e6';

/** The text as the user typed it, shortened and without control characters, to quote in a message. */
function quote(text: string): string {
  const clean = text.replace(/[\p{Cc}\p{Cf}]/gu, ' ').trim();
  return `"${clean.length > 30 ? `${clean.slice(0, 29)}…` : clean}"`;
}

/**
 * Parses an amount (tokens, >= 0). Commas and spaces group thousands (`1,500`, `1 500`: groups of three
 * digits only, so a decimal comma such as `1,5` is refused rather than misread); `k`, `M`, `B`, `T`
 * multiply (case-insensitive); an exponent (`2e6`) is read as written. Refused, with a message: empty
 * text, a negative amount, anything that is not a number, and amounts over `MAX_AMOUNT`.
 */
export function parseAmount(text: string): AmountResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: `An amount is needed: ${ALLOWED}.` };
  const compact = trimmed.replace(/[\s\u00a0\u202f_]/g, '');
  if (/^[-−]/.test(compact)) return { ok: false, error: `An amount cannot be negative (${quote(text)}): ${ALLOWED}.` };
  const match = /^\+?(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?(e[+-]?\d+)?([a-z]*)$/i.exec(compact);
  if (!match || (match[1] === undefined && match[2] === undefined)) {
    return { ok: false, error: `${quote(text)} is not an amount: ${ALLOWED}.` };
  }
  const unit = (match[4] ?? '').toLowerCase();
  const multiplier = unit === '' ? 1 : SUFFIX[unit];
  if (multiplier === undefined) return { ok: false, error: `${quote(text)} has an unknown unit "${unit}": use k, M, B or T.` };
  const value = Number(`${(match[1] ?? '0').replaceAll(',', '')}${match[2] ?? ''}${match[3] ?? ''}`) * multiplier;
  if (!Number.isFinite(value) || value > MAX_AMOUNT) return { ok: false, error: `${quote(text)} is more than the largest amount taken (1e24).` };
  return { ok: true, value };
}

const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 8 });

/** An amount as a person would type it back: "1,500", "0.25", "2e+30" stays readable as "2e30". */
export function formatAmount(value: number): string {
  if (!Number.isFinite(value)) return '';
  if (value !== 0 && (value >= 1e21 || value < 1e-8)) return value.toExponential().replace('e+', 'e');
  return plain.format(value);
}
