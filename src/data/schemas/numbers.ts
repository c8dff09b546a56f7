import * as z from 'zod/mini';

/**
 * A number as APIs really send it: a number, a numeric string ("0.2971", "1e-7"), or null/missing.
 * Anything else (a word, NaN, Infinity, an object) becomes null: the value is unknown, not 0.
 * The input is `z.optional(...)` so that an object key may be missing altogether.
 */
export const looseNumber = z.pipe(
  z.optional(z.unknown()),
  z.transform((value): number | null => {
    if (typeof value === 'number') return Number.isFinite(value) ? value : null;
    if (typeof value === 'string' && value.trim() !== '') {
      const n = Number(value.trim());
      return Number.isFinite(n) ? n : null;
    }
    return null;
  }),
);

/** Like `looseNumber`, but only values > 0 count (a supply or a cap of 0 means unknown). */
export const loosePositive = z.pipe(
  looseNumber,
  z.transform((n: number | null) => (n !== null && n > 0 ? n : null)),
);

/** A string that may be missing or null (null then). */
export const looseString = z.pipe(
  z.optional(z.unknown()),
  z.transform((value): string | null => (typeof value === 'string' && value !== '' ? value : null)),
);

/**
 * Parses an array row by row: rows that fail `schema` are dropped and counted, so one bad row
 * never costs the rest. Returns null when `input` is not an array at all.
 */
export function parseRows<T>(input: unknown, schema: z.ZodMiniType<T>): { rows: T[]; dropped: number } | null {
  if (!Array.isArray(input)) return null;
  const rows: T[] = [];
  let dropped = 0;
  for (const item of input) {
    const result = schema.safeParse(item);
    if (result.success) rows.push(result.data);
    else dropped += 1;
  }
  return { rows, dropped };
}
