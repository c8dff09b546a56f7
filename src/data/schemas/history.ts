import * as z from 'zod/mini';
import { sourceRefSchema } from './snapshot.ts';

/**
 * The embedded market-cap history (`public/data/history.json`), built by `scripts/build-history.ts`
 * from public raw files: the total crypto market cap and a few coins' market caps, daily, in USD.
 * Facts only: ISO days and numbers, each series naming its source (a key of `sources`) and range.
 */

/** A calendar day in UTC, `2025-09-17`. */
export const isoDaySchema = z.iso.date();

/** A token id in CoinGecko's style (`bitcoin`, `ripple`); never all digits (JS would reorder the key). */
const tokenIdSchema = z.string().check(z.regex(/^(?!\d+$)[a-z0-9]+(?:[-_.][a-z0-9]+)*$/, 'not a token id'));

/** A key into `sources`, e.g. `cg-daily-reports-2026-07-24`. */
const sourceIdSchema = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'not a source id'));

/** One day's value: `[day, USD]`, the value finite and > 0. */
export const historyPointSchema = z.tuple([isoDaySchema, z.number().check(z.positive())]);

/** One daily series: points in strictly ascending days; `from`/`to` are its first and last day. */
export const historySeriesSchema = z
  .strictObject({
    source: sourceIdSchema,
    /** Always `USD`: the builder converts everything it keeps. */
    unit: z.literal('USD'),
    from: isoDaySchema,
    to: isoDaySchema,
    points: z.array(historyPointSchema).check(z.minLength(1)),
  })
  .check(
    z.superRefine((s, ctx) => {
      s.points.forEach(([day], i) => {
        const prev = s.points[i - 1];
        if (prev && prev[0] >= day) ctx.addIssue({ code: 'custom', path: ['points', i, 0], message: 'days must be strictly ascending' });
      });
      if (s.points[0]?.[0] !== s.from) ctx.addIssue({ code: 'custom', path: ['from'], message: "must be the first point's day" });
      if (s.points.at(-1)?.[0] !== s.to) ctx.addIssue({ code: 'custom', path: ['to'], message: "must be the last point's day" });
    }),
  );

export const historyFileSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    sources: z.record(sourceIdSchema, sourceRefSchema),
    /** Total crypto market cap, USD. */
    market: historySeriesSchema,
    /** Token market caps, USD, by CoinGecko id. */
    tokens: z.record(tokenIdSchema, historySeriesSchema),
  })
  .check(
    z.superRefine((h, ctx) => {
      const check = (path: string[], source: string) => {
        if (!(source in h.sources)) ctx.addIssue({ code: 'custom', path, message: `unknown source ${source}` });
      };
      check(['market', 'source'], h.market.source);
      for (const [id, s] of Object.entries(h.tokens)) check(['tokens', id, 'source'], s.source);
    }),
  );

/**
 * The lenient shape the app reads: a series whose points are checked one by one (a bad point is
 * dropped, not the whole series).
 */
export const looseHistorySeriesSchema = z.object({
  source: z.string(),
  points: z.array(z.unknown()),
});

export const looseHistoryFileSchema = z.object({
  sources: z.optional(z.record(z.string(), z.unknown())),
  market: z.optional(z.unknown()),
  tokens: z.optional(z.record(z.string(), z.unknown())),
});

export type HistoryFile = z.infer<typeof historyFileSchema>;
export type HistorySeriesFile = z.infer<typeof historySeriesSchema>;
