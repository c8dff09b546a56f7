import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CASES,
  DEFAULT_CAPTURES,
  EngineInputError,
  LIMITS,
  TARGET_VALUE_RANGE,
  portfolioContributions,
  portfolioTable,
  portfolioTarget,
  portfolioToday,
  portfolioValue,
  scenarioCell,
  type PortfolioLine,
} from '../../src/engine/index.ts';
import { capturesArb, logDouble, realisticTokenArb } from './arbitraries.ts';
import { T, cardano, workedCaptures } from './fixtures.ts';

const numRuns = Number(process.env.FUZZ_RUNS ?? 300);
const params = { numRuns };

const close = (actual: number, expected: number, rel = 1e-9): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.max(Math.abs(expected), 1e-300));
};

/** Relative error of `actual` against `expected` (absolute when the expected value is 0). */
const relErr = (actual: number, expected: number): number => Math.abs(actual - expected) / Math.max(Math.abs(expected), 1);

const amountArb = logDouble(1e-6, 1e12);
const scenarioLineArb = fc
  .record({ token: realisticTokenArb, captures: capturesArb, amount: amountArb })
  .map((l): PortfolioLine => ({ kind: 'scenario', ...l }));
const peggedLineArb = fc.record({ price: logDouble(0.5, 5000), amount: amountArb }).map((l): PortfolioLine => ({ kind: 'pegged', ...l }));
const linesArb = fc.array(fc.oneof({ arbitrary: scenarioLineArb, weight: 4 }, { arbitrary: peggedLineArb, weight: 1 }), { minLength: 1, maxLength: 8 });
const caseArb = fc.constantFrom(...CASES);
const tierArb = logDouble(1e9, 1e15);

/** The value the long way: every line through the single-token engine. */
function byHand(lines: readonly PortfolioLine[], c: (typeof CASES)[number], m: number): number {
  return lines.reduce((sum, l) => sum + l.amount * (l.kind === 'pegged' ? l.price : scenarioCell(l.token, l.captures[c], m).price), 0);
}

const ada: PortfolioLine = { kind: 'scenario', token: cardano, captures: workedCaptures, amount: 1000 };
const usdt: PortfolioLine = { kind: 'pegged', price: 1, amount: 500 };

describe('portfolio value', () => {
  it.each([
    {
      name: '1,000 ADA at 15.5T base',
      lines: [ada],
      c: 'base' as const,
      m: 15.5 * T,
      value: 1000 * scenarioCell(cardano, workedCaptures.base, 15.5 * T).price,
    },
    { name: '500 USDT stays $500 at any size', lines: [usdt], c: 'moon' as const, m: 31 * T, value: 500 },
    {
      name: 'both add up',
      lines: [ada, usdt],
      c: 'bear' as const,
      m: 7.75 * T,
      value: 1000 * scenarioCell(cardano, workedCaptures.bear, 7.75 * T).price + 500,
    },
    { name: 'no holdings are worth $0', lines: [], c: 'base' as const, m: 16 * T, value: 0 },
    { name: 'an amount of 0 adds nothing', lines: [{ ...ada, amount: 0 }], c: 'base' as const, m: 16 * T, value: 0 },
  ])('$name', ({ lines, c, m, value }) => {
    expect(relErr(portfolioValue(lines, c, m), value)).toBeLessThan(1e-12);
  });

  it("today's value is each amount at today's price (pegged at its peg)", () => {
    expect(relErr(portfolioToday([ada, usdt]), 1000 * cardano.price + 500)).toBeLessThan(1e-12);
    expect(relErr(portfolioToday([{ ...usdt, today: 0.998 }]), 499)).toBeLessThan(1e-12);
  });

  it('equals the sum of the engine prices times the amounts, at every tier and case (property)', () => {
    fc.assert(
      fc.property(linesArb, fc.array(tierArb, { minLength: 1, maxLength: 5 }), (lines, tiers) => {
        const table = portfolioTable(lines, tiers);
        const today = portfolioToday(lines);
        table.forEach((row, i) => {
          expect(row.tier).toBe(tiers[i]);
          for (const c of CASES) {
            const expected = byHand(lines, c, row.tier);
            close(row[c].value, expected);
            close(portfolioValue(lines, c, row.tier), expected);
            const parts = portfolioContributions(lines, c, row.tier);
            close(
              parts.reduce((a, b) => a + b, 0),
              expected,
            );
            if (row[c].multiple !== null) close(row[c].multiple * today, expected);
          }
        });
      }),
      params,
    );
  });

  it('refuses a negative, NaN or huge amount and names the line', () => {
    for (const amount of [-1, Number.NaN, Number.POSITIVE_INFINITY, 1e30]) {
      expect(() => portfolioValue([usdt, { ...ada, amount }], 'base', 16 * T)).toThrow(/lines\[1\]\.amount/);
    }
    expect(() => portfolioValue([ada], 'base', 0)).toThrow(EngineInputError);
  });
});

describe('portfolio target value', () => {
  it.each([
    { name: 'pegged only: flat, never', lines: [usdt], target: 1000, answer: { reach: 'never', why: 'flat' } },
    { name: 'pegged only: already worth it', lines: [usdt], target: 400, answer: { reach: 'always' } },
    { name: 'beyond the largest market', lines: [{ ...ada, amount: 1 }], target: 1e14, answer: { reach: 'never', why: 'beyond' } },
  ])('$name', ({ lines, target, answer }) => {
    expect(portfolioTarget(lines, 'base', target)).toEqual(answer);
  });

  it('capture 1 keeps the share: doubling the market doubles the value', () => {
    const line: PortfolioLine = { kind: 'scenario', token: cardano, captures: DEFAULT_CAPTURES, amount: 1000 };
    const today = portfolioToday([line]);
    const answer = portfolioTarget([line], 'moon', 2 * today);
    expect(answer.reach).toBe('at');
    if (answer.reach === 'at') close(answer.marketSize, 2 * cardano.totalMarketCap);
  });

  it('inverts the value: at the answer the portfolio is worth the target (property)', () => {
    fc.assert(
      fc.property(linesArb, caseArb, tierArb, (lines, c, m) => {
        const target = portfolioValue(lines, c, m);
        fc.pre(target >= TARGET_VALUE_RANGE.min);
        const answer = portfolioTarget(lines, c, target);
        if (answer.reach === 'always') {
          expect(portfolioValue(lines, c, LIMITS.marketSize.min)).toBeGreaterThanOrEqual(target * (1 - 1e-9));
          return;
        }
        expect(answer.reach).toBe('at');
        if (answer.reach !== 'at') return;
        // Worth the target there (past m only where the value is flat to rounding, so still the target).
        close(portfolioValue(lines, c, Math.max(LIMITS.marketSize.min, answer.marketSize)), target, 1e-6);
      }),
      params,
    );
  });

  it('a capture above 1 floors a line at 0 in a small market; the answer still inverts the value', () => {
    const steep: PortfolioLine = { kind: 'scenario', token: cardano, captures: { bear: 3, base: 3, moon: 3 }, amount: 1000 };
    const m = 10 * T;
    expect(portfolioValue([steep, usdt], 'base', cardano.totalMarketCap / 2)).toBe(500);
    const target = portfolioValue([steep, usdt], 'base', m);
    const answer = portfolioTarget([steep, usdt], 'base', target);
    expect(answer.reach).toBe('at');
    if (answer.reach === 'at') close(answer.marketSize, m, 1e-9);
  });

  it('refuses a target that is not a positive number', () => {
    expect(() => portfolioTarget([ada], 'base', 0)).toThrow(/target/);
    expect(() => portfolioTarget([ada], 'base', Number.NaN)).toThrow(/target/);
  });
});
