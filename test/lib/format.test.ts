import { describe, expect, it } from 'vitest';
import { NOT_AVAILABLE, formatAsOf, formatChange, formatMultiple, formatPrice, formatShare, formatUsdCompact } from '../../src/lib/format.ts';
import { formatAge, formatDated } from '../../src/lib/format.ts';

describe('formatPrice', () => {
  it.each([
    [64321.99, '$64,321.99'],
    [91016.31591112762, '$91,016.32'],
    [2.5, '$2.50'],
    [1, '$1.00'],
    [0.645, '$0.645'],
    [0.94, '$0.94'],
    [0.29687742125384947, '$0.2969'],
    [0.0123456, '$0.01235'],
    [0.001234, '$0.001234'],
    [0.000123, '$0.000123'],
    [0.000008736837489831246, '$0.0₅8737'],
    [0.000006288657578824537, '$0.0₅6289'],
    [1.23e-12, '$0.0₁₁123'],
    [0, '$0.00'],
    [2_500_000, '$2,500,000'],
  ])('%d -> %s', (price, text) => {
    expect(formatPrice(price)).toBe(text);
  });

  it('writes every digit when subscripts are off (chart axes)', () => {
    expect(formatPrice(0.0000123, { subscriptZeros: false })).toBe('$0.0000123');
  });

  it('never shows $0 for a positive price', () => {
    for (let e = -15; e < 0; e++) {
      const text = formatPrice(1.5 * 10 ** e);
      expect(text).not.toMatch(/^\$0(\.0+)?$/);
      expect(text).toMatch(/[1-9]/);
    }
  });

  it.each([null, undefined, Number.NaN, Number.POSITIVE_INFINITY])('%s is not available', (value) => {
    expect(formatPrice(value)).toBe(NOT_AVAILABLE);
  });
});

describe('formatUsdCompact', () => {
  it.each([
    [8e12, '$8T'],
    [23.4e12, '$23.4T'],
    [23.25e12, '$23.3T'],
    [1.234e9, '$1.23B'],
    [14279717121.375526, '$14.3B'],
    [3107124772651.9556, '$3.11T'],
  ])('%d -> %s', (usd, text) => {
    expect(formatUsdCompact(usd)).toBe(text);
  });

  it('says not available for unknown caps', () => {
    expect(formatUsdCompact(null)).toBe(NOT_AVAILABLE);
  });
});

describe('multiples, shares, changes, dates', () => {
  it.each([
    [1.4573, '1.46x'],
    [12.34, '12.3x'],
    [340.2, '340x'],
    [0.004, '<0.01x'],
    [2.5e7, '25Mx'],
  ])('multiple %d -> %s', (m, text) => {
    expect(formatMultiple(m)).toBe(text);
  });

  it.each([
    [0.0048, '0.48%'],
    [0.000012, '0.0012%'],
    [0.35, '35%'],
    [0.12345, '12.35%'],
  ])('share %d -> %s', (s, text) => {
    expect(formatShare(s)).toBe(text);
  });

  it.each([
    [7.08509027, '+7.09%'],
    [-14.44945726, '-14.45%'],
    [0.001, '0%'],
    [null, NOT_AVAILABLE],
  ])('change %s -> %s', (c, text) => {
    expect(formatChange(c)).toBe(text);
  });

  it('reads the date of an ISO timestamp', () => {
    expect(formatAsOf('2026-01-09T17:21:08.750Z')).toBe('2026-01-09');
    expect(formatAsOf('2025-11')).toBe('2025-11');
    expect(formatAsOf('')).toBe('date unknown');
    expect(formatAsOf('2025')).toBe('2025');
    expect(formatAsOf('nonsense')).toBe('date unknown');
  });
});

describe('prices under a dollar keep two decimals', () => {
  it.each([
    [0.5, '$0.50'],
    [0.2, '$0.20'],
    [0.999999, '$1.00'],
    [0.01, '$0.01'],
  ])('%d -> %s', (price, text) => {
    expect(formatPrice(price)).toBe(text);
  });
});

describe('formatAge and formatDated', () => {
  const now = Date.parse('2026-12-03T22:00:00Z');
  it.each([
    ['2026-12-03', ''],
    ['2026-12-02T23:00:00Z', ''],
    ['2026-11-20', '13 days old'],
    ['2026-01-09', '11 months old'],
    ['2025-04', '20 months old'],
    ['2023-05-13', '3 years old'],
    ['2027-01-01', ''],
    ['not a date', ''],
    [null, ''],
  ])('%s is %j', (iso, age) => {
    expect(formatAge(iso, now)).toBe(age);
  });

  it('writes the date with its age only when older than a day', () => {
    expect(formatDated('2026-01-09T12:00:00Z', now)).toBe('2026-01-09, 11 months old');
    expect(formatDated('2026-12-03', now)).toBe('2026-12-03');
  });
});
