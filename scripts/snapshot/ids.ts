/**
 * Token identity: CoinGecko-style ids for CoinMarketCap coins, and pairing third-party rows
 * (Token Metrics grades, articles) with our tokens without letting a symbol collision through.
 */
import { normName, str, type Json } from './parse.ts';

/**
 * CoinMarketCap slug -> CoinGecko id where name and symbol alone do not find it (renamed coins,
 * ids that differ). Every target is in one of the two CoinGecko files (a test checks it).
 */
export const ID_OVERRIDES: Readonly<Record<string, string>> = {
  xrp: 'ripple',
  bnb: 'binancecoin',
  avalanche: 'avalanche-2',
  'unus-sed-leo': 'leo-token',
  'kucoin-token': 'kucoin-shares',
  gatetoken: 'gatechain-token',
  'bittorrent-new': 'bittorrent',
  sonic: 'sonic-3',
  'deepbook-protocol': 'deep',
  eigencloud: 'eigenlayer',
  synthetix: 'havven',
  mina: 'mina-protocol',
  'popcat-sol': 'popcat',
  drift: 'drift-protocol',
  'moo-deng-solana': 'moo-deng',
  xyo: 'xyo-network',
};

/** A CoinGecko coin as the market files know it; both files' names and symbols, since coins get renamed. */
export interface CgCoin {
  readonly id: string;
  readonly symbols: readonly string[];
  readonly names: readonly string[];
  /** Logo URL (https only), or null. */
  readonly image: string | null;
}

/**
 * Merges CoinGecko `/coins/markets` rows by id.
 * @param files row lists, newest first: the first https image seen for an id wins.
 */
export function cgCoins(...files: readonly (readonly Json[])[]): Map<string, CgCoin> {
  const coins = new Map<string, { symbols: Set<string>; names: Set<string>; image: string | null }>();
  for (const row of files.flat()) {
    const id = str(row['id']);
    if (!id) continue;
    const coin = coins.get(id) ?? { symbols: new Set<string>(), names: new Set<string>(), image: null };
    coin.symbols.add(str(row['symbol']).toUpperCase());
    coin.names.add(str(row['name']));
    const image = str(row['image']);
    if (coin.image === null && image.startsWith('https://')) coin.image = image;
    coins.set(id, coin);
  }
  return new Map([...coins].map(([id, c]) => [id, { id, symbols: [...c.symbols], names: [...c.names], image: c.image }]));
}

/**
 * The CoinGecko id of a CoinMarketCap coin: the explicit table first, then the one coin with the
 * same symbol and (normalized) name, then CMC's slug when it is a CoinGecko id with the same symbol.
 * @returns null when the CoinGecko files do not hold the coin, or hold several candidates.
 */
export function cgIdFor(cmc: { readonly slug: string; readonly symbol: string; readonly name: string }, cg: ReadonlyMap<string, CgCoin>): string | null {
  const override = ID_OVERRIDES[cmc.slug];
  if (override !== undefined) return cg.has(override) ? override : null;
  const symbol = cmc.symbol.toUpperCase();
  const name = normName(cmc.name);
  const hits = [...cg.values()].filter((c) => c.symbols.includes(symbol) && c.names.some((n) => normName(n) === name));
  if (hits.length === 1) return hits[0]?.id ?? null;
  const bySlug = cg.get(cmc.slug);
  return hits.length === 0 && bySlug?.symbols.includes(symbol) ? bySlug.id : null;
}

/**
 * Unique ids in listing order. CoinGecko ids claim theirs first (so a slug can never take a real
 * CoinGecko id from the coin it belongs to), then the rest take CMC's slug; a clash appends `-<cmcId>`.
 */
export function assignIds(wanted: readonly { readonly cgId: string | null; readonly slug: string; readonly cmcId: number }[]): string[] {
  const taken = new Set<string>();
  const ids: string[] = wanted.map(() => '');
  const claim = (i: number, id: string, cmcId: number) => {
    const free = taken.has(id) ? `${id}-${cmcId}` : id;
    taken.add(free);
    ids[i] = free;
  };
  wanted.forEach((w, i) => {
    if (w.cgId !== null && !taken.has(w.cgId)) claim(i, w.cgId, w.cmcId);
  });
  wanted.forEach((w, i) => {
    if (ids[i] === '') claim(i, w.slug, w.cmcId);
  });
  return ids;
}

/** What a token is called: its id, its symbol and every name a source knows it by. */
export interface TokenIdentity {
  readonly id: string;
  readonly symbol: string;
  readonly names: readonly string[];
  /** The day CoinMarketCap added it (YYYY-MM-DD): a grade dated before then belongs to another coin. */
  readonly listedSince: string;
}

/**
 * Pairs third-party rows with our tokens by symbol and exact (normalized) name.
 * A row that fits several tokens, or a token that several distinct rows (by `key`) fit, is dropped:
 * a symbol collision (three PEPEs) must not put one coin's grade on another.
 * @returns token id -> its row, in the order the tokens are given.
 */
export function matchRows<R>(
  tokens: readonly TokenIdentity[],
  rows: readonly R[],
  identify: (row: R) => { key: string; symbol: string; name: string },
): Map<string, R> {
  const index = new Map<string, Set<string>>();
  for (const t of tokens) {
    for (const n of t.names) {
      const k = `${t.symbol.toUpperCase()}|${normName(n)}`;
      index.set(k, (index.get(k) ?? new Set<string>()).add(t.id));
    }
  }
  const byToken = new Map<string, { keys: Set<string>; row: R }>();
  for (const row of rows) {
    const { key, symbol, name } = identify(row);
    const hits = index.get(`${symbol.toUpperCase()}|${normName(name)}`);
    const id = hits?.size === 1 ? [...hits][0] : undefined;
    if (id === undefined) continue;
    const seen = byToken.get(id);
    if (seen) seen.keys.add(key);
    else byToken.set(id, { keys: new Set([key]), row });
  }
  const out = new Map<string, R>();
  for (const t of tokens) {
    const m = byToken.get(t.id);
    if (m && m.keys.size === 1) out.set(t.id, m.row);
  }
  return out;
}
