import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASES, calibrate, scenarioTable, type PublishedTable } from '../../src/engine/index.ts';
import { realisticTokenArb } from './arbitraries.ts';
import { T, cardano, publishedCents, workedCaptures, workedTiers } from './fixtures.ts';

/** Tron, from its published 2026 analysis: only the moon case is given, at 23T and 31T. */
const tron = { price: 0.2971, circulatingSupply: 94.7e9, totalMarketCap: 3.875 * T } as const;
/** The moon capture that fits those two cells, worked by hand: x = 5 and 7, y = P / p0 - 1. */
const tronMoon = (5 * (1.02 / 0.2971 - 1) + 7 * (1.31 / 0.2971 - 1)) / 74;

/** An EngineInputError naming `field`, for `toThrow`. */
const refusal = (field: string): unknown => expect.objectContaining({ name: 'EngineInputError', field });

describe('calibrate on the seed tables', () => {
  it('fits the Cardano worked example to within 0.005 and half a cent, using all 12 cells', () => {
    const fit = calibrate(cardano, workedTiers, publishedCents);
    for (const c of CASES) expect(Math.abs(fit.captures[c] - workedCaptures[c])).toBeLessThan(0.005);
    expect(fit.maxResidual).toBeLessThan(0.005);
    expect(fit.cells).toBe(12);
  });

  it("fits Tron's moon-only table at 23.25T and 31T and leaves bear and base unfitted", () => {
    const fit = calibrate(tron, [23.25 * T, 31 * T], { bear: [null, null], base: [null, null], moon: [1.02, 1.31] });
    expect(fit.captures.bear).toBeNull();
    expect(fit.captures.base).toBeNull();
    expect(fit.captures.moon).toBeCloseTo(tronMoon, 10);
    expect(fit.captures.moon).toBeCloseTo(0.4869, 4);
    expect(fit.maxResidual).toBeLessThan(0.005);
    expect(fit.cells).toBe(2);
  });

  it('reads the same Tron fit from the four-tier table with its unpublished cells as null', () => {
    const fit = calibrate(tron, workedTiers, {
      bear: [null, null, null, null],
      base: [null, null, null, null],
      moon: [null, null, 1.02, 1.31],
    });
    expect(fit.captures).toEqual({ bear: null, base: null, moon: expect.closeTo(tronMoon, 10) });
    expect(fit.cells).toBe(2);
  });
});

describe('calibrate with unpublished (null) cells', () => {
  it('skips a null cell in the residual: a wild cell counts until it is nulled', () => {
    const wild = { ...publishedCents, base: [1.05, 1.86, 99, 3.48] };
    expect(calibrate(cardano, workedTiers, wild).maxResidual).toBeGreaterThan(1);
    const nulled = calibrate(cardano, workedTiers, { ...publishedCents, base: [1.05, 1.86, null, 3.48] });
    expect(nulled.maxResidual).toBeLessThan(0.005);
    expect(nulled.cells).toBe(11);
    expect(Math.abs((nulled.captures.base ?? Number.NaN) - workedCaptures.base)).toBeLessThan(0.005);
  });

  it("gives no capture to a case published only at today's market, and does not count its cell", () => {
    const tiers = [cardano.totalMarketCap, 15.5 * T];
    const fit = calibrate(cardano, tiers, { bear: [0.645, null], base: [null, 1.86], moon: [null, 2.2] });
    expect(fit.captures.bear).toBeNull();
    expect(fit.captures.base).not.toBeNull();
    expect(fit.cells).toBe(2);
  });

  it('refuses a table with no published cell, naming `published`', () => {
    const empty = { bear: [null, null, null, null], base: [null, null, null, null], moon: [null, null, null, null] };
    expect(() => calibrate(cardano, workedTiers, empty)).toThrow(refusal('published'));
  });

  it("refuses a table whose only cells sit at today's market, naming `tiers`", () => {
    const tiers = [cardano.totalMarketCap, 15.5 * T];
    expect(() => calibrate(cardano, tiers, { bear: [0.645, null], base: [null, null], moon: [0.645, null] })).toThrow(refusal('tiers'));
  });

  it.each([
    ['published.moon[1]', { ...publishedCents, moon: [null, undefined, 3.23, 4.27] }],
    ['published.bear[0]', { ...publishedCents, bear: ['0.94', 1.53, 2.11, 2.7] }],
    ['published.base[3]', { ...publishedCents, base: [null, null, null, -1] }],
    ['published.base', { ...publishedCents, base: [null, null, null] }],
  ])('still refuses a bad cell or row: %s', (field, table) => {
    expect(() => calibrate(cardano, workedTiers, table as unknown as PublishedTable)).toThrow(refusal(field));
  });
});

describe('calibrate recovers the captures from any part of an exact table', () => {
  const capture = fc.double({ min: 0, max: 2, noNaN: true });
  /** For each case, which of the four tiers to keep: at least one. */
  const keepArb = fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }).filter((keep) => keep.includes(true));

  it('drops random cells (keeping at least one per case) and still finds every capture', () => {
    fc.assert(
      fc.property(
        realisticTokenArb,
        fc.record({ bear: capture, base: capture, moon: capture }),
        fc.record({ bear: keepArb, base: keepArb, moon: keepArb }),
        (token, captures, keep) => {
          // Every tier above today's market, so each kept cell carries information about its case.
          const tiers = [8, 16, 23, 31].map((t) => Math.max(t * T, token.totalMarketCap * (1 + t / 10)));
          const table = scenarioTable(token, captures, tiers);
          const published = {
            bear: table.map((row, i) => (keep.bear[i] ? row.bear.price : null)),
            base: table.map((row, i) => (keep.base[i] ? row.base.price : null)),
            moon: table.map((row, i) => (keep.moon[i] ? row.moon.price : null)),
          };
          const fit = calibrate(token, tiers, published);
          for (const c of CASES) {
            expect(fit.captures[c]).not.toBeNull();
            expect(Math.abs((fit.captures[c] ?? Number.NaN) - captures[c])).toBeLessThan(1e-6);
          }
          const kept = CASES.reduce((n, c) => n + keep[c].filter(Boolean).length, 0);
          expect(fit.cells).toBe(kept);
          const top = Math.max(...table.map((row) => row.moon.price), ...table.map((row) => row.bear.price));
          expect(fit.maxResidual).toBeLessThanOrEqual(1e-9 * top);
        },
      ),
      { numRuns: 300 },
    );
  });
});
