/**
 * Builds the embedded snapshot (`public/data/snapshot.json`) from the public raw files in
 * `../shared/data/raw` and the Token Metrics articles in `../shared/seeds`. Only facts go out
 * (numbers, names, dates), in our own schema, each with its source and as-of date.
 *
 * Run: `npm run snapshot`. Pure and deterministic: the same inputs give the same bytes.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { config, locales } from 'zod/mini';
import {
  snapshotSchema,
  type PublishedScenario,
  type Snapshot,
  type SnapshotGrades,
  type SnapshotToken,
  type SourceRef,
} from '../src/data/schemas/snapshot.ts';
import { buildHistory } from './build-history.ts';
import { assignIds, cgCoins, cgIdFor, matchRows, type TokenIdentity } from './snapshot/ids.ts';
import { asRecord, dataRows, day, parseCsv, str, toFiniteNumber, toPositiveOrNull, type Json } from './snapshot/parse.ts';
import { observedEntries } from './snapshot/observed.ts';
import { parseSeed, SEED_AS_OF, seedEntries } from './snapshot/seeds.ts';
import { DERIVED_DIR, deriveFacts, writeDerived } from './snapshot/derived.ts';
import { serializeByLine } from './snapshot/serialize.ts';

// The schemas are zod/mini, which ships no error messages: English ones for a failed `parse` here.
config(locales.en());

const FILES = {
  listings: 'cmc-listings-500-2026-01/cmc_listings_latest_500_2026-01-09.json',
  global: 'cmc-listings-500-2026-01/cmc_global_metrics_latest_2026-01-09.json',
  cgJson: 'cg-markets-250-2025-02/coins_markets_usd_250_2025-02-09.json',
  cgCsv: 'cg-markets-250-2024-11-csv/coins_markets_usd_250_2024-11-17.csv',
  cgOld: 'cg-markets-250-2023-05/coins_markets_usd_250_2023-05-13.json',
  traderGrades: 'tm-api-responses-2025-04/tm_v2_trader_grades_1000_2025-04-16.json',
  signals: 'tm-api-responses-2025-04/tm_v2_trading_signals_100_2025-04-08.json',
} as const;

/** The CoinMarketCap listing's source id: also the source of the derived `tokens.json` (CMC ids, categories). */
export const CMC_SOURCE = 'cmc-2026-01-09';
const CG_DOCS = 'https://docs.coingecko.com/reference/coins-markets';

/** CMC tags that say who invested, where it is listed or which chains carry it: not what the token is. */
const DROPPED_TAG_PATTERNS = [/-portfolio$/, /-ecosystem$/, /-estate$/, /-airdrops?$/, /^binance-/, /^cmc-/];
const DROPPED_TAGS = new Set([
  '2017-2018-alt-season',
  'alleged-sec-securities',
  'defi-2',
  'discount-token',
  'doggone-doggerel',
  'jump-crypto',
  'made-in-america',
  'made-in-china',
  'metadao-launchpad',
  'moonshot',
  'mvb',
  'nomad-capital',
  'parafi-capital',
  'polkastarter',
  'sino-global-capital',
  'spartan-group',
  'superstarter',
  'terminal-of-truths',
  'token',
  'tokenfi-launchpad',
  'yearn-partnerships',
]);

/**
 * The categories kept from CoinMarketCap tags: what the token is (`layer-1`, `memes`, `stablecoin`),
 * in CMC's order, without investor portfolios, exchange listings, airdrops or host chains.
 * @param tags anything; non-strings are ignored.
 */
export function categoriesFromTags(tags: unknown): string[] {
  const list = Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [];
  return [...new Set(list.filter((t) => !DROPPED_TAGS.has(t) && !DROPPED_TAG_PATTERNS.some((p) => p.test(t))))];
}

interface Listing {
  readonly asOf: string;
  readonly tokens: SnapshotToken[];
  readonly identities: TokenIdentity[];
  /** The CoinGecko files' rows, for the observed captures' cross-sections. */
  readonly cgRows: { readonly json: Json[]; readonly csv: Json[]; readonly old: Json[] };
}

/** Every coin of the CMC listing, in rank order, with CoinGecko ids and logos where the CoinGecko files know it. */
function listingTokens(rawDir: string, readJson: (file: string) => unknown): Listing {
  const listing = readJson(FILES.listings);
  const rows = dataRows(listing).sort(
    (a, b) => (toFiniteNumber(a['cmc_rank']) ?? 0) - (toFiniteNumber(b['cmc_rank']) ?? 0) || (toFiniteNumber(a['id']) ?? 0) - (toFiniteNumber(b['id']) ?? 0),
  );
  const cgJson = readJson(FILES.cgJson);
  const cgCsv = parseCsv(readFileSync(path.join(rawDir, FILES.cgCsv), 'utf8'));
  const cgOld = readJson(FILES.cgOld);
  const cgRows = {
    json: Array.isArray(cgJson) ? cgJson.map(asRecord) : [],
    csv: cgCsv,
    old: Array.isArray(cgOld) ? cgOld.map(asRecord) : [],
  };
  const cg = cgCoins(cgRows.json, cgRows.csv, cgRows.old);
  const wanted = rows.map((r) => {
    const slug = str(r['slug']);
    const cgId = cgIdFor({ slug, symbol: str(r['symbol']), name: str(r['name']) }, cg);
    return { cgId, slug, cmcId: toFiniteNumber(r['id']) ?? 0 };
  });
  const ids = assignIds(wanted);
  const tokens: SnapshotToken[] = [];
  const identities: TokenIdentity[] = [];
  rows.forEach((r, i) => {
    const q = asRecord(asRecord(r['quote'])['USD']);
    const id = ids[i] ?? '';
    const coin = wanted[i]?.cgId === id ? cg.get(id) : undefined;
    tokens.push({
      id,
      cmcId: toFiniteNumber(r['id']) ?? 0,
      name: str(r['name']),
      symbol: str(r['symbol']),
      rank: toFiniteNumber(r['cmc_rank']) ?? 0,
      price: toFiniteNumber(q['price']) ?? Number.NaN,
      marketCap: toPositiveOrNull(q['market_cap']),
      circulatingSupply: toPositiveOrNull(r['circulating_supply']),
      totalSupply: toPositiveOrNull(r['total_supply']),
      // Uncapped coins (ETH, TRX) come as infinite_supply: true; their max supply is unknown, not 0.
      maxSupply: r['infinite_supply'] === true ? null : toPositiveOrNull(r['max_supply']),
      change: {
        h24: toFiniteNumber(q['percent_change_24h']),
        d7: toFiniteNumber(q['percent_change_7d']),
        d30: toFiniteNumber(q['percent_change_30d']),
        d90: toFiniteNumber(q['percent_change_90d']),
      },
      categories: categoriesFromTags(r['tags']),
      logo: coin?.image ?? null,
    });
    identities.push({
      id,
      symbol: str(r['symbol']),
      names: [str(r['name']), ...(coin?.names ?? [])],
      listedSince: day(r['date_added']),
    });
  });
  return { asOf: str(asRecord(asRecord(listing)['status'])['timestamp']), tokens, identities, cgRows };
}

/** How a Token Metrics row names its token. */
function tmIdentity(r: Json): { key: string; symbol: string; name: string } {
  return { key: String(r['TOKEN_ID']), symbol: str(r['TOKEN_SYMBOL']), name: str(r['TOKEN_NAME']) };
}

/** The latest date (YYYY-MM-DD) among the rows' DATE fields. */
const latestDay = (rows: readonly Json[]): string =>
  rows
    .map((r) => day(r['DATE']))
    .sort()
    .at(-1) ?? '';

/**
 * Token Metrics API grades: trader grades (with TA and Quant) and trading signals (trader and
 * investor grades, TOKEN_TREND +1/-1). Adds to `grades` and `sources`.
 */
function tmApiGrades(
  readJson: (file: string) => unknown,
  identities: readonly TokenIdentity[],
  grades: Record<string, SnapshotGrades>,
  sources: Record<string, SourceRef>,
): void {
  const gradesOf = (id: string): SnapshotGrades => (grades[id] ??= {});
  // A name can be reused: "Kite" graded in April 2025 is not the Kite CMC listed in October 2025.
  const listedBy = (asOf: string) => identities.filter((t) => t.listedSince !== '' && t.listedSince <= asOf);

  const traderRows = dataRows(readJson(FILES.traderGrades));
  const traderAsOf = latestDay(traderRows);
  const traderSource = `tm-trader-grades-${traderAsOf}`;
  sources[traderSource] = {
    name: 'Token Metrics trader grades',
    url: 'https://api.tokenmetrics.com/v2/trader-grades',
    asOf: traderAsOf,
  };
  for (const [id, r] of matchRows(listedBy(traderAsOf), traderRows, tmIdentity)) {
    const value = toFiniteNumber(r['TM_TRADER_GRADE']);
    if (value === null) continue;
    gradesOf(id).traderGrade = {
      value,
      ta: toFiniteNumber(r['TA_GRADE']),
      quant: toFiniteNumber(r['QUANT_GRADE']),
      change24h: toFiniteNumber(r['TM_TRADER_GRADE_24H_PCT_CHANGE']),
      asOf: day(r['DATE']),
      source: traderSource,
    };
  }

  const signalRows = dataRows(readJson(FILES.signals));
  // Several days per token: keep each token's latest row (the first seen wins a tie).
  const latest = new Map<string, Json>();
  for (const r of signalRows) {
    const prev = latest.get(String(r['TOKEN_ID']));
    if (prev === undefined || day(r['DATE']) > day(prev['DATE'])) latest.set(String(r['TOKEN_ID']), r);
  }
  const signalAsOf = latestDay(signalRows);
  const signalSource = `tm-signals-${signalAsOf}`;
  sources[signalSource] = {
    name: 'Token Metrics trading signals',
    url: 'https://api.tokenmetrics.com/v2/trading-signals',
    asOf: signalAsOf,
  };
  for (const [id, r] of matchRows(listedBy(signalAsOf), [...latest.values()], tmIdentity)) {
    const g = gradesOf(id);
    const at = { asOf: day(r['DATE']), source: signalSource };
    const trader = toFiniteNumber(r['TM_TRADER_GRADE']);
    const investor = toFiniteNumber(r['TM_INVESTOR_GRADE']);
    const trend = toFiniteNumber(r['TOKEN_TREND']);
    // The trader-grades file is newer and has TA and Quant: it wins where both know a token.
    if (g.traderGrade === undefined && trader !== null) {
      g.traderGrade = { value: trader, ta: null, quant: null, change24h: null, ...at };
    }
    if (investor !== null) g.investorGrade = { value: investor, ...at };
    if (trend === 1 || trend === -1) g.signal = { trend: trend === 1 ? 'bullish' : 'bearish', ...at };
  }
}

/**
 * Grades and scenario tables from the Token Metrics articles (newer than the API files, so they
 * replace a signal from there). Articles that publish neither (an opinion piece) are skipped.
 * @throws Error when an article's token is not exactly one token of the listing.
 */
function seedFacts(
  seedsDir: string,
  identities: readonly TokenIdentity[],
  grades: Record<string, SnapshotGrades>,
  published: Record<string, PublishedScenario>,
  sources: Record<string, SourceRef>,
): void {
  for (const file of readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const facts = parseSeed(readFileSync(path.join(seedsDir, file), 'utf8'));
    if (facts === null) continue;
    const hits = [...matchRows(identities, [facts], (f) => ({ key: file, symbol: f.symbol, name: f.name })).keys()];
    const id = hits[0];
    if (hits.length !== 1 || id === undefined) {
      throw new Error(`seed ${file}: no single token for ${facts.name} (${facts.symbol})`);
    }
    const source = `tm-analysis-${id}-${SEED_AS_OF}`;
    sources[source] = { name: `Token Metrics analysis "${facts.title}"`, asOf: SEED_AS_OF };
    const entries = seedEntries(facts, source);
    grades[id] = { ...grades[id], ...entries.grades };
    if (entries.published) published[id] = entries.published;
  }
}

/** The entries of a record keyed by token id, in listing order, so the output does not depend on build order. */
function inTokenOrder<T>(tokens: readonly SnapshotToken[], byId: Readonly<Record<string, T>>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const t of tokens) {
    const v = byId[t.id];
    if (v !== undefined) out[t.id] = v;
  }
  return out;
}

/**
 * Reads the raw files and the seeds and returns the validated snapshot.
 * @param rawDir `../shared/data/raw` (the folders its SOURCE.txt files describe)
 * @param seedsDir `../shared/seeds` (Token Metrics articles as text)
 * @param report receives a few lines on the observed captures (market measures, windows, prior)
 * @throws Error when a file is missing or malformed, or the result fails `snapshotSchema`
 *   (a ZodError naming the path, e.g. `tokens[12].price`).
 */
export function buildSnapshot(rawDir: string, seedsDir: string, report: (lines: string[]) => void = () => {}): Snapshot {
  const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(rawDir, file), 'utf8'));
  const { asOf, tokens, identities, cgRows } = listingTokens(rawDir, readJson);
  const sources: Record<string, SourceRef> = {
    [CMC_SOURCE]: {
      name: 'CoinMarketCap listing (top 500)',
      url: 'https://coinmarketcap.com/api/documentation/v1/',
      asOf,
    },
    'cg-markets-2025-02-09': { name: 'CoinGecko API: coins/markets (top 250): ids and logos', url: CG_DOCS, asOf: '2025-02-09' },
    'cg-markets-2024-11-17': { name: 'CoinGecko API: coins/markets (top 250): ids and logos', url: CG_DOCS, asOf: '2024-11-17' },
  };
  const grades: Record<string, SnapshotGrades> = {};
  const published: Record<string, PublishedScenario> = {};
  tmApiGrades(readJson, identities, grades, sources);
  seedFacts(seedsDir, identities, grades, published, sources);

  const global = asRecord(readJson(FILES.global));
  const data = asRecord(global['data']);
  const draft: Snapshot = {
    schemaVersion: 1,
    asOf,
    sources,
    market: {
      totalMarketCap: toFiniteNumber(asRecord(asRecord(data['quote'])['USD'])['total_market_cap']) ?? Number.NaN,
      btcDominance: toFiniteNumber(data['btc_dominance']),
      asOf: str(asRecord(global['status'])['timestamp']),
      source: CMC_SOURCE,
    },
    tokens,
    grades: inTokenOrder(tokens, grades),
    published: inTokenOrder(tokens, published),
    observed: observedEntries(buildHistory(rawDir), day(asOf), tokens, cgRows, sources, report),
  };
  // Parsing also fixes key order (the schema's), so equal facts always serialize to equal bytes.
  return snapshotSchema.parse(draft);
}

/**
 * The snapshot as JSON with one token (one source, one grade entry, one table) per line, so a
 * diff shows what moved. Ends with a newline.
 */
export function serializeSnapshot(s: Snapshot): string {
  return serializeByLine(s);
}

/** The project root (this file lives in `scripts/`). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_RAW_DIR = path.resolve(PROJECT_ROOT, '../shared/data/raw');
export const DEFAULT_SEEDS_DIR = path.resolve(PROJECT_ROOT, '../shared/seeds');
export const SNAPSHOT_FILE = path.resolve(PROJECT_ROOT, 'public/data/snapshot.json');

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const snapshot = buildSnapshot(DEFAULT_RAW_DIR, DEFAULT_SEEDS_DIR, (lines) => process.stdout.write(`${lines.join('\n')}\n`));
  const text = serializeSnapshot(snapshot);
  mkdirSync(path.dirname(SNAPSHOT_FILE), { recursive: true });
  writeFileSync(SNAPSHOT_FILE, text);
  const rel = path.relative(PROJECT_ROOT, SNAPSHOT_FILE);
  process.stdout.write(`wrote ${rel}: ${snapshot.tokens.length} tokens, ${Buffer.byteLength(text)} bytes\n`);
  // What only the raw files know, for `npm run snapshot:live` in a clone without ../shared.
  for (const { file, bytes } of writeDerived(DERIVED_DIR, deriveFacts(snapshot, CMC_SOURCE))) {
    process.stdout.write(`wrote ${path.relative(PROJECT_ROOT, path.join(DERIVED_DIR, file))}: ${bytes} bytes\n`);
  }
}
