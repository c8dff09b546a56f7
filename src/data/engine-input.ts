import type { TokenInput } from '../engine/index.ts';
import type { Market, Token } from './types.ts';

export type Horizon = 'circ' | 'max';

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
