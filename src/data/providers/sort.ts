import type { Token } from '../types.ts';

/** Tokens by rank, unranked ones last (by market cap, then name), without changing the input. */
export function sortByRank(tokens: readonly Token[]): Token[] {
  return [...tokens].sort((a, b) => {
    if (a.rank !== null && b.rank !== null) return a.rank - b.rank;
    if (a.rank !== null) return -1;
    if (b.rank !== null) return 1;
    return (b.marketCap ?? 0) - (a.marketCap ?? 0) || a.name.localeCompare(b.name);
  });
}
