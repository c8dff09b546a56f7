import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAPTURE_RANGE, captureSamples, historyCaptures, percentile, type CapPoint } from '../../src/engine/index.ts';
import { logDouble } from './arbitraries.ts';

const DAY = 86_400_000;
/** 2025-01-01T00:00:00Z: any midnight works, a real one keeps the dates readable. */
const T0 = Date.UTC(2025, 0, 1);
const numRuns = Number(process.env.FUZZ_RUNS ?? 200);

/** A deterministic PRNG (mulberry32), so "noisy" data is the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** `values[i]` on day i, at `hour` UTC. */
const daily = (values: readonly number[], hour = 0): CapPoint[] => values.map((v, i) => [T0 + i * DAY + hour * 3_600_000, v]);

/** A random-walk market, USD, starting at 3T, daily moves of about `vol`. */
function walk(days: number, seed: number, vol = 0.03): number[] {
  const next = rng(seed);
  const out = [3e12];
  for (let i = 1; i < days; i++) out.push((out[i - 1] ?? 3e12) * Math.exp(vol * (next() * 2 - 1) * Math.sqrt(3)));
  return out;
}

describe('captureSamples: a token that follows the model exactly', () => {
  it('gives back beta 0.6 in every 90-day window when every window starts at the same market', () => {
    // The market swings +-30% around 3T with a 7-day period: every window (7 days apart) starts at
    // 3T, where the token is at its C0, so the model holds from each window's first day.
    const days = 300;
    const m = Array.from({ length: days }, (_, i) => 3e12 * (1 + 0.3 * Math.sin((2 * Math.PI * i) / 7)));
    const c = m.map((mi) => 2e10 * (1 + 0.6 * (mi / 3e12 - 1)));
    const s = captureSamples(daily(c), daily(m));
    expect(s.windows).toBe(31);
    expect(s.samples).toHaveLength(31);
    for (const beta of s.samples) expect(beta).toBeCloseTo(0.6, 10);
    expect(s.from).toBe(T0);
    expect(s.to).toBe(T0 + 299 * DAY);
  });

  it.each([0, 0.35, 0.6, 1, 2.5])('gives back beta %s in every window over any market path', (beta) => {
    // Windows of 10 days every 10 days do not overlap, so the token can follow the model from
    // each window's own first day over a random-walk market.
    const m = walk(120, 7);
    const c: number[] = [];
    for (let start = 0; start < 120; start += 10) {
      const c0 = start === 0 ? 5e9 : (c[start - 1] ?? 5e9);
      const m0 = m[start] ?? 1;
      for (let i = start; i < start + 10; i++) c.push(c0 * (1 + beta * ((m[i] ?? 1) / m0 - 1)));
    }
    const s = captureSamples(daily(c), daily(m), 10, 10);
    expect(s.windows).toBe(12);
    for (const b of s.samples) expect(b).toBeCloseTo(beta, 9);
    const r = historyCaptures(daily(c), daily(m), 10, 10);
    expect(r.tooShort).toBeFalsy();
    if (!r.tooShort) {
      expect(r.captures.bear).toBeCloseTo(beta, 9);
      expect(r.captures.base).toBeCloseTo(beta, 9);
      expect(r.captures.moon).toBeCloseTo(beta, 9);
    }
  });

  it.each([
    [4, CAPTURE_RANGE.max],
    [-1, CAPTURE_RANGE.min],
  ])('clamps a fitted beta of %s to the capture range (%s)', (beta, expected) => {
    const m = walk(120, 11, 0.01);
    const c = m.map((mi) => 1e10 * Math.max(0.01, 1 + beta * (mi / (m[0] ?? 1) - 1)));
    const s = captureSamples(daily(c), daily(m), 120, 1);
    expect(s.samples).toEqual([expected]);
  });
});

describe('historyCaptures: noisy data', () => {
  it('gives ordered percentiles near the true capture, from the windows it says', () => {
    const m = walk(365, 3);
    const noise = rng(5);
    const c = m.map((mi) => 8e9 * (1 + 0.7 * (mi / (m[0] ?? 1) - 1)) * (1 + 0.04 * (noise() - 0.5)));
    const r = historyCaptures(daily(c), daily(m));
    if (r.tooShort) throw new Error('expected captures');
    expect(r.windows).toBe(Math.floor((365 - 90) / 7) + 1);
    expect(r.days).toBe(365);
    expect(r.windowDays).toBe(90);
    expect(r.captures.bear).toBeLessThan(r.captures.base);
    expect(r.captures.base).toBeLessThan(r.captures.moon);
    expect(r.captures.base).toBeGreaterThan(0.4);
    expect(r.captures.base).toBeLessThan(1);
    const s = captureSamples(daily(c), daily(m));
    expect(r.captures).toEqual({ bear: percentile(s.samples, 0.25), base: percentile(s.samples, 0.5), moon: percentile(s.samples, 0.75) });
  });

  it('skips windows where the market did not move', () => {
    const flat = Array.from({ length: 200 }, () => 3e12);
    const c = walk(200, 9).map((v) => v / 100);
    expect(captureSamples(daily(c), daily(flat)).windows).toBe(0);
    expect(historyCaptures(daily(c), daily(flat))).toMatchObject({ tooShort: true, days: 200, needed: 111, windows: 0, neededWindows: 4 });
  });
});

describe('aligning the two series by day', () => {
  const m = walk(220, 21);
  const c = m.map((v, i) => v * 0.01 * (1 + 0.2 * Math.sin(i / 9)));

  it('pairs a token read at 00:00 with a market read at 10:00 the same day, in any order', () => {
    const aligned = historyCaptures(daily(c), daily(m));
    const shifted = historyCaptures(daily(c).toReversed(), daily(m, 10));
    expect(shifted).toEqual(aligned);
  });

  it('uses only the days both have, and the first point of a day', () => {
    const tokenDays = daily(c).filter((_, i) => i % 13 !== 5);
    const marketDays = daily(m, 11).filter((_, i) => i % 17 !== 3);
    // A live chart ends with a "now" point after the day's 00:00 one: the 00:00 one counts.
    const withNow: CapPoint[] = [...tokenDays, [T0 + 219 * DAY + 15 * 3_600_000, 1]];
    const both = new Set(tokenDays.map(([t]) => Math.floor(t / DAY)).filter((d) => marketDays.some(([t]) => Math.floor(t / DAY) === d)));
    const keep = (p: CapPoint) => both.has(Math.floor(p[0] / DAY));
    const expected = captureSamples(tokenDays.filter(keep), daily(m).filter(keep));
    const got = captureSamples(withNow, marketDays);
    expect(got.days).toBe(both.size);
    expect(got.samples).toEqual(expected.samples);
    expect(got.samples.length).toBeGreaterThan(10);
  });

  it('ignores points that are not a finite time with a value above 0', () => {
    const dirty: CapPoint[] = [...daily(c), [Number.NaN, 5], [T0, -1], [T0 + DAY, 0], [T0 + 2 * DAY, Number.POSITIVE_INFINITY]];
    expect(captureSamples(dirty, daily(m))).toEqual(captureSamples(daily(c), daily(m)));
  });

  it('skips windows with too many missing days', () => {
    const gappy = daily(c).filter((_, i) => i < 60 || i >= 100);
    const full = captureSamples(daily(c), daily(m));
    const s = captureSamples(gappy, daily(m));
    expect(s.windows).toBeLessThan(full.windows);
    expect(s.windows).toBeGreaterThan(0);
  });
});

describe('too short', () => {
  const m = walk(200, 2);
  const c = m.map((v) => v / 50);

  it.each([
    [60, true],
    [110, true],
    [111, false],
  ])('with %s days of overlap: too short = %s (111 = 90 + 3 x 7 needed)', (days, short) => {
    const r = historyCaptures(daily(c.slice(0, days)), daily(m));
    expect(Boolean(r.tooShort)).toBe(short);
    if (r.tooShort) expect(r).toEqual({ tooShort: true, days, needed: 111, windows: expect.any(Number), neededWindows: 4, windowDays: 90 });
    else expect(r.windows).toBe(4);
  });

  it('reports no overlap at all as 0 days', () => {
    const later = daily(c).map(([t, v]): CapPoint => [t + 1000 * DAY, v]);
    expect(historyCaptures(later, daily(m))).toMatchObject({ tooShort: true, days: 0, needed: 111 });
    expect(captureSamples(later, daily(m))).toEqual({ samples: [], windows: 0, days: 0, from: 0, to: 0, windowDays: 90, stepDays: 7 });
  });
});

describe('percentile', () => {
  it.each<[number[], number, number]>([
    [[1, 2, 3, 4], 0.5, 2.5],
    [[4, 1, 3, 2], 0.25, 1.75],
    [[1, 2, 3, 4], 0.75, 3.25],
    [[7], 0.25, 7],
    [[1, 9], 1, 9],
    [[1, 9], 0, 1],
  ])('of %j at %s is %s', (values, p, expected) => {
    expect(percentile(values, p)).toBeCloseTo(expected, 12);
  });

  it('is NaN for no values', () => {
    expect(percentile([], 0.5)).toBeNaN();
  });
});

/** Up to 160 daily values. */
const seriesArb = (value: fc.Arbitrary<number>) => fc.array(value, { minLength: 0, maxLength: 160, size: 'max' });

describe('properties', () => {
  // The share of runs that must reach captures (not "too short"): the property means little otherwise.
  // Any double overflows many windows (1e300 / 1e-300), which are then skipped.
  const shapes = [
    ['realistic', logDouble(1e3, 1e14), 0.3],
    ['any positive double', fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true }), 0.05],
  ] as const;

  it.each(shapes)('never gives NaN, and always ordered captures within 0..3 (%s values)', (_, value, minFound) => {
    let found = 0;
    fc.assert(
      fc.property(
        seriesArb(value),
        seriesArb(value),
        fc.integer({ min: 2, max: 40 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: -20, max: 20 }),
        (token, market, windowDays, stepDays, shift) => {
          const t = daily(token);
          const mk = daily(market).map(([ts, v]): CapPoint => [ts + shift * DAY, v]);
          const s = captureSamples(t, mk, windowDays, stepDays);
          expect(s.samples).toHaveLength(s.windows);
          for (const b of s.samples) {
            expect(b).toBeGreaterThanOrEqual(CAPTURE_RANGE.min);
            expect(b).toBeLessThanOrEqual(CAPTURE_RANGE.max);
          }
          expect(Number.isFinite(s.from) && Number.isFinite(s.to)).toBe(true);
          const r = historyCaptures(t, mk, windowDays, stepDays);
          if (r.tooShort) {
            expect(Number.isInteger(r.days) && r.days >= 0).toBe(true);
            expect(r.needed).toBe(windowDays + 3 * stepDays);
            return;
          }
          const { bear, base, moon } = r.captures;
          for (const x of [bear, base, moon]) expect(Number.isFinite(x)).toBe(true);
          expect(CAPTURE_RANGE.min).toBeLessThanOrEqual(bear);
          expect(bear).toBeLessThanOrEqual(base);
          expect(base).toBeLessThanOrEqual(moon);
          expect(moon).toBeLessThanOrEqual(CAPTURE_RANGE.max);
          expect(r.windows).toBeGreaterThanOrEqual(4);
          found += 1;
        },
      ),
      { numRuns },
    );
    expect(found).toBeGreaterThan(numRuns * minFound);
  });
});
