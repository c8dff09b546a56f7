import { parseMarketSize } from '../engine/index.ts';

/**
 * USD amounts in links, read and written the same way by every view (`m`, `tiers` on `/token/:id`,
 * `m` on `/`). Pure: no React, no DOM.
 */

/** A plain non-negative decimal ("16000000000000", "1.6e13", ".5"), or null. */
export function readNumber(text: string): number | null {
  // A `+` in a query string arrives as a space ("1e+13" -> "1e 13"): put it back.
  const t = text.trim().replace(/\s+/g, '+');
  return /^(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i.test(t) ? Number(t) : null;
}

/** USD: a plain number is dollars; "16T", "$500B", "16,000,000,000,000" go through `parseMarketSize`. */
export function readUsd(text: string): number | null {
  const cleaned = text.trim().replace(/^\$/, '').replace(/[,_]/g, '').replace(/usd$/i, '');
  const plain = readNumber(cleaned);
  if (plain !== null) return plain;
  try {
    return parseMarketSize(cleaned);
  } catch {
    return null;
  }
}

/** `1.6e+13` -> `1.6e13`: a `+` would read back as a space. */
function noPlus(text: string): string {
  return text.replace('e+', 'e');
}

const URL_UNITS = [
  ['Q', 1e15],
  ['T', 1e12],
  ['B', 1e9],
  ['M', 1e6],
  ['K', 1e3],
] as const;

/**
 * USD for a link: the shortest of "16T", "16000000000000" and "1.6e13" that reads back as exactly
 * `usd` (so 16e12 -> "16T", 7.75e12 -> "7.75T", 16123456789012.5 -> "16123456789012.5").
 * `usd` is a finite number >= 1 (a clamped market size or tier). A plain number in a link is
 * dollars ("5" -> $5), unlike the market-size text box, which reads a bare "5" as 5T.
 */
export function usdForUrl(usd: number): string {
  const exponent = noPlus(usd.toExponential());
  // Largest unit first and never "0.5T": a tie then reads like a tier label ("7.75T", "500B").
  const candidates = URL_UNITS.filter(([, unit]) => usd >= unit)
    .map(([suffix, unit]) => `${String(usd / unit)}${suffix}`)
    .filter((c) => !c.includes('e'));
  candidates.push(noPlus(String(usd)));
  let best: string | null = null;
  for (const c of candidates) if ((best === null || c.length < best.length) && readUsd(c) === usd) best = c;
  // The exponent form always reads back exactly; the others win a tie because they read better.
  return best !== null && best.length <= exponent.length ? best : exponent;
}
