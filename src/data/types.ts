import type { ObservedCaptures, PublishedScenario, SnapshotGrades, SourceRef } from './schemas/snapshot.ts';

export type { ObservedCaptures, PublishedScenario, SourceRef };

/** Where the prices come from. */
export type SourceId = 'snapshot' | 'coingecko';

/** Percent changes of the USD price; null when the source does not say. */
export interface PriceChanges {
  readonly h24: number | null;
  readonly d7: number | null;
  readonly d30: number | null;
  readonly d90: number | null;
  readonly y1: number | null;
}

/** One token as every view sees it, whatever its source. Unknown values are null, never 0. */
export interface Token {
  /** CoinGecko-style id (`cardano`, `ripple`): the id in URLs. */
  readonly id: string;
  readonly name: string;
  readonly symbol: string;
  readonly rank: number | null;
  /** USD, always > 0 (a row without a price is dropped at the edge). */
  readonly price: number;
  readonly marketCap: number | null;
  readonly circulatingSupply: number | null;
  readonly totalSupply: number | null;
  readonly maxSupply: number | null;
  readonly change: PriceChanges;
  readonly categories: readonly string[];
  /** An image URL, or null. Never drawn into an export (cross-origin). */
  readonly logo: string | null;
}

/** Grades per token, each with its own as-of and source id (a key of `Dataset.sources`). */
export type Grades = SnapshotGrades;

/** Today's total crypto market. */
export interface Market {
  /** USD. */
  readonly totalMarketCap: number;
  readonly asOf: string;
  /** A key of `Dataset.sources`. */
  readonly source: string;
}

/** Everything the views show, from one source of prices plus the grades and published tables known. */
export interface Dataset {
  readonly source: SourceId;
  /** When the prices were taken (ISO). */
  readonly asOf: string;
  readonly market: Market;
  /** Ordered by rank (unranked last). */
  readonly tokens: readonly Token[];
  readonly grades: Readonly<Record<string, Grades>>;
  readonly published: Readonly<Record<string, PublishedScenario>>;
  /** Observed bear/base/moon captures by token id (the snapshot's; none for a token without history). */
  readonly observed: Readonly<Record<string, ObservedCaptures>>;
  readonly sources: Readonly<Record<string, SourceRef>>;
  /** Rows the source sent that failed validation and were left out. */
  readonly dropped: number;
}
