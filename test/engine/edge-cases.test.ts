import { describe, expect, it } from 'vitest';
import {
  EngineInputError,
  calibrate,
  caseShare,
  customPrice,
  requiredMarketSize,
  requiredMarketSizeAtShare,
  scenarioCell,
  scenarioTable,
} from '../../src/engine/index.ts';
import { T, cardano, publishedCents, workedTiers } from './fixtures.ts';

const captures = { bear: 0.5, base: 0.75, moon: 1 };

/** Runs `fn`, expecting an EngineInputError, and returns its `field`. */
function refusedField(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(EngineInputError);
    return (error as EngineInputError).field;
  }
  throw new Error('expected the engine to refuse the input');
}

describe('invalid inputs are refused with the field that is wrong', () => {
  it.each([
    ['price', { ...cardano, price: 0 }],
    ['price', { ...cardano, price: -1 }],
    ['price', { ...cardano, price: Number.NaN }],
    ['price', { ...cardano, price: Number.POSITIVE_INFINITY }],
    ['price', { ...cardano, price: '0.6' as unknown as number }],
    ['circulatingSupply', { ...cardano, circulatingSupply: 0 }],
    ['circulatingSupply', { ...cardano, circulatingSupply: Number.NaN }],
    ['totalMarketCap', { ...cardano, totalMarketCap: 0 }],
    ['totalMarketCap', { ...cardano, totalMarketCap: -3e12 }],
    ['horizonSupply', { ...cardano, horizonSupply: 1e9 }],
    ['horizonSupply', { ...cardano, horizonSupply: Number.NaN }],
  ])('token %s: %o', (field, token) => {
    expect(refusedField(() => scenarioTable(token, captures, workedTiers))).toBe(field);
  });

  it.each([
    ['captures.bear', { ...captures, bear: -0.1 }],
    ['captures.base', { ...captures, base: Number.NaN }],
    ['captures.moon', { ...captures, moon: Number.POSITIVE_INFINITY }],
    ['captures.moon', { ...captures, moon: 1e6 }],
  ])('%s', (field, c) => {
    expect(refusedField(() => scenarioTable(cardano, c, workedTiers))).toBe(field);
  });

  it.each([
    ['tiers', []],
    ['tiers[1]', [8 * T, 0]],
    ['tiers[0]', [Number.NaN]],
    ['tiers[2]', [8 * T, 16 * T, -1]],
    ['tiers[0]', [1e30]],
  ])('%s: %o', (field, tiers) => {
    expect(refusedField(() => scenarioTable(cardano, captures, tiers))).toBe(field);
  });

  it('refuses a bad share, market size and target', () => {
    expect(refusedField(() => customPrice(cardano, 16 * T, 1.5))).toBe('share');
    expect(refusedField(() => customPrice(cardano, Number.NaN, 0.01))).toBe('marketSize');
    expect(refusedField(() => requiredMarketSize(cardano, 0.5, 0))).toBe('targetPrice');
    expect(refusedField(() => requiredMarketSize(cardano, -1, 1))).toBe('capture');
    expect(refusedField(() => requiredMarketSizeAtShare(cardano, 2, 1))).toBe('share');
    expect(refusedField(() => scenarioCell(cardano, 0.5, 0))).toBe('marketSize');
  });

  it('refuses calibration input it cannot fit', () => {
    expect(refusedField(() => calibrate(cardano, [cardano.totalMarketCap], { bear: [1], base: [1], moon: [1] }))).toBe('tiers');
    expect(refusedField(() => calibrate(cardano, workedTiers, { ...publishedCents, base: [1, 2] }))).toBe('published.base');
    expect(refusedField(() => calibrate(cardano, workedTiers, { ...publishedCents, moon: [1, 2, Number.NaN, 4] }))).toBe('published.moon[2]');
  });
});

describe('edge cases of the formulas', () => {
  it('capture 0 keeps the token market cap flat at every market size', () => {
    const [row] = scenarioTable(cardano, { bear: 0, base: 0, moon: 0 }, [100 * T]);
    expect(row?.bear.price).toBeCloseTo(cardano.price, 12);
    expect(row?.bear.multiple).toBeCloseTo(1, 12);
  });

  it("at today's market every case gives today's price", () => {
    const [row] = scenarioTable(cardano, { bear: 0.1, base: 1, moon: 3 }, [cardano.totalMarketCap]);
    for (const cell of [row?.bear, row?.base, row?.moon]) expect(cell?.price).toBeCloseTo(cardano.price, 12);
  });

  it('a capture above 1 in a shrinking market floors the price at 0, never below', () => {
    const cell = scenarioCell(cardano, 3, 1e9);
    expect(cell.price).toBe(0);
    expect(cell.marketCap).toBe(0);
    expect(cell.share).toBe(0);
  });

  it('the fully diluted view divides by the horizon supply', () => {
    const diluted = scenarioCell({ ...cardano, horizonSupply: 45e9 }, 0.75, 16 * T);
    const circulating = scenarioCell(cardano, 0.75, 16 * T);
    expect(diluted.price).toBeCloseTo((circulating.price * 36) / 45, 12);
  });

  it('custom price is market size x share / supply', () => {
    expect(customPrice(cardano, 16 * T, 0.005)).toBeCloseTo((16e12 * 0.005) / 36e9, 12);
    expect(customPrice(cardano, 16 * T, 0)).toBe(0);
  });

  it('the base-case share at a market size is the cell share', () => {
    expect(caseShare(cardano, 1, 16 * T)).toBeCloseTo((cardano.price * cardano.circulatingSupply) / cardano.totalMarketCap, 12);
  });

  it.each([
    ['a target the case never reaches at capture 0', 0, 1, null],
    ["today's price at capture 0 is reached at any size", 0, 0.645, 0],
    ['a target below the floor of the case is reached at any size', 0.5, 0.1, 0],
    ['a target past every market size', 1e-6, 1e6, null],
  ])('requiredMarketSize: %s', (_name, capture, target, expected) => {
    expect(requiredMarketSize(cardano, capture, target)).toBe(expected);
  });

  it("requiredMarketSize: the seed's $2 at 16T answer", () => {
    // The seed: "ADA could reach ... $2.20 in the 16T moon case". At beta 0.8025 $2.20 needs ~15.5T (the published "16T").
    const m = requiredMarketSize(cardano, 0.8025, 2.2);
    expect(m).not.toBeNull();
    expect((m ?? 0) / T).toBeCloseTo(15.5, 1);
  });

  it('requiredMarketSize below today means already within reach', () => {
    const m = requiredMarketSize(cardano, 0.5, 0.6);
    expect(m).not.toBeNull();
    expect(m ?? Infinity).toBeLessThan(cardano.totalMarketCap);
  });

  it('requiredMarketSizeAtShare is target x supply / share', () => {
    expect(requiredMarketSizeAtShare(cardano, 0.01, 10)).toBeCloseTo((10 * 36e9) / 0.01, 0);
    expect(requiredMarketSizeAtShare(cardano, 0, 10)).toBeNull();
  });

  it('calibration clamps a falling published table to capture 0', () => {
    const falling = { bear: [0.5, 0.4, 0.3, 0.2], base: [0.5, 0.4, 0.3, 0.2], moon: [0.5, 0.4, 0.3, 0.2] };
    expect(calibrate(cardano, workedTiers, falling).captures.bear).toBe(0);
  });
});
