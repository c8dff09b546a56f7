import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAmount, parseAmount } from '../../src/lib/amount.ts';

describe('parseAmount', () => {
  it.each([
    ['1500', 1500],
    ['1,500', 1500],
    ['1,234,567.89', 1234567.89],
    ['1 500', 1500],
    ['1.5k', 1500],
    ['1.5K', 1500],
    ['2.5M', 2.5e6],
    ['3B', 3e9],
    ['2e6', 2e6],
    ['2E-3', 0.002],
    ['.5', 0.5],
    ['0', 0],
    ['+7', 7],
    ['  42  ', 42],
  ])('reads %s as %d', (text, value) => {
    expect(parseAmount(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['-5', /cannot be negative \("-5"\)/],
    ['−5', /cannot be negative/],
    ['abc', /"abc" is not an amount: use a number such as 1500, 1,500, 1.5k or 2e6/],
    ['', /An amount is needed/],
    ['1,5', /"1,5" is not an amount/],
    ['1.2.3', /not an amount/],
    ['5x', /unknown unit "x"/],
    ['1e30', /largest amount/],
    ['NaN', /not an amount/],
    ['Infinity', /not an amount/],
  ])('refuses %s with a message', (text, message) => {
    const r = parseAmount(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });

  it('never returns NaN or a negative number, whatever the text (property)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const r = parseAmount(text);
        if (r.ok) expect(Number.isFinite(r.value) && r.value >= 0).toBe(true);
        else expect(r.error.length).toBeGreaterThan(0);
      }),
    );
  });

  it('reads back what formatAmount writes (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e24, noNaN: true }), (value) => {
        const r = parseAmount(formatAmount(value));
        expect(r.ok).toBe(true);
        if (r.ok) expect(Math.abs(r.value - value)).toBeLessThanOrEqual(Math.max(1e-8, value * 1e-9));
      }),
    );
  });
});
