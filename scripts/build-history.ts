/**
 * Builds the embedded market-cap history (`public/data/history.json`) from the public raw files in
 * `../shared/data/raw`: the total crypto market cap per day (USD) and the daily market caps of the
 * 8 coins CoinGecko's EUR market charts cover, converted to USD day by day.
 *
 * The EUR -> USD ratio of a day is the one Bitcoin itself implies: its USD price that day (the daily
 * reports' `btcPrice`) over its EUR price that day (the EUR market chart). No outside FX rate is
 * used, and a day without both prices is dropped.
 *
 * Run: `npx tsx scripts/build-history.ts`. Pure and deterministic: the same inputs give the same bytes.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { config, locales } from 'zod/mini';
import { historyFileSchema, type HistoryFile, type HistorySeriesFile } from '../src/data/schemas/history.ts';
import { valuesByDay, type CapPoint } from '../src/engine/index.ts';
import { asRecord, parseCsv, toPositiveOrNull } from './snapshot/parse.ts';

// The schemas are zod/mini, which ships no error messages: English ones for a failed `parse` here.
config(locales.en());

/** The history file: one market series and one series per coin, all USD. */
export type History = HistoryFile;

const CHART_DIR = 'cg-market-chart-eur-365d-2026-07';
const DAILY_CSV = 'cg-daily-reports-2025-2026/global_metrics_daily.csv';

/** The coins of the EUR chart folder, CoinGecko ids, in market-cap order (the output's order). */
export const HISTORY_COINS = ['bitcoin', 'ethereum', 'ripple', 'cardano', 'solana', 'dogecoin', 'litecoin', 'polkadot'] as const;

const DAY_MS = 86_400_000;

const chartFile = (id: string): string => `${CHART_DIR}/${id}_market_chart_eur_365d_daily.json`;

/** A number rounded to 6 significant digits (more than the sources are worth, and byte-stable). */
export function round6(n: number): number {
  return Number(n.toPrecision(6));
}

/** The UTC calendar day (`YYYY-MM-DD`) of a timestamp in milliseconds. */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * One value per UTC day from a CoinGecko `[[ms, value], ...]` series (the engine's `valuesByDay`:
 * the earliest point of a day wins, so a chart's trailing "now" point never replaces the day's
 * 00:00 one; points that are not a finite time with a value > 0 are skipped).
 */
export function dailyValues(points: unknown): Map<string, number> {
  const pairs: CapPoint[] = [];
  for (const p of Array.isArray(points) ? points : []) {
    const t: unknown = Array.isArray(p) ? p[0] : null;
    const v = Array.isArray(p) ? toPositiveOrNull(p[1]) : null;
    if (typeof t === 'number' && v !== null) pairs.push([t, v]);
  }
  return new Map([...valuesByDay(pairs)].map(([day, v]) => [isoDay(day * DAY_MS), v]));
}

/**
 * USD per EUR for each day, as Bitcoin prices it: `btcPrice` (USD, from the daily-reports CSV,
 * taken that day around 10:00-14:00 UTC) over Bitcoin's EUR price of the same day (the chart's
 * 00:00 UTC point). Days missing either price, or with a non-positive one, are left out.
 * @param btcEurChart Bitcoin's EUR market chart (`{prices: [[ms, eur], ...]}`)
 * @param csvRows the daily-reports rows (`date`, `btcPrice`, ...)
 */
export function eurUsdRatios(btcEurChart: unknown, csvRows: readonly Record<string, string>[]): Map<string, number> {
  const eur = dailyValues(asRecord(btcEurChart)['prices']);
  const ratios = new Map<string, number>();
  for (const row of csvRows) {
    const day = row['date'] ?? '';
    const usd = toPositiveOrNull(row['btcPrice']);
    const btcEur = eur.get(day);
    if (usd !== null && btcEur !== undefined && !ratios.has(day)) ratios.set(day, usd / btcEur);
  }
  return ratios;
}

/**
 * A coin's daily market caps in USD: each day's EUR market cap times that day's EUR -> USD ratio,
 * rounded to 6 significant digits, ascending by day. Days without a ratio are dropped.
 * @param chart the coin's EUR market chart (`{market_caps: [[ms, eur], ...]}`)
 * @param ratios USD per EUR by day (`eurUsdRatios`)
 */
export function usdMarketCaps(chart: unknown, ratios: ReadonlyMap<string, number>): Array<[string, number]> {
  const points: Array<[string, number]> = [];
  for (const [day, eur] of dailyValues(asRecord(chart)['market_caps'])) {
    const ratio = ratios.get(day);
    if (ratio !== undefined) points.push([day, round6(eur * ratio)]);
  }
  return points.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/** The total crypto market cap (USD) by day from the daily-reports rows, ascending; the first row of a day wins. */
export function totalMarketCaps(csvRows: readonly Record<string, string>[]): Array<[string, number]> {
  const byDay = new Map<string, number>();
  for (const row of csvRows) {
    const day = row['date'] ?? '';
    const cap = toPositiveOrNull(row['totalMarketCap']);
    if (/^\d{4}-\d{2}-\d{2}$/.test(day) && cap !== null && !byDay.has(day)) byDay.set(day, round6(cap));
  }
  return [...byDay].sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

function series(source: string, points: Array<[string, number]>, what: string): HistorySeriesFile {
  const first = points[0];
  const last = points.at(-1);
  if (first === undefined || last === undefined) throw new Error(`history: no usable days for ${what}`);
  return { source, unit: 'USD', from: first[0], to: last[0], points };
}

/**
 * Reads the raw files and returns the validated history.
 * @param rawDir `../shared/data/raw` (its SOURCE.txt files describe the two folders read here)
 * @throws Error when a file is missing or malformed, a series ends up empty, or the result fails
 *   `historyFileSchema` (a ZodError naming the path).
 */
export function buildHistory(rawDir: string): History {
  const read = (file: string): string => readFileSync(path.join(rawDir, file), 'utf8');
  const rows = parseCsv(read(DAILY_CSV));
  const charts = new Map(HISTORY_COINS.map((id) => [id, JSON.parse(read(chartFile(id))) as unknown]));
  const ratios = eurUsdRatios(charts.get('bitcoin'), rows);

  const market = series('', totalMarketCaps(rows), 'the total market');
  const chartsAsOf = [...dailyValues(asRecord(charts.get('bitcoin'))['market_caps']).keys()].sort().at(-1) ?? '';
  const marketSource = `cg-daily-reports-${market.to}`;
  const tokenSource = `cg-market-chart-eur-usd-${chartsAsOf}`;
  const tokens: Record<string, HistorySeriesFile> = {};
  for (const [id, chart] of charts) tokens[id] = series(tokenSource, usdMarketCaps(chart, ratios), id);

  const draft: History = {
    schemaVersion: 1,
    sources: {
      [marketSource]: {
        name: 'CoinGecko total crypto market cap (daily reports)',
        url: 'https://github.com/cryptowhizard/daily-market-data',
        asOf: market.to,
      },
      [tokenSource]: {
        name: "CoinGecko market caps converted from EUR with Bitcoin's own EUR/USD ratio",
        url: 'https://docs.coingecko.com/reference/coins-id-market-chart',
        asOf: chartsAsOf,
      },
    },
    market: { ...market, source: marketSource },
    tokens,
  };
  // Parsing also fixes key order (the schema's), so equal facts always serialize to equal bytes.
  return historyFileSchema.parse(draft);
}

function seriesText(s: HistorySeriesFile): string {
  const { points, ...head } = s;
  const open = JSON.stringify(head).slice(0, -1);
  return `${open},"points":[\n${points.map((p) => JSON.stringify(p)).join(',\n')}\n]}`;
}

/** The history as JSON with one day per line, so a diff shows which days moved. Ends with a newline. */
export function serializeHistory(h: History): string {
  const sources = Object.entries(h.sources).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`);
  const tokens = Object.entries(h.tokens).map(([k, v]) => `${JSON.stringify(k)}:${seriesText(v)}`);
  return [
    `{\n"schemaVersion":${JSON.stringify(h.schemaVersion)},`,
    `"sources":{\n${sources.join(',\n')}\n},`,
    `"market":${seriesText(h.market)},`,
    `"tokens":{\n${tokens.join(',\n')}\n}\n}\n`,
  ].join('\n');
}

/** The project root (this file lives in `scripts/`). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_RAW_DIR = path.resolve(PROJECT_ROOT, '../shared/data/raw');
export const HISTORY_FILE = path.resolve(PROJECT_ROOT, 'public/data/history.json');

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const history = buildHistory(DEFAULT_RAW_DIR);
  const text = serializeHistory(history);
  mkdirSync(path.dirname(HISTORY_FILE), { recursive: true });
  writeFileSync(HISTORY_FILE, text);
  const rel = path.relative(PROJECT_ROOT, HISTORY_FILE);
  const days = Object.values(history.tokens).map((s) => s.points.length);
  process.stdout.write(
    `wrote ${rel}: market ${history.market.points.length} days, ${days.length} coins (${Math.min(...days)}-${Math.max(...days)} days), ${Buffer.byteLength(text)} bytes\n`,
  );
}
