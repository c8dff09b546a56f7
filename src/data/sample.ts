/**
 * A tiny in-code sample so the engine is visible before the embedded snapshot exists:
 * five tokens and the total market from the CoinMarketCap listing of 2026-01-09 17:18 UTC.
 */

export interface SampleToken {
  /** CoinGecko-style id, the one used in URLs. */
  readonly id: string;
  readonly name: string;
  readonly symbol: string;
  readonly rank: number;
  /** USD. */
  readonly price: number;
  /** Tokens. */
  readonly circulatingSupply: number;
  /** Tokens; null when the token has no maximum. */
  readonly maxSupply: number | null;
  /** Percent over 30 days. */
  readonly change30d: number | null;
}

export interface SampleData {
  readonly source: string;
  readonly asOf: string;
  /** USD. */
  readonly totalMarketCap: number;
  readonly tokens: readonly SampleToken[];
}

export const SAMPLE: SampleData = {
  source: 'CoinMarketCap listing (in-code sample)',
  asOf: '2026-01-09T17:18:00Z',
  totalMarketCap: 3107124772651.9556,
  tokens: [
    { id: 'bitcoin', name: 'Bitcoin', symbol: 'BTC', rank: 1, price: 91016.31591112762, circulatingSupply: 19973634, maxSupply: 21000000, change30d: -1.53765078 },
    { id: 'ripple', name: 'XRP', symbol: 'XRP', rank: 4, price: 2.1115540274271485, circulatingSupply: 60676393849, maxSupply: 100000000000, change30d: 1.92547554 },
    { id: 'tron', name: 'TRON', symbol: 'TRX', rank: 8, price: 0.29687742125384947, circulatingSupply: 94700540681.90256, maxSupply: null, change30d: 7.08509027 },
    { id: 'cardano', name: 'Cardano', symbol: 'ADA', rank: 10, price: 0.3971969338147948, circulatingSupply: 35951226975.06492, maxSupply: 45000000000, change30d: -14.44945726 },
    { id: 'shiba-inu', name: 'Shiba Inu', symbol: 'SHIB', rank: 24, price: 0.000008736837489831246, circulatingSupply: 589244029684438.4, maxSupply: 589552695333683, change30d: 1.71014951 },
  ],
};

/** The sample token with this id, or undefined. */
export function sampleToken(id: string): SampleToken | undefined {
  return SAMPLE.tokens.find((t) => t.id === id);
}
