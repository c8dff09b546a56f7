/**
 * Pegged and derivative assets: a stablecoin keeps its peg in every scenario, and a wrapped or
 * liquid-staking token follows the scenario price of what it wraps. Neither is a scenario asset of its
 * own. Tags both miss and over-include (CoinMarketCap's "stablecoin" also marks chain tokens built for
 * stablecoins), so every rule checks the price against the peg or the underlying as well.
 */
import type { Token } from './types.ts';

/** What a non-scenario asset holds to. */
export type Peg =
  /** Priced at `price` in every scenario: 1 for a USD stablecoin, today's price for a euro or gold token. */
  | { readonly kind: 'pegged'; readonly to: 'USD' | 'EUR' | 'gold'; readonly price: number; readonly label: string }
  /** Moves with `underlying` (a token id of the same dataset): its multiple is the underlying's. */
  | { readonly kind: 'tracks'; readonly underlying: string; readonly underlyingName: string; readonly label: string };

type Classified = Pick<Token, 'id' | 'name' | 'symbol' | 'price' | 'categories'>;

/** How far (fraction) a USD stablecoin may trade from $1 and still count as holding its peg. */
const USD_TOLERANCE = 0.03;
/** A derivative's price over its underlying's: staked tokens accrue (wstETH is about 1.2x ETH). */
const TRACK_RATIO = { min: 0.7, max: 1.6 } as const;

const USD_TAGS = new Set(['stablecoin', 'usd-stablecoin', 'fiat-stablecoin', 'asset-backed-stablecoin', 'algorithmic-stablecoin']);
/** Dollar tokens that pay a yield: their price drifts above $1, so they keep today's price instead. */
const YIELD_DOLLARS = new Set(['USDY', 'SUSDE', 'SUSDS', 'SDAI', 'USYC', 'BUIDL', 'OUSG', 'SFRXUSD', 'SUSDA']);
/** Dollar stablecoins whose symbol and name do not say USD (and CoinGecko's live rows carry no tags). */
const USD_SYMBOLS = new Set(['DAI', 'GHO', 'FRAX', 'LUSD', 'BUSD', 'TUSD', 'GUSD', 'USDS', 'MIM', 'DOLA', 'U']);
const GOLD_SYMBOLS = new Set(['XAUT', 'PAXG', 'XAUM', 'KAU']);
/** Ids the rules would misread (a tag on a chain or lending token priced near a peg by chance). */
const NOT_PEGGED = new Set(['plasma', 'stable', 'venus-busd']);
/**
 * Derivatives the name and symbol rules miss, by CoinGecko id -> underlying id (checked against the
 * underlying's price like the rest).
 */
const TRACKS_OVERRIDE: Readonly<Record<string, string>> = {
  'staked-ether': 'ethereum',
  'wrapped-steth': 'ethereum',
  'rocket-pool-eth': 'ethereum',
  'mantle-staked-ether': 'ethereum',
  'frax-ether': 'ethereum',
  'lombard-staked-btc': 'bitcoin',
  'solv-btc': 'bitcoin',
  tbtc: 'bitcoin',
  msol: 'solana',
  'jito-staked-sol': 'solana',
  'jupiter-staked-sol': 'solana',
};
/** Words that mark a wrapped, bridged or staked token's name. */
const DERIVATIVE_NAME = /\b(wrapped|bridged|staked|restaked|liquid staking|binance-peg|peg)\b/i;
/** Prefixes of derivative symbols: WBTC, stETH, wstETH, cbBTC, rETH, weETH, mSOL, jitoSOL, bnSOL, LBTC. */
const DERIVATIVE_SYMBOL = /^(w|st|wst|cb|r|we|e|m|jito|bn|jup|l|solv|t|s|os|sw|ez|rs|k|b|lst|sav)(.+)$/i;

const pegged = (to: 'USD' | 'EUR' | 'gold', price: number, label: string): Peg => ({ kind: 'pegged', to, price, label });

/** The fiat or gold peg of one token, or null. Needs no other token. */
function fiatPeg(t: Classified): Peg | null {
  if (NOT_PEGGED.has(t.id)) return null;
  const symbol = t.symbol.toUpperCase();
  const tags = t.categories;
  if (GOLD_SYMBOLS.has(symbol) || tags.includes('tokenized-gold')) return pegged('gold', t.price, 'pegged to gold');
  if (YIELD_DOLLARS.has(symbol)) return pegged('USD', t.price, 'a yield-bearing dollar token: kept at today’s price');
  const euroish = tags.includes('eur-stablecoin') || /EUR/.test(symbol) || /\beur[oa]?\b/i.test(t.name);
  const stableTagged = tags.some((c) => USD_TAGS.has(c) || c === 'eur-stablecoin');
  if (euroish && (stableTagged || /EUR/.test(symbol)) && t.price >= 0.95 && t.price <= 1.4) return pegged('EUR', t.price, 'pegged to EUR');
  const dollarish = stableTagged || USD_SYMBOLS.has(symbol) || /USD/.test(symbol) || /\bUSD\b|dollar/i.test(t.name);
  if (dollarish && Math.abs(t.price - 1) <= USD_TOLERANCE) return pegged('USD', 1, 'pegged to USD');
  return null;
}

/**
 * Classifies every token of a list: stablecoins (by tag or name, and a price at the peg), gold tokens,
 * and wrapped or staked derivatives (by name or symbol, and a price within 0.7-1.6x the underlying's,
 * the largest token of the list with that symbol). Tokens that are neither are left out of the map.
 * @param tokens in rank order (the first token with a symbol is the one a derivative tracks)
 */
export function classifyPegs(tokens: readonly Classified[]): Map<string, Peg> {
  const bySymbol = new Map<string, Classified>();
  const byId = new Map<string, Classified>();
  for (const t of tokens) {
    byId.set(t.id, t);
    const key = t.symbol.toUpperCase();
    if (!bySymbol.has(key)) bySymbol.set(key, t);
  }
  const out = new Map<string, Peg>();
  for (const t of tokens) {
    const peg = fiatPeg(t) ?? trackedBy(t, bySymbol, byId);
    if (peg) out.set(t.id, peg);
  }
  // wstETH tracks stETH, which tracks Ethereum: point every derivative at the root it follows.
  for (const [id, peg] of out) {
    if (peg.kind !== 'tracks') continue;
    let root = peg;
    for (let hops = 0; hops < 4; hops++) {
      const next = out.get(root.underlying);
      if (next?.kind !== 'tracks' || next.underlying === id) break;
      root = next;
    }
    if (root !== peg) out.set(id, { ...root, label: `tracks ${root.underlyingName}` });
  }
  return out;
}

function tracks(t: Classified, u: Classified | undefined): Peg | null {
  if (!u || u.id === t.id) return null;
  const ratio = t.price / u.price;
  if (!(ratio >= TRACK_RATIO.min && ratio <= TRACK_RATIO.max)) return null;
  return { kind: 'tracks', underlying: u.id, underlyingName: u.name, label: `tracks ${u.name}` };
}

function trackedBy(t: Classified, bySymbol: ReadonlyMap<string, Classified>, byId: ReadonlyMap<string, Classified>): Peg | null {
  const override = TRACKS_OVERRIDE[t.id];
  if (override !== undefined) return tracks(t, byId.get(override));
  const symbol = t.symbol.toUpperCase();
  const inner = DERIVATIVE_SYMBOL.exec(symbol)?.[2];
  const fromSymbol = inner !== undefined && inner.length >= 3 ? tracks(t, bySymbol.get(inner)) : null;
  if (fromSymbol) return fromSymbol;
  if (!DERIVATIVE_NAME.test(t.name)) return null;
  // "Wrapped Bitcoin" -> Bitcoin; "Coinbase Wrapped BTC" -> BTC.
  const rest = t.name
    .replace(/.*\b(wrapped|bridged|staked|restaked|binance-peg|peg)\b\s*/i, '')
    .replace(/\s*\(.*\)$/, '')
    .trim();
  if (rest === '') return null;
  const named = [...byId.values()].find((u) => u.name.toLowerCase() === rest.toLowerCase()) ?? bySymbol.get(rest.toUpperCase());
  return tracks(t, named);
}
