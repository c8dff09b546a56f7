import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASES, EngineInputError, calibrate, customPrice, requiredMarketSize, scenarioCell, scenarioTable } from '../../src/engine/index.ts';
import { badNumberArb, captureArb, capturesArb, marketArb, realisticTokenArb, targetArb, tokenArb } from './arbitraries.ts';

// `npm run fuzz` raises this to 100,000; CI keeps the default.
const numRuns = Number(process.env.FUZZ_RUNS ?? 300);
const params = { numRuns };

function isFiniteCell(cell: { price: number; marketCap: number; share: number; multiple: number }): boolean {
  return [cell.price, cell.marketCap, cell.share, cell.multiple].every((n) => Number.isFinite(n) && n >= 0);
}

describe('scenario engine properties', () => {
  it('price rises with market size when capture > 0 (and stays flat at 0)', () => {
    fc.assert(
      fc.property(realisticTokenArb, captureArb, marketArb, marketArb, (token, capture, a, b) => {
        fc.pre(a !== b);
        const [lo, hi] = a < b ? [a, b] : [b, a];
        const pLo = scenarioCell(token, capture, lo).price;
        const pHi = scenarioCell(token, capture, hi).price;
        if (capture === 0) expect(pHi).toBe(pLo);
        else expect(pHi).toBeGreaterThanOrEqual(pLo);
        // Strictly above once the floor at 0 no longer binds and the rise is larger than double rounding.
        if (pLo > 0 && (capture * (hi - lo)) / token.totalMarketCap > 1e-9) expect(pHi).toBeGreaterThan(pLo);
      }),
      params,
    );
  });

  it("capture 1 keeps today's share at every market size", () => {
    fc.assert(
      fc.property(tokenArb, marketArb, (token, m) => {
        const cell = scenarioCell(token, 1, m);
        const shareToday = (token.price * token.circulatingSupply) / token.totalMarketCap;
        expect(Math.abs(cell.share - shareToday) / shareToday).toBeLessThan(1e-9);
      }),
      params,
    );
  });

  it('requiredMarketSize and scenarioTable agree: the table at the answer gives the target', () => {
    fc.assert(
      fc.property(
        realisticTokenArb,
        fc.double({ min: 0.01, max: 5, noNaN: true }),
        fc.double({ min: 0.2, max: 50, noNaN: true }),
        (token, capture, targetMultiple) => {
          const target = token.price * targetMultiple;
          const m = requiredMarketSize(token, capture, target);
          if (m === null) {
            // Beyond every market size the engine accepts: the largest still falls short.
            expect(scenarioCell(token, capture, 1e18).price).toBeLessThan(target);
            return;
          }
          if (m === 0) {
            expect(scenarioCell(token, capture, 1).price).toBeGreaterThanOrEqual(target * (1 - 1e-9));
            return;
          }
          fc.pre(m >= 1);
          const [row] = scenarioTable(token, { bear: capture, base: capture, moon: capture }, [m]);
          expect(Math.abs((row?.base.price ?? Number.NaN) - target) / target).toBeLessThan(1e-9);
        },
      ),
      params,
    );
  });

  it('every output is finite for any finite valid input', () => {
    fc.assert(
      fc.property(
        tokenArb,
        capturesArb,
        fc.array(marketArb, { minLength: 1, maxLength: 8 }),
        targetArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (token, captures, tiers, target, share) => {
          for (const row of scenarioTable(token, captures, tiers)) {
            expect(Number.isFinite(row.tier)).toBe(true);
            for (const c of CASES) expect(isFiniteCell(row[c])).toBe(true);
          }
          const m = requiredMarketSize(token, captures.base, target);
          expect(m === null || (Number.isFinite(m) && m >= 0)).toBe(true);
          const p = customPrice(token, tiers[0] ?? 1e12, share);
          expect(Number.isFinite(p) && p >= 0).toBe(true);
        },
      ),
      params,
    );
  });

  it('calibrating an exact table gives its captures back', () => {
    fc.assert(
      fc.property(
        realisticTokenArb,
        fc.record({
          bear: fc.double({ min: 0, max: 2, noNaN: true }),
          base: fc.double({ min: 0, max: 2, noNaN: true }),
          moon: fc.double({ min: 0, max: 2, noNaN: true }),
        }),
        (token, captures) => {
          const tiers = [8e12, 16e12, 23e12, 31e12].map((t) => Math.max(t, token.totalMarketCap * 1.5));
          fc.pre(new Set(tiers).size > 1 || tiers[0] !== token.totalMarketCap);
          const table = scenarioTable(token, captures, tiers);
          const published = {
            bear: table.map((r) => r.bear.price),
            base: table.map((r) => r.base.price),
            moon: table.map((r) => r.moon.price),
          };
          const fit = calibrate(token, tiers, published);
          for (const c of CASES) expect(Math.abs(fit.captures[c] - captures[c])).toBeLessThan(1e-6);
          expect(Number.isFinite(fit.maxResidual)).toBe(true);
        },
      ),
      params,
    );
  });
});

describe('every invalid input is refused with the right field', () => {
  const fields = ['price', 'circulatingSupply', 'totalMarketCap'] as const;

  it('token fields', () => {
    fc.assert(
      fc.property(realisticTokenArb, fc.constantFrom(...fields), badNumberArb, (token, field, bad) => {
        const broken = { ...token, [field]: bad };
        try {
          scenarioTable(broken, { bear: 0.5, base: 0.75, moon: 1 }, [16e12]);
        } catch (error) {
          expect(error).toBeInstanceOf(EngineInputError);
          expect((error as EngineInputError).field).toBe(field);
          return;
        }
        throw new Error(`accepted ${field}=${String(bad)}`);
      }),
      params,
    );
  });

  it('captures and tiers', () => {
    fc.assert(
      fc.property(realisticTokenArb, fc.constantFrom(...CASES), badNumberArb, fc.nat({ max: 3 }), (token, c, bad, tierIndex) => {
        const badCapture = typeof bad === 'number' && bad === 0 ? Number.NaN : bad; // 0 is a valid capture
        const captures = { bear: 0.5, base: 0.75, moon: 1, [c]: badCapture };
        expect(() => scenarioTable(token, captures, [16e12])).toThrow(expect.objectContaining({ field: `captures.${c}` }));
        const tiers = [8e12, 16e12, 23e12, 31e12];
        tiers[tierIndex] = bad;
        expect(() => scenarioTable(token, { bear: 0.5, base: 0.75, moon: 1 }, tiers)).toThrow(expect.objectContaining({ field: `tiers[${tierIndex}]` }));
      }),
      params,
    );
  });
});
