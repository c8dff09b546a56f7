import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TIERS,
  EngineInputError,
  MARKET_SIZE_RANGE,
  logScale,
  parseMarketSize,
  parsePrice,
  parseShare,
  sliderPosition,
  sliderStep,
  sliderValue,
  tierLabel,
} from '../../src/engine/index.ts';

const T = 1e12;

describe('tierLabel', () => {
  it.each([
    [8 * T, '8T'],
    [16 * T, '16T'],
    [23.25 * T, '23.3T'],
    [7.75 * T, '7.75T'],
    [15.5 * T, '15.5T'],
    [100 * T, '100T'],
    [0.5 * T, '500B'],
    [999.9e9, '1T'],
    [3.107e12, '3.11T'],
    [1.5e15, '1.5Q'],
    [2.5e6, '2.5M'],
    [0, '0'],
    [Number.NaN, ''],
    [-1, ''],
  ])('%d -> %s', (usd, label) => {
    expect(tierLabel(usd)).toBe(label);
  });
});

describe('parseMarketSize', () => {
  it.each([
    ['16T', 16 * T],
    ['12t', 12 * T],
    ['$16 trillion', 16 * T],
    ['500B', 0.5 * T],
    ['23.3T', 23.3 * T],
    ['1.6e13', 1.6e13],
    ['16,000,000,000,000', 16 * T],
    ['16', 16 * T],
    [' 2.5 tn ', 2.5 * T],
  ])('%s', (text, usd) => {
    expect(parseMarketSize(text)).toBeCloseTo(usd, -3);
  });

  it.each(['', 'abc', '16X', '-5T', 'NaN', 'Infinity', '1e400', '16T16', '<script>'])('refuses %j', (text) => {
    expect(() => parseMarketSize(text)).toThrow(EngineInputError);
  });
});

describe('parseShare and parsePrice', () => {
  it.each([
    ['0.5%', 0.005],
    ['2 %', 0.02],
    ['0.5', 0.005],
    ['100%', 1],
  ])('share %s', (text, value) => {
    expect(parseShare(text)).toBeCloseTo(value, 12);
  });

  it.each(['0%', '101%', '-1%', 'x', ''])('refuses share %j', (text) => {
    expect(() => parseShare(text)).toThrow(EngineInputError);
  });

  it.each([
    ['$1.53', 1.53],
    ['0.00001234', 0.00001234],
    ['1,234.5', 1234.5],
    ['2.5e-7', 2.5e-7],
  ])('price %s', (text, value) => {
    expect(parsePrice(text)).toBeCloseTo(value, 15);
  });

  it.each(['0', '-1', 'ten', '', '$'])('refuses price %j', (text) => {
    expect(() => parsePrice(text)).toThrow(EngineInputError);
  });
});

describe('log slider', () => {
  const scale = logScale(MARKET_SIZE_RANGE.min, MARKET_SIZE_RANGE.max, 200, DEFAULT_TIERS);

  it('maps the ends to the range', () => {
    expect(sliderValue(scale, 0)).toBe(MARKET_SIZE_RANGE.min);
    expect(sliderValue(scale, 200)).toBe(MARKET_SIZE_RANGE.max);
    expect(sliderPosition(scale, MARKET_SIZE_RANGE.max)).toBeCloseTo(200, 9);
  });

  it('clamps out-of-range and NaN positions and values', () => {
    expect(sliderValue(scale, -50)).toBe(MARKET_SIZE_RANGE.min);
    expect(sliderValue(scale, 1e9)).toBe(MARKET_SIZE_RANGE.max);
    expect(sliderValue(scale, Number.NaN)).toBe(MARKET_SIZE_RANGE.min);
    expect(sliderPosition(scale, 1e30)).toBeCloseTo(200, 9);
    expect(sliderPosition(scale, -1)).toBe(0);
  });

  it('snaps to every tier: each tier is reached exactly by some position', () => {
    for (const tier of DEFAULT_TIERS) {
      expect(sliderValue(scale, Math.round(sliderPosition(scale, tier)))).toBe(tier);
    }
  });

  it('steps move monotonically through every tier by keyboard', () => {
    let value = MARKET_SIZE_RANGE.min;
    const seen: number[] = [];
    for (let i = 0; i < 250 && value < MARKET_SIZE_RANGE.max; i++) {
      const next = sliderStep(scale, value, 1);
      expect(next).toBeGreaterThan(value);
      value = next;
      seen.push(value);
    }
    expect(value).toBe(MARKET_SIZE_RANGE.max);
    for (const tier of DEFAULT_TIERS) expect(seen).toContain(tier);
    expect(sliderStep(scale, 16 * T, -1)).toBeLessThan(16 * T);
    expect(sliderStep(scale, MARKET_SIZE_RANGE.min, -1)).toBe(MARKET_SIZE_RANGE.min);
  });

  it('reads values cleanly (three significant digits between snaps)', () => {
    const v = sliderValue(scale, 37);
    expect(Number(v.toPrecision(3))).toBe(v);
  });

  it('refuses a bad range', () => {
    expect(() => logScale(0, 1)).toThrow(EngineInputError);
    expect(() => logScale(5, 1)).toThrow(EngineInputError);
    expect(() => logScale(1, 5, 0)).toThrow(EngineInputError);
  });
});
