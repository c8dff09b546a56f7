import { DataError } from '../errors.ts';
import { fetchJson } from '../http.ts';
import { parseRows } from '../schemas/numbers.ts';
import {
  observedCapturesSchema,
  publishedScenarioSchema,
  snapshotGradesSchema,
  snapshotSchema,
  snapshotTokenSchema,
  sourceRefSchema,
  type SnapshotToken,
} from '../schemas/snapshot.ts';
import type { Dataset, Grades, ObservedCaptures, PublishedScenario, SourceRef, Token } from '../types.ts';
import { sortByRank } from './sort.ts';

export const SNAPSHOT_SOURCE_NAME = 'Embedded snapshot';

/** Where the built app serves the snapshot (same origin: no network beyond the app itself). */
export function snapshotUrl(): string {
  return `${import.meta.env.BASE_URL}data/snapshot.json`;
}

function tokenFromSnapshot(t: SnapshotToken): Token {
  return {
    id: t.id,
    name: t.name,
    symbol: t.symbol,
    rank: t.rank,
    price: t.price,
    marketCap: t.marketCap,
    circulatingSupply: t.circulatingSupply,
    totalSupply: t.totalSupply,
    maxSupply: t.maxSupply,
    change: { ...t.change, y1: null },
    categories: t.categories,
    logo: t.logo,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function parseRecord<T>(input: unknown, parse: (value: unknown) => T | null): { record: Record<string, T>; dropped: number } {
  const record: Record<string, T> = {};
  let dropped = 0;
  if (!isRecord(input)) return { record, dropped };
  for (const [key, value] of Object.entries(input)) {
    const parsed = parse(value);
    if (parsed === null) dropped += 1;
    else record[key] = parsed;
  }
  return { record, dropped };
}

const safe =
  <T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }) =>
  (value: unknown): T | null => {
    const result = schema.safeParse(value);
    return result.success ? result.data : null;
  };

/**
 * The snapshot file as a Dataset. The whole file is checked with the strict schema first; if that
 * fails (a hand-edited or truncated file), rows are taken one by one and the bad ones counted, so
 * one bad token never costs the other 499.
 * @throws DataError (`invalid`) when not even the market and one token can be read.
 */
export function datasetFromSnapshot(json: unknown): Dataset {
  const strict = snapshotSchema.safeParse(json);
  if (strict.success) {
    const s = strict.data;
    return {
      source: 'snapshot',
      asOf: s.asOf,
      market: { totalMarketCap: s.market.totalMarketCap, asOf: s.market.asOf, source: s.market.source },
      tokens: sortByRank(s.tokens.map(tokenFromSnapshot)),
      grades: s.grades,
      published: s.published,
      observed: s.observed ?? {},
      sources: s.sources,
      dropped: 0,
    };
  }
  const loose: Record<string, unknown> = isRecord(json) ? json : {};
  const market = snapshotSchema.shape.market.safeParse(loose.market);
  const tokens = parseRows(loose.tokens, snapshotTokenSchema);
  if (!market.success || !tokens || tokens.rows.length === 0) {
    throw new DataError({ kind: 'invalid', source: SNAPSHOT_SOURCE_NAME, detail: 'the snapshot file cannot be read' });
  }
  const grades = parseRecord<Grades>(loose.grades, safe(snapshotGradesSchema));
  const published = parseRecord<PublishedScenario>(loose.published, safe(publishedScenarioSchema));
  const observed = parseRecord<ObservedCaptures>(loose.observed, safe(observedCapturesSchema));
  const sources = parseRecord<SourceRef>(loose.sources, safe(sourceRefSchema));
  const asOf = typeof loose.asOf === 'string' ? loose.asOf : market.data.asOf;
  return {
    source: 'snapshot',
    asOf,
    market: { totalMarketCap: market.data.totalMarketCap, asOf: market.data.asOf, source: market.data.source },
    tokens: sortByRank(tokens.rows.map(tokenFromSnapshot)),
    grades: grades.record,
    published: published.record,
    observed: observed.record,
    sources: sources.record,
    dropped: tokens.dropped + grades.dropped + published.dropped + observed.dropped,
  };
}

/** Loads and validates the embedded snapshot. */
export async function loadSnapshot(options: { signal?: AbortSignal | undefined; fetchImpl?: typeof fetch } = {}): Promise<Dataset> {
  const json = await fetchJson(snapshotUrl(), {
    source: SNAPSHOT_SOURCE_NAME,
    signal: options.signal,
    timeoutMs: 30_000,
    ...(options.fetchImpl ? { fetchImpl: options.fetchImpl } : {}),
  });
  return datasetFromSnapshot(json);
}
