import * as z from 'zod/mini';

/**
 * The embedded data snapshot (`public/data/snapshot.json`), built by `scripts/build-snapshot.ts`
 * from public raw files, or refreshed from CoinGecko (and Token Metrics) by `scripts/refresh-snapshot.ts`
 * over the facts the raw build committed to `data/derived/`. Facts only: every figure names its source
 * and as-of date. Unknown values are `null`, never 0: a 0 would read as a real price, supply or grade.
 *
 * A refreshed token that the derived files do not know (new to the top 500 since the raw build):
 * `cmcId` null, `categories` empty, no `grades` unless Token Metrics graded it in the refresh, no
 * `published` table and no `observed` entry (the app then says "no history: default captures").
 */

/**
 * An as-of date as precise as the source tells it: `2025` (an undated article from that year),
 * `2025-04`, `2025-04-16` or a full ISO timestamp in UTC.
 */
/**
 * An absolute URL, as the browser's URL parser reads it (zod's `z.url()` does the same with more code
 * than `/` should load for two fields).
 */
const urlSchema = z.string().check(z.refine((s) => URL.canParse(s.trim()), 'not a URL'));
const asOfSchema = z.string().check(z.regex(/^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?Z)?)?)?$/, 'as-of must be an ISO date or year'));

/**
 * A token id: CoinGecko's id where known (`ripple`, `binancecoin`), else CoinMarketCap's slug.
 * Never all digits: a numeric key would be reordered by JavaScript objects and break stable output.
 */
export const tokenIdSchema = z.string().check(z.regex(/^(?!\d+$)[a-z0-9]+(?:[-_.][a-z0-9]+)*$/, 'not a token id'));

/** A key into `sources`, e.g. `cmc-2026-01-09`. */
export const sourceIdSchema = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'not a source id'));

/** Finite number; zod 4 already refuses NaN and the infinities, the name says it for readers. */
const finite = z.number();
const nullableFinite = z.nullable(finite);
/** A supply or market cap: positive when known. */
const positiveOrNull = z.nullable(finite.check(z.positive()));
/** A grade on Token Metrics' 0-100 scale. */
const grade = finite.check(z.gte(0), z.lte(100));
const gradeOrNull = z.nullable(grade);
/** USD price: strictly positive (a log chart cannot draw 0). */
const price = finite.check(z.positive());

export const sourceRefSchema = z.strictObject({
  name: z.string().check(z.minLength(1)),
  url: z.optional(urlSchema),
  asOf: asOfSchema,
});

const sourced = { asOf: asOfSchema, source: sourceIdSchema };

export const tmRatingSchema = z.enum(['Strong Buy', 'Buy', 'Neutral', 'Sell', 'Strong Sell']);

export const snapshotTokenSchema = z.strictObject({
  id: tokenIdSchema,
  /**
   * CoinMarketCap's id. The raw build takes it from the CMC listing; a refresh carries it over by token
   * id from `data/derived/tokens.json`, and it is null for a token the listing did not hold (CoinGecko
   * rows carry no CMC id). Nothing in the app reads it: it is there to trace a token to its listing.
   */
  cmcId: z.nullable(z.int().check(z.positive())),
  name: z.string().check(z.minLength(1)),
  symbol: z.string().check(z.minLength(1)),
  rank: z.int().check(z.positive()),
  price,
  marketCap: positiveOrNull,
  circulatingSupply: positiveOrNull,
  totalSupply: positiveOrNull,
  maxSupply: positiveOrNull,
  /** Percent changes of the USD price, e.g. -11.2 for -11.2%. */
  change: z.strictObject({ h24: nullableFinite, d7: nullableFinite, d30: nullableFinite, d90: nullableFinite }),
  /** CoinMarketCap tags (what the token is); empty when unknown, e.g. a refreshed token the listing did not hold. */
  categories: z.array(z.string().check(z.minLength(1))),
  logo: z.nullable(urlSchema),
});

export const snapshotGradesSchema = z.strictObject({
  tmGrade: z.optional(z.strictObject({ value: grade, rating: tmRatingSchema, ...sourced })),
  traderGrade: z.optional(z.strictObject({ value: grade, ta: gradeOrNull, quant: gradeOrNull, change24h: nullableFinite, ...sourced })),
  investorGrade: z.optional(z.strictObject({ value: grade, ...sourced })),
  fundamental: z.optional(
    z.strictObject({
      value: grade,
      class: z.string().check(z.minLength(1)),
      parts: z.strictObject({
        community: gradeOrNull,
        tokenomics: gradeOrNull,
        exchange: gradeOrNull,
        vc: gradeOrNull,
        defiScanner: gradeOrNull,
      }),
      ...sourced,
    }),
  ),
  technology: z.optional(
    z.strictObject({
      value: grade,
      parts: z.strictObject({
        activity: gradeOrNull,
        repository: gradeOrNull,
        collaboration: gradeOrNull,
        security: gradeOrNull,
        defiScanner: gradeOrNull,
      }),
      ...sourced,
    }),
  ),
  signal: z.optional(z.strictObject({ trend: z.enum(['bullish', 'bearish']), ...sourced })),
});

const cellsSchema = z.array(z.nullable(price));

export const publishedScenarioSchema = z
  .strictObject({
    source: sourceIdSchema,
    asOf: asOfSchema,
    /** The price the analysis quoted as current, USD. */
    currentPrice: price,
    /** The total crypto market cap the analysis started from, USD; null when it did not say. */
    totalMarketCap: positiveOrNull,
    /** Total crypto market sizes as published (8T -> 8e12), ascending. */
    tiers: z.array(finite.check(z.positive())).check(z.minLength(1)),
    labels: z.array(z.string().check(z.minLength(1))),
    bear: cellsSchema,
    base: cellsSchema,
    moon: cellsSchema,
  })
  .check(
    z.superRefine((p, ctx) => {
      const n = p.tiers.length;
      for (const key of ['labels', 'bear', 'base', 'moon'] as const) {
        if (p[key].length !== n) ctx.addIssue({ code: 'custom', path: [key], message: `needs ${n} entries, one per tier` });
      }
      if (p.tiers.some((t, i) => i > 0 && t <= (p.tiers[i - 1] ?? 0))) {
        ctx.addIssue({ code: 'custom', path: ['tiers'], message: 'tiers must be strictly ascending' });
      }
    }),
  );

/** A calendar day, `YYYY-MM-DD`. */
const isoDay = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'not a YYYY-MM-DD day'));
/** A capture ratio within the capture sliders' range (0..3). */
const capture = finite.check(z.gte(0), z.lte(3));

/**
 * A token's observed captures (docs/scenario-model.md, "Observed captures"): its bear/base/moon captures
 * after shrinkage toward the cross-section, the raw pooled capture, the weight of its own evidence, and
 * every window it was measured over.
 */
export const observedCapturesSchema = z
  .strictObject({
    source: sourceIdSchema,
    bear: capture,
    base: capture,
    moon: capture,
    /** The X-weighted mean of the token's period captures, before shrinkage; unclamped. */
    raw: finite,
    /** `k = X / (X + X0)`: how much of the base is the token's own evidence (0..1). */
    weight: finite.check(z.gte(0), z.lte(1)),
    windows: z
      .array(
        z.strictObject({
          from: isoDay,
          to: isoDay,
          /** `M_to / M_from`. */
          marketMove: finite.check(z.positive()),
          /** The capture this window alone showed, unclamped (may be negative or above 3). */
          capture: finite,
        }),
      )
      .check(z.minLength(1)),
  })
  .check(
    z.superRefine((o, ctx) => {
      if (!(o.bear <= o.base && o.base <= o.moon)) ctx.addIssue({ code: 'custom', path: ['base'], message: 'needs bear <= base <= moon' });
    }),
  );

export const snapshotSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    /** When the token listing was taken (ISO, UTC). */
    asOf: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?Z$/, 'not an ISO date-time in UTC')),
    sources: z.record(sourceIdSchema, sourceRefSchema),
    market: z.strictObject({
      /** Total crypto market cap, USD. */
      totalMarketCap: finite.check(z.positive()),
      /** Bitcoin's share of the total market cap, percent (58.5 = 58.5%). */
      btcDominance: z.nullable(finite.check(z.gte(0), z.lte(100))),
      ...sourced,
    }),
    tokens: z.array(snapshotTokenSchema).check(z.minLength(1)),
    grades: z.record(tokenIdSchema, snapshotGradesSchema),
    published: z.record(tokenIdSchema, publishedScenarioSchema),
    observed: z.optional(z.record(tokenIdSchema, observedCapturesSchema)),
  })
  .check(
    z.superRefine((s, ctx) => {
      const ids = new Set<string>();
      s.tokens.forEach((t, i) => {
        if (ids.has(t.id)) ctx.addIssue({ code: 'custom', path: ['tokens', i, 'id'], message: `duplicate id ${t.id}` });
        ids.add(t.id);
      });
      const checkSource = (path: (string | number)[], source: string) => {
        if (!(source in s.sources)) ctx.addIssue({ code: 'custom', path, message: `unknown source ${source}` });
      };
      checkSource(['market', 'source'], s.market.source);
      for (const [id, g] of Object.entries(s.grades)) {
        if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: ['grades', id], message: `no token ${id}` });
        for (const [kind, entry] of Object.entries(g)) {
          if (entry) checkSource(['grades', id, kind, 'source'], entry.source);
        }
      }
      for (const [id, p] of Object.entries(s.published)) {
        if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: ['published', id], message: `no token ${id}` });
        checkSource(['published', id, 'source'], p.source);
      }
      for (const [id, o] of Object.entries(s.observed ?? {})) {
        if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: ['observed', id], message: `no token ${id}` });
        checkSource(['observed', id, 'source'], o.source);
      }
    }),
  );

export type Snapshot = z.infer<typeof snapshotSchema>;
export type SnapshotToken = z.infer<typeof snapshotTokenSchema>;
export type SnapshotGrades = z.infer<typeof snapshotGradesSchema>;
export type PublishedScenario = z.infer<typeof publishedScenarioSchema>;
export type ObservedCaptures = z.infer<typeof observedCapturesSchema>;
/** What one source is: a name, an optional URL and the date its figures hold for. */
export type SourceRef = z.infer<typeof sourceRefSchema>;
export type TmRating = z.infer<typeof tmRatingSchema>;
