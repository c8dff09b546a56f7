import type { GlobalMarket, MarketsPage } from './coingecko.ts';
import { sortByRank } from './sort.ts';
import type { Dataset, Grades, PublishedScenario, Token } from '../types.ts';

export const CG_LIVE_SOURCE = 'coingecko-live';

/**
 * Live CoinGecko prices over the snapshot's facts: tokens and the total market from CoinGecko,
 * categories (and a logo where CoinGecko gave none) from the snapshot by id, grades, published
 * tables and observed captures from the snapshot. A token listed twice across pages keeps its first row.
 */
export function liveDataset(pages: readonly MarketsPage[], global: GlobalMarket, snapshot: Dataset | undefined, fetchedAt: string): Dataset {
  const known = new Map(snapshot?.tokens.map((t) => [t.id, t]) ?? []);
  const seen = new Set<string>();
  const tokens: Token[] = [];
  for (const page of pages) {
    for (const token of page.tokens) {
      if (seen.has(token.id)) continue;
      seen.add(token.id);
      const prior = known.get(token.id);
      tokens.push(prior ? { ...token, categories: prior.categories, logo: token.logo ?? prior.logo } : token);
    }
  }
  const pricesAsOf = pages.reduce<string | null>((max, p) => (p.asOf && (!max || p.asOf > max) ? p.asOf : max), null) ?? fetchedAt;
  return {
    source: 'coingecko',
    asOf: pricesAsOf,
    market: { totalMarketCap: global.totalMarketCap, asOf: global.asOf ?? fetchedAt, source: CG_LIVE_SOURCE },
    tokens: sortByRank(tokens),
    grades: snapshot?.grades ?? {},
    published: snapshot?.published ?? {},
    observed: snapshot?.observed ?? {},
    sources: { ...snapshot?.sources, [CG_LIVE_SOURCE]: { name: 'CoinGecko (live)', asOf: pricesAsOf } },
    dropped: pages.reduce((n, p) => n + p.dropped, 0),
  };
}

/** Live grades (by our token id) over a dataset's own: each live grade replaces the same kind, others stay. */
export function withLiveGrades(dataset: Dataset, live: ReadonlyMap<string, Grades>, asOf: string, sourceId: string): Dataset {
  if (live.size === 0) return dataset;
  const grades: Record<string, Grades> = { ...dataset.grades };
  for (const [id, g] of live) grades[id] = { ...grades[id], ...g };
  return { ...dataset, grades, sources: { ...dataset.sources, [sourceId]: { name: 'Token Metrics (live)', asOf } } };
}

/**
 * A live published table for token `id` (ours) over the dataset's (the snapshot's) own. Its source id gets a
 * `sources` entry named "Token Metrics (live)" unless one is there already (the live grades' own).
 */
export function withLivePublished(dataset: Dataset, id: string, table: PublishedScenario, asOf: string): Dataset {
  const sources = table.source in dataset.sources ? dataset.sources : { ...dataset.sources, [table.source]: { name: 'Token Metrics (live)', asOf } };
  return { ...dataset, published: { ...dataset.published, [id]: table }, sources };
}
