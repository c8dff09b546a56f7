import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BEYOND_REACH, EngineInputError, requiredMarketSize, scenarioCell, screenBatch, tokenBatch } from '../../src/engine/index.ts';
import { captureArb, marketArb, realisticTokenArb } from './arbitraries.ts';

const numRuns = Number(process.env.FUZZ_RUNS ?? 200);

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

describe('screenBatch agrees with the single-token engine', () => {
  it('price, multiple and needs match scenarioCell and requiredMarketSize token by token', () => {
    fc.assert(
      fc.property(
        fc.array(realisticTokenArb, { minLength: 1, maxLength: 20 }),
        fc.double({ min: 0.5e12, max: 10e12, noNaN: true }),
        captureArb,
        marketArb,
        fc.double({ min: 0.1, max: 1000, noNaN: true }),
        fc.array(fc.double({ min: 1, max: 3, noNaN: true }), { minLength: 20, maxLength: 20 }),
        (tokens, m0, capture, m, x, dilution) => {
          const inputs = tokens.map((t, i) => ({ ...t, totalMarketCap: m0, horizonSupply: t.circulatingSupply * (dilution[i] ?? 1) }));
          const batch = tokenBatch(inputs, m0);
          const out = screenBatch(batch, capture, m, x);
          inputs.forEach((input, i) => {
            const cell = scenarioCell(input, capture, m);
            expect(close(out.price[i] ?? NaN, cell.price)).toBe(true);
            expect(close(out.multiple[i] ?? NaN, cell.multiple)).toBe(true);
            const needs = requiredMarketSize(input, capture, input.price * x);
            if (needs === null) expect(out.needs[i]).toBe(BEYOND_REACH);
            else expect(close(out.needs[i] ?? NaN, needs)).toBe(true);
          });
        },
      ),
      { numRuns },
    );
  });

  it('keeps refused tokens in place, flagged, and never returns NaN', () => {
    const batch = tokenBatch(
      [
        { price: 1, circulatingSupply: 1e9 },
        { price: Number.NaN, circulatingSupply: 1e9 },
        { price: 2, circulatingSupply: 0 },
        { price: 0.5, circulatingSupply: 1e9, horizonSupply: 1 },
      ],
      3e12,
    );
    expect([...batch.valid]).toEqual([1, 0, 0, 0]);
    const out = screenBatch(batch, 0.75, 16e12, 5);
    for (const arr of [out.price, out.multiple, out.needs]) for (const v of arr) expect(Number.isFinite(v)).toBe(true);
    expect(out.needs[1]).toBe(BEYOND_REACH);
  });

  it('reuses the output arrays it is given', () => {
    const batch = tokenBatch([{ price: 1, circulatingSupply: 1e9 }], 3e12);
    const first = screenBatch(batch, 0.5, 8e12, 2);
    const second = screenBatch(batch, 1, 16e12, 2, first);
    expect(second).toBe(first);
    expect(second.multiple[0]).toBeCloseTo(16 / 3, 12);
  });

  it('refuses bad scalars with the right field', () => {
    const batch = tokenBatch([{ price: 1, circulatingSupply: 1e9 }], 3e12);
    expect(() => screenBatch(batch, -1, 8e12, 2)).toThrow(expect.objectContaining({ field: 'capture' }));
    expect(() => screenBatch(batch, 0.5, Number.NaN, 2)).toThrow(expect.objectContaining({ field: 'marketSize' }));
    expect(() => screenBatch(batch, 0.5, 8e12, 0)).toThrow(expect.objectContaining({ field: 'targetMultiple' }));
    expect(() => tokenBatch([], 0)).toThrow(EngineInputError);
  });
});
