import { describe, expect, it } from 'vitest';
import { CASES, calibrate, scenarioTable } from '../../src/engine/index.ts';
import { cardano, publishedCents, workedCaptures, workedTiers } from './fixtures.ts';

const cents = (usd: number): number => Math.round(usd * 100) / 100;

describe('the worked example of the model doc (Cardano)', () => {
  const table = scenarioTable(cardano, workedCaptures, workedTiers);

  it('gives one row per tier in the order given', () => {
    expect(table.map((row) => row.tier)).toEqual(workedTiers);
  });

  describe.each(CASES)('%s case', (c) => {
    it.each(workedTiers.map((tier, i) => [tier / 1e12, i] as const))('at %sT reproduces the published cell to the cent', (_t, i) => {
      const cell = table[i]?.[c];
      expect(cell).toBeDefined();
      expect(cents(cell?.price ?? NaN)).toBe(publishedCents[c][i]);
    });
  });

  it('fills market cap, share and multiple consistently', () => {
    const cell = table[1]?.base;
    expect(cell?.marketCap).toBeCloseTo((cell?.price ?? 0) * cardano.circulatingSupply, 0);
    expect(cell?.share).toBeCloseTo((cell?.marketCap ?? 0) / workedTiers[1]!, 12);
    expect(cell?.multiple).toBeCloseTo((cell?.price ?? 0) / cardano.price, 12);
  });

  it('calibrates the published (rounded) table back to the captures within 0.005 and half a cent', () => {
    const { captures, maxResidual } = calibrate(cardano, workedTiers, publishedCents);
    for (const c of CASES) expect(Math.abs(captures[c] - workedCaptures[c])).toBeLessThan(0.005);
    expect(maxResidual).toBeLessThan(0.005);
    expect(maxResidual).toBeGreaterThan(0); // the published cells are rounded, so the fit cannot be exact
  });

  it('calibrates an exact table back to the exact captures', () => {
    const published = {
      bear: table.map((row) => row.bear.price),
      base: table.map((row) => row.base.price),
      moon: table.map((row) => row.moon.price),
    };
    const { captures, maxResidual } = calibrate(cardano, workedTiers, published);
    for (const c of CASES) expect(captures[c]).toBeCloseTo(workedCaptures[c], 10);
    expect(maxResidual).toBeLessThan(1e-12);
  });
});
