// @vitest-environment node
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyPegs } from '../../src/data/pegs.ts';
import type { SnapshotToken } from '../../src/data/schemas/snapshot.ts';
import type { History } from '../../scripts/build-history.ts';
import {
  buildSnapshot,
  categoriesFromTags,
  CMC_SOURCE,
  DEFAULT_RAW_DIR,
  DEFAULT_SEEDS_DIR,
  serializeSnapshot,
  SNAPSHOT_FILE,
} from '../../scripts/build-snapshot.ts';
import { DERIVED_DIR, deriveFacts, readDerived, serializeDerived } from '../../scripts/snapshot/derived.ts';
import { isRefreshed } from '../../scripts/snapshot/refresh.ts';
import { assignIds, cgCoins, cgIdFor, ID_OVERRIDES, matchRows, type TokenIdentity } from '../../scripts/snapshot/ids.ts';
import { normName, parseCsv, toFiniteNumber, toPositiveOrNull } from '../../scripts/snapshot/parse.ts';
import { marketMeasure, observedCaptures, sectionFromCg, sectionFromTokens } from '../../scripts/snapshot/observed.ts';
import { fundamentalClass, parseSeed, seedTable } from '../../scripts/snapshot/seeds.ts';

const haveRaw = existsSync(DEFAULT_RAW_DIR) && existsSync(DEFAULT_SEEDS_DIR);
const missing = `the raw data is missing: expected ${DEFAULT_RAW_DIR} and ${DEFAULT_SEEDS_DIR} (../shared next to the project)`;

describe('the committed snapshot matches its sources', () => {
  it.runIf(!haveRaw && Boolean(process.env['CI']))('needs the raw files on CI', () => {
    expect.fail(`${missing}; CI cannot check that public/data/snapshot.json is up to date without them`);
  });

  const committed = readFileSync(SNAPSHOT_FILE, 'utf8').replace(/\r\n/g, '\n');
  // A snapshot refreshed from CoinGecko (`npm run snapshot:live`) has today's prices: the raw files cannot rebuild it.
  const refreshed = isRefreshed(JSON.parse(committed) as { market?: { source?: unknown } });

  it.skipIf(!haveRaw || refreshed)('rebuilds to exactly the committed public/data/snapshot.json (run `npm run snapshot`)', () => {
    const built = buildSnapshot(DEFAULT_RAW_DIR, DEFAULT_SEEDS_DIR);
    expect(built).toStrictEqual(JSON.parse(committed));
    expect(serializeSnapshot(built)).toBe(committed);
  });

  it.skipIf(!haveRaw)('rebuilds to exactly the committed data/derived files (run `npm run snapshot`)', () => {
    const facts = deriveFacts(buildSnapshot(DEFAULT_RAW_DIR, DEFAULT_SEEDS_DIR), CMC_SOURCE);
    const files = serializeDerived(facts);
    expect(files.map(({ file }) => ({ file, text: readFileSync(path.join(DERIVED_DIR, file), 'utf8').replace(/\r\n/g, '\n') }))).toEqual(files);
    expect(readDerived(DERIVED_DIR)).toStrictEqual(facts);
  });

  it.skipIf(!haveRaw)('points every id override at a coin in the CoinGecko files', () => {
    const json: unknown = JSON.parse(readFileSync(path.join(DEFAULT_RAW_DIR, 'cg-markets-250-2025-02/coins_markets_usd_250_2025-02-09.json'), 'utf8'));
    const csv = parseCsv(readFileSync(path.join(DEFAULT_RAW_DIR, 'cg-markets-250-2024-11-csv/coins_markets_usd_250_2024-11-17.csv'), 'utf8'));
    expect(csv).toHaveLength(250);
    const cg = cgCoins(Array.isArray(json) ? (json as Record<string, unknown>[]) : [], csv);
    expect(Object.values(ID_OVERRIDES).filter((id) => !cg.has(id))).toEqual([]);
  });

  it.skipIf(!haveRaw)('reads no facts from a seed that publishes neither a grade nor a table', () => {
    const texts = readdirSync(DEFAULT_SEEDS_DIR)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(path.join(DEFAULT_SEEDS_DIR, f), 'utf8'));
    const xrp = texts.find((t) => t.includes('Ripple (XRP) Price Prediction'));
    expect(xrp).toBeDefined();
    expect(parseSeed(xrp ?? '')).toBeNull();
  });
});

describe('id mapping', () => {
  const cg = cgCoins(
    [
      { id: 'ripple', symbol: 'xrp', name: 'XRP', image: 'https://img/xrp.png' },
      { id: 'binancecoin', symbol: 'bnb', name: 'BNB', image: 'https://img/bnb.png' },
      { id: 'cardano', symbol: 'ada', name: 'Cardano', image: 'https://img/ada.png' },
      { id: 'dogecoin', symbol: 'doge', name: 'Dogecoin', image: '' },
      { id: 'department-of-government-efficiency', symbol: 'doge', name: 'Department Of Government Efficiency' },
      { id: 'pepe', symbol: 'pepe', name: 'Pepe' },
      { id: 'pepe-2', symbol: 'pepe', name: 'Pepe' },
    ],
    [{ id: 'cardano', symbol: 'ada', name: 'Cardano', image: 'https://img/old-ada.png' }],
  );

  it('maps the known differences through the explicit table', () => {
    expect(ID_OVERRIDES['xrp']).toBe('ripple');
    expect(ID_OVERRIDES['bnb']).toBe('binancecoin');
    expect(ID_OVERRIDES['avalanche']).toBe('avalanche-2');
    expect(cgIdFor({ slug: 'xrp', symbol: 'XRP', name: 'XRP' }, cg)).toBe('ripple');
    expect(cgIdFor({ slug: 'bnb', symbol: 'BNB', name: 'BNB' }, cg)).toBe('binancecoin');
    // A table entry whose target is not in the files gives no id rather than a made-up one.
    expect(cgIdFor({ slug: 'avalanche', symbol: 'AVAX', name: 'Avalanche' }, cg)).toBeNull();
  });

  it('finds a coin by symbol and name, then by slug, and refuses ambiguity', () => {
    expect(cgIdFor({ slug: 'cardano', symbol: 'ADA', name: 'Cardano' }, cg)).toBe('cardano');
    expect(cgIdFor({ slug: 'dogecoin', symbol: 'DOGE', name: 'Dogecoin' }, cg)).toBe('dogecoin');
    expect(cgIdFor({ slug: 'department-of-government-efficiency', symbol: 'DOGE', name: 'Department Of Government Efficiency (DOGE)' }, cg)).toBe(
      'department-of-government-efficiency',
    );
    expect(cgIdFor({ slug: 'pepe', symbol: 'PEPE', name: 'Pepe' }, cg)).toBeNull();
    expect(cgIdFor({ slug: 'canton-network', symbol: 'CC', name: 'Canton' }, cg)).toBeNull();
  });

  it('keeps the newest https logo', () => {
    expect(cg.get('cardano')?.image).toBe('https://img/ada.png');
    expect(cg.get('dogecoin')?.image).toBeNull();
  });

  it('gives unique ids: CoinGecko ids first, then slugs, then slug-cmcId', () => {
    expect(
      assignIds([
        { cgId: null, slug: 'frax', cmcId: 1 },
        { cgId: 'frax', slug: 'legacy-frax', cmcId: 2 },
        { cgId: null, slug: 'canton-network', cmcId: 3 },
        { cgId: null, slug: 'canton-network', cmcId: 4 },
      ]),
    ).toEqual(['frax-1', 'frax', 'canton-network', 'canton-network-4']);
  });
});

describe('matching Token Metrics rows to tokens', () => {
  const tokens: TokenIdentity[] = [
    { id: 'pepe', symbol: 'PEPE', names: ['Pepe'], listedSince: '2023-04-17' },
    { id: 'cosmos', symbol: 'ATOM', names: ['Cosmos', 'Cosmos Hub'], listedSince: '2019-03-14' },
    { id: 'siacoin', symbol: 'SC', names: ['Siacoin'], listedSince: '2015-08-26' },
  ];
  const rows = [
    { TOKEN_ID: 1, TOKEN_SYMBOL: 'PEPE', TOKEN_NAME: 'Pepe on SOL' },
    { TOKEN_ID: 2, TOKEN_SYMBOL: 'PEPE', TOKEN_NAME: 'Pepe' },
    { TOKEN_ID: 3, TOKEN_SYMBOL: 'ATOM', TOKEN_NAME: 'Cosmos Hub' },
    { TOKEN_ID: 4, TOKEN_SYMBOL: 'SC', TOKEN_NAME: 'Shark Cat' },
  ];
  const identify = (r: (typeof rows)[number]) => ({ key: String(r.TOKEN_ID), symbol: r.TOKEN_SYMBOL, name: r.TOKEN_NAME });

  it('needs the symbol and the exact name (any name a source knows)', () => {
    const m = matchRows(tokens, rows, identify);
    expect(m.get('pepe')?.TOKEN_ID).toBe(2);
    expect(m.get('cosmos')?.TOKEN_ID).toBe(3);
    expect(m.has('siacoin')).toBe(false);
  });

  it('drops a token that two distinct rows fit', () => {
    const twice = [...rows, { TOKEN_ID: 9, TOKEN_SYMBOL: 'PEPE', TOKEN_NAME: 'PEPE' }];
    expect(matchRows(tokens, twice, identify).has('pepe')).toBe(false);
  });
});

describe('parse helpers', () => {
  it.each<[unknown, number | null]>([
    [12.5, 12.5],
    ['12.5', 12.5],
    [' 7 ', 7],
    ['-0.5', -0.5],
    ['1e3', 1000],
    ['N/A', null],
    ['', null],
    ['12abc', null],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
    [null, null],
    [true, null],
  ])('toFiniteNumber(%j) = %j', (input, expected) => {
    expect(toFiniteNumber(input)).toBe(expected);
  });

  it('treats 0 and negatives as unknown quantities', () => {
    expect(toPositiveOrNull(0)).toBeNull();
    expect(toPositiveOrNull(-3)).toBeNull();
    expect(toPositiveOrNull('21000000')).toBe(21_000_000);
  });

  it('parses quoted CSV fields, doubled quotes and CRLF', () => {
    const csv = 'id,name,roi\r\nbitcoin,Bitcoin,\r\nethereum,"Ether, ""the"" coin","{\'times\': 44.6, \'currency\': \'btc\'}"\r\n';
    expect(parseCsv(csv)).toEqual([
      { id: 'bitcoin', name: 'Bitcoin', roi: '' },
      { id: 'ethereum', name: 'Ether, "the" coin', roi: "{'times': 44.6, 'currency': 'btc'}" },
    ]);
  });

  it('normalizes names for matching', () => {
    expect(normName('TRON')).toBe(normName('Tron'));
    expect(normName('ether.fi')).toBe(normName('Ether.fi'));
    expect(normName('Curve DAO')).not.toBe(normName('Curve DAO Token'));
  });

  it('keeps what a token is and drops who backed or listed it', () => {
    expect(categoriesFromTags(['layer-1', 'a16z-portfolio', 'binance-listing', 'solana-ecosystem', 'memes', 'layer-1', 3])).toEqual(['layer-1', 'memes']);
    expect(categoriesFromTags(undefined)).toEqual([]);
  });

  it('classes fundamental grades on Token Metrics bands', () => {
    expect(fundamentalClass(77.21)).toBe('Emerging');
    expect(fundamentalClass(39.99)).toBe('High Risk');
    expect(fundamentalClass(90)).toBe('Store of Value');
  });
});

describe('reading an analysis', () => {
  const article = [
    'Example Price Prediction 2026: Test',
    'TM Grade for $EXM is 19.06, which translates to a Strong Sell, and the trading signal is bearish.',
    'Current price: $0.2971.',
    '8T Market Cap - EXM Price Prediction:',
    '',
    'At 8T the bands are $0.31 in bear conditions, $0.35 in the base case and $0.40 in bullish scenarios.',
    '',
    ' 23T Market Cap - EXM Price Prediction:',
    '',
    'At 23T, with the moon case projecting $1.02.',
    'FAQ: the 31T moon case shows $1.31; the range is $0.30-$1.31 across scenarios.',
  ].join('\n');

  it('reads grades, price and every published cell, leaving the rest null', () => {
    expect(parseSeed(article)).toMatchObject({
      name: 'Example',
      symbol: 'EXM',
      currentPrice: 0.2971,
      tmGrade: { value: 19.06, rating: 'Strong Sell' },
      signal: 'bearish',
      fundamental: null,
      table: {
        tiers: [8, 23, 31],
        cells: { bear: [0.31, null, null], base: [0.35, null, null], moon: [0.4, 1.02, 1.31] },
      },
    });
  });

  it('refuses two different prices for one cell', () => {
    expect(() => seedTable('the 31T moon case shows $1.31. Also $1.50 (31T moon case).')).toThrow(/31\|moon/);
  });
});

/** A listing token with only what the observed captures read set. */
function listed(id: string, symbol: string, price: number, marketCap: number, categories: string[] = []): SnapshotToken {
  return {
    id,
    cmcId: 1,
    name: id,
    symbol,
    rank: 1,
    price,
    marketCap,
    circulatingSupply: null,
    totalSupply: null,
    maxSupply: null,
    change: { h24: null, d7: null, d30: null, d90: null },
    categories,
    logo: null,
  };
}

const noHistory: History = {
  schemaVersion: 1,
  sources: {},
  market: {
    source: 'm',
    unit: 'USD',
    from: '2025-09-17',
    to: '2025-09-18',
    points: [
      ['2025-09-17', 100],
      ['2025-09-18', 101],
    ],
  },
  tokens: {},
};

/** CoinGecko rows with these market caps, USD (WBTC at 0.4 BTC's). */
const cgRows = (btc: number, eth: number, usdt: number) => [
  { id: 'bitcoin', symbol: 'btc', name: 'Bitcoin', current_price: 20_000, market_cap: btc },
  { id: 'ethereum', symbol: 'eth', name: 'Ethereum', current_price: 1500, market_cap: String(eth) },
  { id: 'wrapped-bitcoin', symbol: 'wbtc', name: 'Wrapped Bitcoin', current_price: 20_010, market_cap: btc * 0.4 },
  // Off its peg on both days, so only the listing's classification can keep it out.
  { id: 'tether', symbol: 'usdt', name: 'Tether', current_price: 0.9, market_cap: usdt },
];

describe('observed captures from cross-sections', () => {
  // 2023: BTC 100, ETH 50, USDT 10 (at $0.90) and WBTC 40 (a derivative: left out of M, which is 160).
  // 2024: BTC 200, ETH 76, USDT 76 (at $0.90), WBTC 80: M = 352, x2.2 (x = 1.2).
  // 2026: BTC 300, ETH 60, USDT 20 (at $1: pegged), a new coin 100: M = 480, x3 from 2023 (x = 2), x1.36 from 2024 (no window).
  const old = sectionFromCg('2023-05-13', cgRows(100, 50, 10));
  const tokens = [
    listed('bitcoin', 'BTC', 90_000, 300),
    listed('newcoin', 'NEW', 2, 100),
    listed('ethereum', 'ETH', 3000, 60),
    listed('tether', 'USDT', 1, 20, ['stablecoin']),
  ];
  const sections = [old, sectionFromCg('2024-11-17', cgRows(200, 76, 76)), sectionFromTokens('2026-01-09', tokens)];
  const result = observedCaptures(sections, tokens, noHistory, 'obs');

  it('measures the market without derivatives and counts the tokens matched', () => {
    expect(marketMeasure(old)).toBe(160);
    expect([...old.pegs.keys()]).toEqual(['wrapped-bitcoin']);
    expect(result.report.markets.map((m) => m.total)).toEqual([160, 352, 480]);
    expect(result.report.windows.map((w) => [w.from, w.to, w.matched])).toEqual([
      ['2023-05-13', '2024-11-17', 2],
      ['2023-05-13', '2026-01-09', 2],
    ]);
  });

  it('pools the two windows from 2023, shrinks toward the median and leaves out new and pegged tokens', () => {
    // BTC: y = 1 at x = 1.2, y = 2 at x = 2: (1.2 + 4) / (1.44 + 4) = 0.955882; ETH: (1.2 * 0.52 + 2 * 0.2) / 5.44 = 0.188235.
    // m = 0.572059, tau = 1.4826 * 0.383824 = 0.569057; X0 = 1.2^2 / 2 = 0.72; k = 4 / 4.72 = 0.847458.
    expect(result.report.prior.mean).toBeCloseTo(0.572059, 6);
    expect(result.report.prior.spread).toBeCloseTo(0.569057, 6);
    expect(result.report.prior.priorEvidence).toBeCloseTo(0.72, 12);
    expect(Object.keys(result.observed)).toEqual(['bitcoin', 'ethereum']);
    expect(result.observed['bitcoin']).toMatchObject({ source: 'obs', base: 0.8973, raw: 0.9559, weight: 0.8475 });
    expect(result.observed['ethereum']).toMatchObject({ base: 0.2468, raw: 0.1882 });
    expect(result.observed['ethereum']?.windows).toEqual([
      { from: '2023-05-13', to: '2024-11-17', marketMove: 2.2, capture: 0.4333 },
      { from: '2023-05-13', to: '2026-01-09', marketMove: 3, capture: 0.1 },
    ]);
  });
});

describe('observed captures in the built snapshot', () => {
  const lines: string[] = [];
  const built = haveRaw ? buildSnapshot(DEFAULT_RAW_DIR, DEFAULT_SEEDS_DIR, (l) => lines.push(...l)) : undefined;
  const observed = built?.observed ?? {};

  it.skipIf(!haveRaw)('gives the big coins an entry and no pegged or derivative token one', () => {
    for (const id of ['bitcoin', 'ethereum', 'cardano']) {
      expect(observed[id]?.source).toBe('capbands-observed-2026-01-09');
      // Each of them has the three 2023-05 windows and the daily history's.
      expect(observed[id]?.windows).toHaveLength(4);
    }
    const pegs = classifyPegs(built?.tokens ?? []);
    expect(pegs.size).toBeGreaterThan(20);
    expect(Object.keys(observed).filter((id) => pegs.has(id))).toEqual([]);
  });

  it.skipIf(!haveRaw)('matches every listing token that was in the 2023-05 top 250 and is a scenario asset in both', () => {
    // Recount from the raw file: listing tokens (not pegged) whose id has a 2023-05 market cap > 0, not pegged there.
    const rows = JSON.parse(readFileSync(path.join(DEFAULT_RAW_DIR, 'cg-markets-250-2023-05/coins_markets_usd_250_2023-05-13.json'), 'utf8')) as Record<
      string,
      unknown
    >[];
    const oldPegs = sectionFromCg('2023-05-13', rows).pegs;
    const caps = new Map(rows.map((r) => [String(r['id']), Number(r['market_cap'])]));
    const tokens = built?.tokens ?? [];
    const pegs = classifyPegs(tokens);
    const expected = tokens.filter((t) => !pegs.has(t.id) && !oldPegs.has(t.id) && (caps.get(t.id) ?? 0) > 0 && (t.marketCap ?? 0) > 0);
    expect(expected.length).toBeGreaterThan(100);
    expect(lines).toContain(`observed: window 2023-05-13 -> 2026-01-09 x2.7758: ${expected.length} tokens matched`);
    expect(Object.keys(observed)).toEqual(expected.map((t) => t.id));
    // Each window's reported count is the number of entries holding it.
    for (const line of lines.filter((l) => l.startsWith('observed: window'))) {
      const [, from, to, n] = /window (\S+) -> (\S+) x\S+: (\d+) tokens/.exec(line) ?? [];
      const holding = Object.values(observed).filter((o) => o.windows.some((w) => w.from === from && w.to === to));
      expect(holding).toHaveLength(Number(n));
    }
    // Three cross-section windows from 2023-05-13, and the history's for its 8 coins.
    expect(lines.filter((l) => l.startsWith('observed: window 2023-05-13'))).toHaveLength(3);
    expect(lines.some((l) => l.endsWith(' 8 tokens matched'))).toBe(true);
  });

  it.skipIf(!haveRaw)('builds the same bytes twice', () => {
    const again = buildSnapshot(DEFAULT_RAW_DIR, DEFAULT_SEEDS_DIR);
    expect(serializeSnapshot(again)).toBe(serializeSnapshot(built ?? again));
  });
});
