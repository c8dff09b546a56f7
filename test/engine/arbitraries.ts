import fc from 'fast-check';
import { LIMITS } from '../../src/engine/index.ts';

/** A double spread evenly over the orders of magnitude between min and max (both > 0). */
export function logDouble(min: number, max: number): fc.Arbitrary<number> {
  const lo = Math.log10(min);
  const hi = Math.log10(max);
  return fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true }).map((e) => Math.min(max, Math.max(min, 10 ** e)));
}

export const priceArb = logDouble(LIMITS.price.min, LIMITS.price.max);
export const supplyArb = logDouble(LIMITS.supply.min, LIMITS.supply.max);
export const marketArb = logDouble(LIMITS.marketSize.min, LIMITS.marketSize.max);
export const captureArb = fc.double({ min: LIMITS.capture.min, max: LIMITS.capture.max, noNaN: true });
export const targetArb = logDouble(LIMITS.targetPrice.min, LIMITS.targetPrice.max);

/** Any valid token, with a horizon supply at or above the circulating supply half the time. */
export const tokenArb = fc
  .record({
    price: priceArb,
    circulatingSupply: supplyArb,
    totalMarketCap: marketArb,
    dilution: fc.option(fc.double({ min: 1, max: 1000, noNaN: true }), { nil: undefined }),
  })
  .map(({ dilution, ...token }) =>
    dilution === undefined ? token : { ...token, horizonSupply: Math.min(LIMITS.supply.max, token.circulatingSupply * dilution) },
  );

/** A realistic token: today's market between 0.5T and 10T, a market cap under it. */
export const realisticTokenArb = fc
  .record({
    totalMarketCap: logDouble(0.5e12, 10e12),
    shareToday: logDouble(1e-9, 0.6),
    price: logDouble(1e-10, 2e5),
  })
  .map(({ totalMarketCap, shareToday, price }) => ({
    price,
    totalMarketCap,
    circulatingSupply: (totalMarketCap * shareToday) / price,
  }));

export const capturesArb = fc.record({ bear: captureArb, base: captureArb, moon: captureArb });

/** Anything that is not a valid finite number for the engine. */
export const badNumberArb = fc.oneof(
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, -1, -1e-300),
  fc.double({ max: -Number.MIN_VALUE, noNaN: true }),
  fc.constantFrom('1' as unknown as number, null as unknown as number, undefined as unknown as number, {} as unknown as number),
);
