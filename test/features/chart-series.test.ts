import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CAPTURES, DEFAULT_TIERS, EngineInputError, LIMITS, scenarioCell, scenarioTable, tierLabel, type Captures } from '../../src/engine/index.ts';
import {
  bandSeries,
  bandSummary,
  bandTooltipText,
  logTicks,
  marketAxis,
  niceCeil,
  niceFloor,
  priceDomain,
  priceFloor,
  type BandPoint,
} from '../../src/features/token-detail/chart-series.ts';
import { formatMultiple, formatPrice } from '../../src/lib/format.ts';
import { capturesArb, logDouble, realisticTokenArb, tokenArb } from '../engine/arbitraries.ts';
import { ada } from '../fixtures/band-chart.ts';

const T = 1e12;
const shib = { price: 0.000008736837489831246, circulatingSupply: 589244029684438.4, totalMarketCap: 3107124772651.9556 };

const plain = (price: number): string => formatPrice(price, { subscriptZeros: false });

/** A 1-2-5 value: 1, 2 or 5 times a power of ten (up to rounding of the power). */
function isNice(v: number): boolean {
  const mantissa = v / 10 ** Math.floor(Math.log10(v) + 1e-12);
  return [1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-9);
}

function everyValue(series: readonly BandPoint[]): number[] {
  return series.flatMap((p) => [p.m, p.bear, p.base, p.moon, ...p.band]);
}

describe('bandSeries', () => {
  it('log-spaces the points over the domain, both ends included', () => {
    // Today's market (3.1T) lies outside this domain, so only the log-spaced sizes remain.
    const series = bandSeries(ada, DEFAULT_CAPTURES, { min: 4 * T, max: 40 * T }, 80);
    expect(series).toHaveLength(80);
    expect(series[0]?.m).toBe(4 * T);
    expect(series.at(-1)?.m).toBe(40 * T);
    const ratio = 10 ** (1 / 79);
    for (let i = 1; i < series.length; i++) {
      expect((series[i]?.m ?? 0) / (series[i - 1]?.m ?? 1)).toBeCloseTo(ratio, 10);
    }
  });

  it('includes every tier and today’s market inside the domain, in increasing order', () => {
    const domain = marketAxis(ada.totalMarketCap, DEFAULT_TIERS);
    const series = bandSeries(ada, DEFAULT_CAPTURES, domain, 80, [...DEFAULT_TIERS, 1e17]);
    const sizes = series.map((p) => p.m);
    for (const tier of DEFAULT_TIERS) expect(sizes).toContain(tier);
    expect(sizes).toContain(ada.totalMarketCap);
    expect(sizes).not.toContain(1e17);
    expect(series).toHaveLength(80 + DEFAULT_TIERS.length + 1);
    for (let i = 1; i < sizes.length; i++) expect(sizes[i]).toBeGreaterThan(sizes[i - 1] ?? Infinity);
  });

  it('gives the engine’s prices where they are above the floor', () => {
    const series = bandSeries(ada, DEFAULT_CAPTURES, { min: 1 * T, max: 100 * T }, 20, [16 * T]);
    const at16 = series.find((p) => p.m === 16 * T);
    expect(at16?.base).toBe(scenarioCell(ada, DEFAULT_CAPTURES.base, 16 * T).price);
    expect(at16?.band).toEqual([at16?.bear, at16?.moon]);
  });

  it('floors prices at a tiny positive value when a capture above 1 meets a market below today’s', () => {
    const captures: Captures = { bear: 1.5, base: 3, moon: 10 };
    const series = bandSeries(ada, captures, { min: 0.1 * T, max: 50 * T }, 80);
    const values = everyValue(series);
    expect(values.every((v) => Number.isFinite(v) && v > 0)).toBe(true);
    // At 0.1T every case is below 0 in the model: all three sit on the floor.
    expect(series[0]).toMatchObject({ bear: priceFloor(ada.price), base: priceFloor(ada.price), moon: priceFloor(ada.price) });
    expect(priceFloor(ada.price)).toBeCloseTo(ada.price * 1e-9, 20);
  });

  it('keeps every value finite and > 0 for any valid token and captures (property)', () => {
    fc.assert(
      fc.property(tokenArb, capturesArb, (token, captures) => {
        const domain = marketAxis(token.totalMarketCap, []);
        for (const v of everyValue(bandSeries(token, captures, domain, 12))) {
          expect(Number.isFinite(v) && v > 0).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps band low <= base <= band high for ordered captures (property)', () => {
    const ordered = fc.array(fc.double({ min: 0, max: 3, noNaN: true }), { minLength: 3, maxLength: 3 }).map((xs) => {
      const [bear = 0, base = 0, moon = 0] = [...xs].sort((a, b) => a - b);
      return { bear, base, moon };
    });
    fc.assert(
      fc.property(realisticTokenArb, ordered, (token, captures) => {
        const domain = marketAxis(token.totalMarketCap, DEFAULT_TIERS);
        for (const p of bandSeries(token, captures, domain, 30, DEFAULT_TIERS)) {
          expect(p.band[0]).toBeLessThanOrEqual(p.base * (1 + 1e-12));
          expect(p.base).toBeLessThanOrEqual(p.band[1] * (1 + 1e-12));
          expect(p.band[0]).toBeLessThanOrEqual(p.band[1]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a domain outside the engine’s market sizes, and a bad token, with a typed error', () => {
    expect(() => bandSeries(ada, DEFAULT_CAPTURES, { min: 0, max: 10 * T })).toThrow(EngineInputError);
    expect(() => bandSeries(ada, DEFAULT_CAPTURES, { min: 10 * T, max: 10 * T })).toThrow(EngineInputError);
    expect(() => bandSeries({ ...ada, price: 0 }, DEFAULT_CAPTURES, { min: T, max: 10 * T })).toThrow(EngineInputError);
  });
});

describe('marketAxis', () => {
  it('is the market-size slider’s range for today’s market and the default tiers', () => {
    expect(marketAxis(ada.totalMarketCap, DEFAULT_TIERS)).toEqual({ min: 0.5 * T, max: 100 * T });
  });

  it('widens to a 1-2-5 value only for a tier or a market outside that range', () => {
    const d = marketAxis(ada.totalMarketCap, [...DEFAULT_TIERS, 300 * T]);
    expect(d).toEqual({ min: 0.5 * T, max: 500 * T });
    expect(isNice(d.max)).toBe(true);
    expect(marketAxis(0.3 * T, DEFAULT_TIERS).min).toBe(0.2 * T);
  });

  it('ignores unusable values and clamps to the engine’s limits', () => {
    expect(marketAxis(ada.totalMarketCap, [Number.NaN, -1, Number.POSITIVE_INFINITY])).toEqual(marketAxis(ada.totalMarketCap, []));
    const tiny = marketAxis(1, []);
    const huge = marketAxis(LIMITS.marketSize.max, []);
    expect(tiny.min).toBe(LIMITS.marketSize.min);
    expect(huge.max).toBe(LIMITS.marketSize.max);
    expect(huge.min).toBeLessThan(huge.max);
  });
});

describe('logTicks', () => {
  it('gives the 1-2-5 values inside the range', () => {
    expect(logTicks(2 * T, 50 * T)).toEqual([2 * T, 5 * T, 10 * T, 20 * T, 50 * T]);
    expect(logTicks(1.5e-7, 3e-5)).toEqual([2e-7, 5e-7, 1e-6, 2e-6, 5e-6, 1e-5, 2e-5]);
    expect(logTicks(0.3, 0.45)).toEqual([]);
  });

  it('thins to powers of ten, then to every nth power, over a wide range', () => {
    expect(logTicks(1, 1e6, 8)).toEqual([1, 10, 100, 1000, 1e4, 1e5, 1e6]);
    const wide = logTicks(1e-20, 1e10, 8);
    expect(wide.length).toBeLessThanOrEqual(8);
    expect(wide.length).toBeGreaterThanOrEqual(4);
  });

  it('keeps every tick inside the range and nice, for any range (property)', () => {
    fc.assert(
      fc.property(logDouble(1e-20, 1e18), logDouble(1.01, 1e12), (min, span) => {
        const max = min * span;
        const ticks = logTicks(min, max);
        expect(ticks.length).toBeLessThanOrEqual(10);
        ticks.forEach((t, i) => {
          expect(t).toBeGreaterThanOrEqual(min * (1 - 1e-9));
          expect(t).toBeLessThanOrEqual(max * (1 + 1e-9));
          expect(isNice(t)).toBe(true);
          if (i > 0) expect(t).toBeGreaterThan(ticks[i - 1] ?? 0);
        });
      }),
    );
  });

  it('gives no ticks for a range that is not 0 < min < max', () => {
    expect(logTicks(0, 10)).toEqual([]);
    expect(logTicks(10, 10)).toEqual([]);
    expect(logTicks(1, Number.POSITIVE_INFINITY)).toEqual([]);
  });

  it('snaps outward to 1-2-5 values', () => {
    expect([niceFloor(0.3), niceCeil(0.3), niceFloor(1000), niceCeil(1000), niceCeil(4.7e12)]).toEqual([0.2, 0.5, 1000, 1000, 5e12]);
  });
});

describe('priceDomain', () => {
  it('spans the band, today’s price and the extra points, on 1-2-5 values', () => {
    const series = bandSeries(ada, DEFAULT_CAPTURES, marketAxis(ada.totalMarketCap, DEFAULT_TIERS), 40, DEFAULT_TIERS);
    const d = priceDomain(series, [ada.price, 9.5]);
    const lows = series.map((p) => p.band[0]);
    expect(d.min).toBeLessThanOrEqual(Math.min(...lows, ada.price));
    expect(d.max).toBeGreaterThanOrEqual(9.5);
    expect(isNice(d.min) && isNice(d.max)).toBe(true);
    expect(logTicks(d.min, d.max, 8).length).toBeGreaterThanOrEqual(2);
  });

  it('leaves floored zeros out, so a band falling to 0 does not stretch the axis', () => {
    const series = bandSeries(ada, { bear: 2, base: 3, moon: 4 }, { min: 0.2 * T, max: 50 * T }, 40);
    const floor = priceFloor(ada.price);
    expect(series.some((p) => p.band[0] === floor)).toBe(true);
    expect(priceDomain(series, [ada.price], floor).min).toBeGreaterThan(ada.price / 1e3);
  });

  it('works for a sub-cent token', () => {
    const series = bandSeries(shib, DEFAULT_CAPTURES, marketAxis(shib.totalMarketCap, DEFAULT_TIERS), 40, DEFAULT_TIERS);
    const d = priceDomain(series, [shib.price]);
    expect(d.min).toBeLessThanOrEqual(shib.price);
    expect(d.max).toBeGreaterThan(shib.price);
    expect(d.max).toBeLessThan(1e-3);
  });

  it('falls back to 1..10 with no usable price', () => {
    expect(priceDomain([], [Number.NaN, 0])).toEqual({ min: 1, max: 10 });
  });
});

describe('chart text', () => {
  it('reads one market size as a sentence with prices and multiples from the engine', () => {
    const cell = (c: keyof Captures) => scenarioCell(ada, DEFAULT_CAPTURES[c], 16 * T);
    const part = (c: keyof Captures) => `${c} ${formatPrice(cell(c).price)} (${formatMultiple(cell(c).multiple)})`;
    expect(bandTooltipText(ada, DEFAULT_CAPTURES, 16 * T)).toBe(`At $16T: ${part('bear')}, ${part('base')}, ${part('moon')}`);
  });

  it('summarises every tier, today and the user’s point', () => {
    const rows = scenarioTable(ada, DEFAULT_CAPTURES, DEFAULT_TIERS);
    const text = bandSummary({
      symbol: 'ADA',
      domain: { min: 2 * T, max: 50 * T },
      rows,
      todayPrice: ada.price,
      totalMarketCap: ada.totalMarketCap,
      userPoint: { marketSize: 16 * T, price: 2 },
    });
    expect(text.startsWith('ADA price bands from $2T to $50T total market: at 8T bear ')).toBe(true);
    for (const row of rows) expect(text).toContain(`at ${tierLabel(row.tier)} bear ${plain(row.bear.price)}, base ${plain(row.base.price)}`);
    expect(text).toContain(`today ${formatPrice(ada.price)} at $3.11T total market`);
    expect(text.endsWith('your point $2.00 at 16T.')).toBe(true);
  });
});
