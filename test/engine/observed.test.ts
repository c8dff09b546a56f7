import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  capturePrior,
  crossSectionCapture,
  historyWindow,
  marketMoveQualifies,
  marketWindows,
  observedCaptureSet,
  pooledCapture,
  priorEvidence,
  shrunkCaptures,
  type CapPoint,
  type CaptureWindow,
} from '../../src/engine/index.ts';

const numRuns = Number(process.env.FUZZ_RUNS ?? 200);
const at = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);
/** A cross-section window from 2023-05-13 to 2026-01-09 with market move `move`. */
/** One window's capture when the market tripled. */
const tripledCapture = (from: number, to: number): number => crossSectionCapture(from, to, 3) ?? Number.NaN;
const win = (move: number, capture: number, from = '2023-05-13', to = '2026-01-09'): CaptureWindow => ({ from, to, marketMove: move, capture });

describe('one window', () => {
  it.each([
    // 100 -> 250 while the market doubled: (2.5 - 1) / (2 - 1) = 1.5
    [100, 250, 2, 1.5],
    // 200 -> 150 while the market halved: (0.75 - 1) / (0.5 - 1) = 0.5
    [200, 150, 0.5, 0.5],
    // 100 -> 20 while the market tripled: (0.2 - 1) / (3 - 1) = -0.4
    [100, 20, 3, -0.4],
  ])('cap %d -> %d with market x%d gives %d', (from, to, move, expected) => {
    expect(crossSectionCapture(from, to, move)).toBeCloseTo(expected, 12);
  });

  it('gives no observation for a token absent (or worthless) at either end, or a market that did not move', () => {
    expect(crossSectionCapture(Number.NaN, 100, 2)).toBeNull();
    expect(crossSectionCapture(0, 100, 2)).toBeNull();
    expect(crossSectionCapture(-100, 50, 2)).toBeNull();
    expect(crossSectionCapture(100, Number.NaN, 2)).toBeNull();
    expect(crossSectionCapture(100, 120, 1)).toBeNull();
  });

  it('counts a move of 1.5x either way as a window, and nothing smaller', () => {
    expect([1.5, 1 / 1.5, 2.7, 0.5].map(marketMoveQualifies)).toEqual([true, true, true, true]);
    expect([1.49, 0.7, 1, 0, Number.NaN].map(marketMoveQualifies)).toEqual([false, false, false, false, false]);
  });

  it('pairs every two dates whose market moved enough, earliest start first', () => {
    const windows = marketWindows([
      { date: '2026-01-09', total: 3.1e12 },
      { date: '2023-05-13', total: 1.1e12 },
      { date: '2024-11-17', total: 3.0e12 },
      { date: '2025-02-09', total: 3.15e12 },
    ]);
    expect(windows.map((w) => `${w.from}>${w.to}`)).toEqual(['2023-05-13>2024-11-17', '2023-05-13>2025-02-09', '2023-05-13>2026-01-09']);
    expect(windows[0]?.marketMove).toBeCloseTo(3 / 1.1, 12);
    // A fall to 1.9/3 = 0.633 qualifies, one to 2.1/3 = 0.7 does not.
    expect(
      marketWindows([
        { date: 'a', total: 3 },
        { date: 'b', total: 1.9 },
      ]),
    ).toHaveLength(1);
    expect(
      marketWindows([
        { date: 'a', total: 3 },
        { date: 'b', total: 2.1 },
      ]),
    ).toHaveLength(0);
  });
});

describe('the history window', () => {
  // Market 100 -> 150 -> 200 (x = 0.5, 1), token 10 -> 14 -> 21 (y = 0.4, 1.1):
  // beta = (0.5 * 0.4 + 1 * 1.1) / (0.25 + 1) = 1.3 / 1.25 = 1.04.
  const market: CapPoint[] = [
    [at('2025-09-17'), 100],
    [at('2025-09-18'), 150],
    [at('2025-09-19'), 200],
    [at('2025-09-20'), 210],
  ];
  const token: CapPoint[] = [
    [at('2025-09-19'), 21],
    [at('2025-09-17'), 10],
    [at('2025-09-18'), 14],
  ];

  it('fits through the origin over the shared days and measures the market end to end', () => {
    const w = historyWindow(token, market);
    expect(w).not.toBeNull();
    expect(w?.from).toBe('2025-09-17');
    expect(w?.to).toBe('2025-09-19');
    expect(w?.marketMove).toBeCloseTo(2, 12);
    expect(w?.capture).toBeCloseTo(1.04, 12);
  });

  it('gives no window when the market moved less than 1.5x end to end, or the series share one day', () => {
    expect(
      historyWindow(
        token,
        market.map(([t, v]) => [t, v === 200 ? 140 : Math.min(v, 140)] as const),
      ),
    ).toBeNull();
    expect(historyWindow(token.slice(0, 1), market)).toBeNull();
  });
});

describe("pooling a token's windows", () => {
  it('treats windows with one start as one period and weighs periods by their largest squared move', () => {
    // Period 2023-05-13: x = 1 (y = 1.2) and x = 2 (y = 2 * 0.9 = 1.8): (1.2 + 3.6) / (1 + 4) = 0.96, X = 4.
    // Period 2025-09-17 (history): x = -0.5, capture 2, X = 0.25.
    // raw = (4 * 0.96 + 0.25 * 2) / 4.25 = 4.34 / 4.25
    const p = pooledCapture([win(2, 1.2, '2023-05-13', '2024-11-17'), win(3, 0.9), win(0.5, 2, '2025-09-17', '2026-07-08')]);
    expect(p?.periods).toBe(2);
    expect(p?.evidence).toBeCloseTo(4.25, 12);
    expect(p?.raw).toBeCloseTo(4.34 / 4.25, 12);
  });

  it('has nothing to pool without a window', () => {
    expect(pooledCapture([])).toBeNull();
    expect(pooledCapture([win(1, 0.5)])).toBeNull();
  });
});

describe('shrinkage toward the cross-section', () => {
  it('takes the median and 1.4826 x MAD as the prior', () => {
    // median 3; |r - 3| = 2, 1, 0, 1, 7 -> MAD 1
    expect(capturePrior([1, 2, 3, 4, 10])).toEqual({ mean: 3, spread: 1.4826 });
    // median 2.5; |r - 2.5| = 1.5, 0.5, 0.5, 1.5 -> MAD 1
    expect(capturePrior([4, 1, 3, 2, Number.NaN])).toEqual({ mean: 2.5, spread: 1.4826 });
  });

  it("gives one period of the reference size Blume's weight 2/3", () => {
    const x0 = priorEvidence(3);
    expect(x0).toBeCloseTo(2, 12);
    expect(shrunkCaptures({ raw: 1, evidence: 4 }, { mean: 0, spread: 0 }, x0).weight).toBeCloseTo(2 / 3, 12);
  });

  it('weighs the evidence, gives the posterior sd and keeps at least the default spread', () => {
    // k = 1 / (1 + 3) = 0.25; base = 0.5 + 0.25 * 1.5 = 0.875; sd = 0.4 * sqrt(0.75) = 0.34641
    // bear = min(0.875 - 0.23348, 0.875 * 2/3) = 0.58333; moon = max(0.875 + 0.23348, 0.875 * 4/3) = 1.16667
    const s = shrunkCaptures({ raw: 2, evidence: 1 }, { mean: 0.5, spread: 0.4 }, 3);
    expect(s.weight).toBeCloseTo(0.25, 12);
    expect(s.sd).toBeCloseTo(0.34641016, 7);
    expect(s.base).toBeCloseTo(0.875, 12);
    expect(s.bear).toBeCloseTo(0.875 * (2 / 3), 12);
    expect(s.moon).toBeCloseTo(0.875 * (4 / 3), 12);
    // A wide prior: sd = 2 * sqrt(0.75) = 1.73205, 0.674 sd = 1.16740: bear 0.875 - 1.1674 < 0 -> 0, moon 2.04240.
    const wide = shrunkCaptures({ raw: 2, evidence: 1 }, { mean: 0.5, spread: 2 }, 3);
    expect(wide.bear).toBe(0);
    expect(wide.moon).toBeCloseTo(2.0424, 4);
  });
});

describe('a set of tokens', () => {
  // Three tokens over one window where the market tripled (x = 2, X = 4):
  // fell: 100 -> 20, capture -0.4; tripled: 100 -> 300, capture 1; doubled: 100 -> 200, capture 0.5.
  // Prior: median 0.5; |r - 0.5| = 0.9, 0.5, 0 -> MAD 0.5, tau = 0.7413. X0 = 2^2 / 2 = 2, k = 4 / 6 = 2/3.
  // sd = 0.7413 * sqrt(1/3) = 0.42799, 0.674 sd = 0.28847.
  const set = observedCaptureSet(
    new Map([
      ['fell', [win(3, tripledCapture(100, 20))]],
      ['tripled', [win(3, tripledCapture(100, 300))]],
      ['doubled', [win(3, tripledCapture(100, 200))]],
      ['new', []],
    ]),
    3,
  );

  it('takes the prior from every token with evidence', () => {
    expect(set.prior.mean).toBeCloseTo(0.5, 12);
    expect(set.prior.spread).toBeCloseTo(0.7413, 12);
    expect(set.priorEvidence).toBeCloseTo(2, 12);
  });

  it('shrinks a token that fell while the market rose and clamps its cases at 0, in order', () => {
    // base = 0.5 + 2/3 * (-0.4 - 0.5) = -0.1 -> 0; bear = min(-0.1 - 0.28847, -0.0667) -> 0; moon = -0.1 + 0.28847 = 0.18847
    expect(set.captures.get('fell')).toEqual({
      bear: 0,
      base: 0,
      moon: 0.1885,
      raw: -0.4,
      weight: 0.6667,
      windows: [{ from: '2023-05-13', to: '2026-01-09', marketMove: 3, capture: -0.4 }],
    });
  });

  it('shrinks the others toward the median', () => {
    // tripled: base = 0.5 + 2/3 * 0.5 = 0.83333; bear = 0.83333 - 0.28847 = 0.54487; moon = 1.12180
    expect(set.captures.get('tripled')).toMatchObject({ bear: 0.5449, base: 0.8333, moon: 1.1218, raw: 1 });
    // doubled sits on the median: base 0.5, bear 0.21153, moon 0.78847
    expect(set.captures.get('doubled')).toMatchObject({ bear: 0.2115, base: 0.5, moon: 0.7885, raw: 0.5 });
  });

  it("gives no entry to a token that did not exist at any window's start", () => {
    expect(set.captures.has('new')).toBe(false);
    expect([...set.captures.keys()]).toEqual(['fell', 'tripled', 'doubled']);
  });
});

describe('observed capture properties', () => {
  const windowArb = fc.record({
    from: fc.constantFrom('2023-05-13', '2024-11-17', '2025-09-17'),
    to: fc.constant('2026-01-09'),
    marketMove: fc.oneof(fc.double({ min: 1.5, max: 20, noNaN: true }), fc.double({ min: 0.01, max: 1 / 1.5, noNaN: true })),
    capture: fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom(-1, 0, 3, 1e300, -1e300)),
  });

  it('always gives finite, ordered cases within 0..3', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(windowArb, { maxLength: 5 }), { minLength: 1, maxLength: 12 }),
        fc.double({ min: 0.01, max: 30, noNaN: true }),
        (tokens, reference) => {
          const set = observedCaptureSet(new Map(tokens.map((ws, i) => [`t${i}`, ws])), reference);
          for (const c of set.captures.values()) {
            expect([c.bear, c.base, c.moon, c.weight].every(Number.isFinite)).toBe(true);
            expect(0 <= c.bear && c.bear <= c.base && c.base <= c.moon && c.moon <= 3).toBe(true);
            expect(c.weight >= 0 && c.weight <= 1).toBe(true);
          }
        },
      ),
      { numRuns },
    );
  });
});
