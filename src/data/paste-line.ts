/**
 * Reads one line of a pasted scenario table into what it holds: its market size (`8T`, `$8 trillion`,
 * `8,000B`), its prices (`$1,234.56`, `2.5e-7`), markers of an unpublished cell (`-`, `n/a`) and the case
 * words beside them (`bear`, `bull`), in the engine's units and limits. The table reading is `paste-table.ts`.
 */
import { LIMITS, MARKET_UNITS } from '../engine/index.ts';

export type CaseName = 'bear' | 'base' | 'moon';

/** Words that name a case next to a price, in prose and headers. */
export const LABEL: Readonly<Record<string, CaseName>> = { bear: 'bear', bearish: 'bear', base: 'base', moon: 'moon', bull: 'moon', bullish: 'moon' };

// A number with an optional $ and minus, thousands groups, decimals, an exponent, and a unit, % or x after it.
const NUMBER =
  /(?<![\w.])(-)?(?:\$\s?)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?(?:e[+-]?\d+)?|\.\d+)(?:(%|x)|\s?(trillion|billion|million|thousand|tn|bn|mn|[tbmk]))?(?!\w)/gi;
// A marker of an unpublished cell, standing alone between spaces or separators.
const NULL_MARK = /(?<=^|[\s|,;:(])(?:n\/a|na|null|none|-|–|—)(?=$|[\s|,;:)])/gi;

/** A word (case words are looked up in `LABEL`). */
export const WORD = /[a-z]+/gi;

export interface Value {
  readonly start: number;
  readonly end: number;
  /** A price in USD, or null for a marked unpublished cell. */
  readonly price: number | null;
}

export interface LineTokens {
  /** The first market size on the line, with its text for messages. */
  readonly tier: { readonly value: number; readonly text: string } | null;
  readonly values: Value[];
  readonly labels: Array<{ readonly start: number; readonly c: CaseName }>;
}

/** Splits one line into market sizes, prices, unpublished markers and case words; a string on error. */
export function lineTokens(line: string): LineTokens | string {
  let tier: LineTokens['tier'] = null;
  const values: Value[] = [];
  for (const m of line.matchAll(NUMBER)) {
    const [text, minus, digits = '', ignored, unit] = m;
    if (ignored !== undefined) continue; // shares and multiples ("+137%", "3.2x") are not prices
    const n = Number(digits.replaceAll(',', '')) * (unit === undefined ? 1 : (MARKET_UNITS[unit.toLowerCase()] ?? Number.NaN));
    const start = m.index;
    const label = text.replace(/^-?\$?\s?/, '').trim();
    const isSize = unit !== undefined && (tier === null || (MARKET_UNITS[unit.toLowerCase()] ?? 0) >= 1e9);
    if (isSize) {
      if (!Number.isFinite(n) || n < LIMITS.marketSize.min || n > LIMITS.marketSize.max) return `${label} is not a market size the model takes`;
      if (tier === null) tier = { value: n, text: label };
      else if (tier.value !== n) return `found two market sizes (${tier.text} and ${label}); put one tier per line`;
      continue;
    }
    if (minus !== undefined) return `-${label} is negative; prices must be above 0`;
    if (!(n > 0) || n > LIMITS.targetPrice.max) return `${label} is not a price above 0`;
    values.push({ start, end: start + text.length, price: n });
  }
  for (const m of line.matchAll(NULL_MARK)) values.push({ start: m.index, end: m.index + m[0].length, price: null });
  values.sort((a, b) => a.start - b.start);
  const labels: LineTokens['labels'] = [];
  for (const m of line.matchAll(WORD)) {
    const c = LABEL[m[0].toLowerCase()];
    if (c !== undefined) labels.push({ start: m.index, c });
  }
  return { tier, values, labels };
}
