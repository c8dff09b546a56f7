import { LIMITS, type TokenInput } from '../engine/index.ts';
import type { Market, Token } from './types.ts';

export type Horizon = 'circ' | 'max';

const within = (value: number | null, range: { readonly min: number; readonly max: number }): boolean =>
  value === null || (value >= range.min && value <= range.max);

/**
 * Whether a provider's token fits the engine's limits (`LIMITS`: price, supplies, market cap). A row
 * that does not (a price of 1e308) is dropped at the edge and counted like any invalid row, so no view
 * ever meets a token the engine would refuse.
 */
export function withinEngineLimits(token: Pick<Token, 'price' | 'marketCap' | 'circulatingSupply' | 'totalSupply' | 'maxSupply'>): boolean {
  return (
    within(token.price, LIMITS.price) &&
    within(token.marketCap, { min: 0, max: LIMITS.marketSize.max }) &&
    within(token.circulatingSupply, LIMITS.supply) &&
    within(token.totalSupply, LIMITS.supply) &&
    within(token.maxSupply, LIMITS.supply)
  );
}

export type EngineInputResult =
  | { readonly ok: true; readonly input: TokenInput; readonly note: string | null }
  | { readonly ok: false; readonly reason: string };

/**
 * The engine's input for a token: today's price, circulating supply (or market cap / price when the
 * source gives no supply), today's total market, and for `max` the maximum supply (else the total
 * supply, said in `note`). Never invents a number: without a supply there is no scenario.
 */
export function engineInputFor(token: Token, market: Market, horizon: Horizon): EngineInputResult {
  const supply = token.circulatingSupply ?? (token.marketCap !== null ? token.marketCap / token.price : null);
  if (supply === null || !(supply > 0)) {
    return { ok: false, reason: `${token.name} has no circulating supply or market cap in this data, so no scenario can be computed.` };
  }
  const base = { price: token.price, circulatingSupply: supply, totalMarketCap: market.totalMarketCap };
  if (horizon === 'circ') return { ok: true, input: base, note: null };
  const cap = token.maxSupply ?? token.totalSupply;
  if (cap === null || cap <= supply) {
    return { ok: true, input: base, note: `${token.name} has no known supply beyond the circulating one: fully diluted equals circulating.` };
  }
  return {
    ok: true,
    input: { ...base, horizonSupply: cap },
    note: token.maxSupply === null ? 'No maximum supply is known: the fully diluted view uses the total supply.' : null,
  };
}
