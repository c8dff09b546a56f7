/**
 * Which token a person means by a name, symbol or id ("Cardano", "ada", "cardano"): shared by the
 * compare page's picker and the holdings' picker and paste. Works on anything with an id, name and symbol.
 */

export interface NamedToken {
  readonly id: string;
  readonly name: string;
  readonly symbol: string;
}

/**
 * Every token `text` can mean, best first: an exact id, else exact names, else exact symbols
 * (case-insensitive, in the list's order, which is rank order). [] when nothing matches; more than one
 * when a symbol (or a name) is shared: the caller asks the user which.
 */
export function matchTokens<T extends NamedToken>(tokens: readonly T[], text: string): T[] {
  const t = text.trim().toLowerCase();
  if (t === '') return [];
  const byId = tokens.find((x) => x.id === t);
  if (byId) return [byId];
  const byName = tokens.filter((x) => x.name.toLowerCase() === t);
  if (byName.length > 0) return byName;
  return tokens.filter((x) => x.symbol.toLowerCase() === t);
}

/** The one token `text` most likely means (the first of `matchTokens`: the highest-ranked), or undefined. */
export function findToken<T extends NamedToken>(tokens: readonly T[], text: string): T | undefined {
  return matchTokens(tokens, text)[0];
}
