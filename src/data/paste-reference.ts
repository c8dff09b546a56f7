/**
 * Finds what a pasted analysis says about where its table started: the token's price and the total
 * crypto market on the day it was published ("current price $0.645", "total crypto market cap of 3.875T").
 * It only finds the text; reading it into numbers (and checking ranges) is the caller's.
 */

/** What `statedReference` found. */
export interface StatedReference {
  /** The price as written ("$0.645"), or null when the text does not state one. */
  readonly price: string | null;
  /** The total market as written ("3.875T", "$3,875 billion"), or null when the text does not state one. */
  readonly market: string | null;
  /**
   * The text with every statement found blanked out by spaces (lines and columns unchanged), so that a
   * table reader does not take "3.875T" for a tier or "$0.645" for a price.
   */
  readonly rest: string;
}

const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?(?:e[+-]?\d+)?|\.\d+)`;
/** A word between the subject and its number: "of", "is", ":", "stood at", "when published". A price may have none; a market needs one. */
const LINK = String.raw`(?:\s*(?:of|is|was|at|stood at|then|today|when published|at publication|:|=|-)\s*)`;

const PRICE = new RegExp(
  String.raw`\b(?:(?:current|today'?s|spot|live)\s+price|price\s+(?:at|when|on)\s+publi(?:cation|shed))${LINK}*\s*(\$?\s?${NUM})(?![\d%]|\s?x\b)`,
  'gi',
);
const MARKET = new RegExp(
  String.raw`\btotal\s+(?:crypto(?:currency)?\s+)?market(?:\s+(?:cap(?:itali[sz]ation)?|size|value))?${LINK}+(\$?\s?${NUM}\s?(?:trillion|billion|tn|bn|t|b)\b)`,
  'gi',
);

function blank(text: string, pattern: RegExp): { first: string | null; rest: string } {
  let first: string | null = null;
  const rest = text.replace(pattern, (whole: string, value: string) => {
    first ??= value.trim();
    return ' '.repeat(whole.length);
  });
  return { first, rest };
}

/**
 * The price and total market a pasted analysis states as its starting point, the first of each:
 * "current price $0.645", "Current price: $0.2971.", "At current price of $0.65", "price when published 0.645";
 * "total crypto market cap of 3.875T", "total market: $3,875 billion", "Total market when published 3.875T".
 * A market needs its unit (T, B, trillion, billion). Tier sizes ("8 trillion dollar total crypto market
 * cap") come before the words and are not read. Never throws; a text that is not a string states nothing.
 */
export function statedReference(text: string): StatedReference {
  if (typeof text !== 'string') return { price: null, market: null, rest: '' };
  const price = blank(text, PRICE);
  const market = blank(price.rest, MARKET);
  return { price: price.first, market: market.first, rest: market.rest };
}
