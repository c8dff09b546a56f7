/**
 * The derived data files (`data/derived/*.json`): the facts of the embedded snapshot that only the raw
 * files in `../shared` hold, committed so that a clone can refresh prices (`npm run snapshot:live`)
 * without them. `npm run snapshot` writes them from the raw build; the refresh only reads them.
 *
 * - `tokens.json`: each listed token's CoinMarketCap id and categories (CMC tags), by token id
 * - `grades.json`: the Token Metrics grades of the API files and the articles (kept when no TM key is given)
 * - `published.json`: the articles' published scenario tables
 * - `observed.json`: the observed captures, measured over historical cross-sections (docs/scenario-model.md)
 *
 * Each file is `{schemaVersion, sources, entries}`: `entries` keyed by token id (the snapshot's ids:
 * CoinGecko's where known, which is what a live CoinGecko row carries) and `sources` the entries' sources.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod/mini';
import {
  observedCapturesSchema,
  publishedScenarioSchema,
  snapshotGradesSchema,
  sourceIdSchema,
  sourceRefSchema,
  tokenIdSchema,
  type Snapshot,
  type SourceRef,
} from '../../src/data/schemas/snapshot.ts';
import { serializeByLine } from './serialize.ts';

/** What the CoinMarketCap listing says about a token that a CoinGecko row does not. */
export const listedTokenSchema = z.strictObject({
  cmcId: z.int().check(z.positive()),
  categories: z.array(z.string().check(z.minLength(1))),
});

/** A derived file: entries by token id, every source an entry names listed in `sources`. */
function derivedFileSchema<T extends z.ZodMiniType>(entry: T, sourcesOf: (e: z.infer<T>) => string[]) {
  return z
    .strictObject({
      schemaVersion: z.literal(1),
      sources: z.record(sourceIdSchema, sourceRefSchema),
      entries: z.record(tokenIdSchema, entry),
    })
    .check(
      z.superRefine((f, ctx) => {
        for (const [id, e] of Object.entries(f.entries)) {
          for (const s of sourcesOf(e)) {
            if (!(s in f.sources)) ctx.addIssue({ code: 'custom', path: ['entries', id], message: `unknown source ${s}` });
          }
        }
      }),
    );
}

export const derivedTokensSchema = derivedFileSchema(listedTokenSchema, () => []);
export const derivedGradesSchema = derivedFileSchema(snapshotGradesSchema, (g) => Object.values(g).flatMap((e) => (e ? [e.source] : [])));
export const derivedPublishedSchema = derivedFileSchema(publishedScenarioSchema, (p) => [p.source]);
export const derivedObservedSchema = derivedFileSchema(observedCapturesSchema, (o) => [o.source]);

export interface DerivedFacts {
  readonly tokens: z.infer<typeof derivedTokensSchema>;
  readonly grades: z.infer<typeof derivedGradesSchema>;
  readonly published: z.infer<typeof derivedPublishedSchema>;
  readonly observed: z.infer<typeof derivedObservedSchema>;
}

const SCHEMAS = {
  tokens: derivedTokensSchema,
  grades: derivedGradesSchema,
  published: derivedPublishedSchema,
  observed: derivedObservedSchema,
} as const;

/** The project's `data/derived` folder. */
export const DERIVED_DIR = path.resolve(import.meta.dirname, '../../data/derived');

/** `sources` restricted to the given ids, in the snapshot's order. */
export function pickSources(sources: Readonly<Record<string, SourceRef>>, ids: Iterable<string>): Record<string, SourceRef> {
  const wanted = new Set(ids);
  return Object.fromEntries(Object.entries(sources).filter(([id]) => wanted.has(id)));
}

/**
 * The derived files' content from a snapshot built from the raw files.
 * @param listingSource the source of `cmcId` and `categories` (the CMC listing, e.g. `cmc-2026-01-09`)
 */
export function deriveFacts(s: Snapshot, listingSource: string): DerivedFacts {
  const tokens: Record<string, z.infer<typeof listedTokenSchema>> = {};
  for (const t of s.tokens) {
    if (t.cmcId !== null) tokens[t.id] = { cmcId: t.cmcId, categories: t.categories };
  }
  const gradeSources = Object.values(s.grades).flatMap((g) => Object.values(g).flatMap((e) => (e ? [e.source] : [])));
  const observed = s.observed ?? {};
  return {
    tokens: { schemaVersion: 1, sources: pickSources(s.sources, [listingSource]), entries: tokens },
    grades: { schemaVersion: 1, sources: pickSources(s.sources, gradeSources), entries: s.grades },
    published: {
      schemaVersion: 1,
      sources: pickSources(
        s.sources,
        Object.values(s.published).map((p) => p.source),
      ),
      entries: s.published,
    },
    observed: {
      schemaVersion: 1,
      sources: pickSources(
        s.sources,
        Object.values(observed).map((o) => o.source),
      ),
      entries: observed,
    },
  };
}

/** Each derived file's name and text (`tokens.json` ...). */
export function serializeDerived(facts: DerivedFacts): Array<{ file: string; text: string }> {
  return (Object.keys(SCHEMAS) as Array<keyof DerivedFacts>).map((key) => ({ file: `${key}.json`, text: serializeByLine(facts[key]) }));
}

/** Writes the derived files into `dir` (each through a temporary file, so none is ever half written). */
export function writeDerived(dir: string, facts: DerivedFacts): Array<{ file: string; bytes: number }> {
  mkdirSync(dir, { recursive: true });
  return serializeDerived(facts).map(({ file, text }) => {
    const target = path.join(dir, file);
    writeFileSync(`${target}.tmp`, text);
    renameSync(`${target}.tmp`, target);
    return { file, bytes: Buffer.byteLength(text) };
  });
}

/**
 * Reads and validates the derived files.
 * @throws Error naming the file when one is missing, not JSON or fails its schema.
 */
export function readDerived(dir: string): DerivedFacts {
  const read = <K extends keyof DerivedFacts>(key: K): DerivedFacts[K] => {
    const file = path.join(dir, `${key}.json`);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      const why = error instanceof Error ? error.message : 'unreadable';
      throw new Error(`derived file ${file}: ${why} (run \`npm run snapshot\` with ../shared to rebuild it)`, { cause: error });
    }
    const result = SCHEMAS[key].safeParse(json);
    if (!result.success) throw new Error(`derived file ${file}: ${z.prettifyError(result.error)}`);
    return result.data as DerivedFacts[K];
  };
  return { tokens: read('tokens'), grades: read('grades'), published: read('published'), observed: read('observed') };
}
