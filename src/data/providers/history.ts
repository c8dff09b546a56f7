import { DataError } from '../errors.ts';
import { fetchJson } from '../http.ts';
import { historyPointSchema, looseHistoryFileSchema, looseHistorySeriesSchema } from '../schemas/history.ts';
import { sourceRefSchema } from '../schemas/snapshot.ts';

export const HISTORY_SOURCE_NAME = 'Embedded history';

/** A daily series as the engine takes it. */
export interface Series {
  /** `[ms at 00:00 UTC of the day (live: the point's own time), USD]`, ascending by time, values > 0. */
  readonly points: Array<[number, number]>;
  /** Who measured it, in words ("CoinGecko total crypto market cap (daily reports)"). */
  readonly source: string;
  /** First and last day of `points`, `YYYY-MM-DD` (UTC). */
  readonly from: string;
  readonly to: string;
}

/** The embedded history: the total crypto market cap and a few tokens' market caps, USD. */
export interface HistoryData {
  readonly market: Series;
  /** By CoinGecko id (`bitcoin`, `ripple`, ...). */
  readonly tokens: Readonly<Record<string, Series>>;
}

/** Where the built app serves the history (same origin, next to the snapshot). */
export function historyUrl(): string {
  return `${import.meta.env.BASE_URL}data/history.json`;
}

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * A Series from `[ms, USD]` points: non-finite times and values <= 0 dropped, sorted by time.
 * @returns null when no point is left.
 */
export function seriesFromPoints(points: ReadonlyArray<readonly [number, number]>, source: string): Series | null {
  const kept = points
    .filter(([t, v]) => Number.isFinite(t) && Number.isFinite(v) && v > 0)
    .map(([t, v]): [number, number] => [t, v])
    .sort((a, b) => a[0] - b[0]);
  const first = kept[0];
  const last = kept.at(-1);
  if (first === undefined || last === undefined) return null;
  return { points: kept, source, from: isoDay(first[0]), to: isoDay(last[0]) };
}

/** One series of the file; bad points are dropped. Null when it is not a series or no point is good. */
function readSeries(value: unknown, sourceNames: ReadonlyMap<string, string>): Series | null {
  const series = looseHistorySeriesSchema.safeParse(value);
  if (!series.success) return null;
  const points: Array<[number, number]> = [];
  const seen = new Set<number>();
  for (const raw of series.data.points) {
    const point = historyPointSchema.safeParse(raw);
    if (!point.success) continue;
    const t = Date.parse(`${point.data[0]}T00:00:00Z`);
    // A day given twice keeps its first value: the file is written one value per day.
    if (Number.isFinite(t) && !seen.has(t)) {
      seen.add(t);
      points.push([t, point.data[1]]);
    }
  }
  return seriesFromPoints(points, sourceNames.get(series.data.source) ?? series.data.source);
}

/**
 * The history file as domain series. Bad points are dropped, a token whose series cannot be read
 * is left out, and a source id is replaced by its name.
 * @throws DataError (`invalid`) when the total market series cannot be read.
 */
export function historyFromJson(json: unknown): HistoryData {
  const file = looseHistoryFileSchema.safeParse(json);
  if (!file.success) throw new DataError({ kind: 'invalid', source: HISTORY_SOURCE_NAME, detail: 'the history file cannot be read' });
  const names = new Map<string, string>();
  for (const [id, ref] of Object.entries(file.data.sources ?? {})) {
    const parsed = sourceRefSchema.safeParse(ref);
    if (parsed.success) names.set(id, parsed.data.name);
  }
  const market = readSeries(file.data.market, names);
  if (market === null) throw new DataError({ kind: 'invalid', source: HISTORY_SOURCE_NAME, detail: 'no total market series' });
  const tokens: Record<string, Series> = {};
  for (const [id, value] of Object.entries(file.data.tokens ?? {})) {
    const series = readSeries(value, names);
    if (series !== null) tokens[id] = series;
  }
  return { market, tokens };
}

/**
 * Loads and validates the embedded history (`data/history.json`).
 * @throws DataError: `http`, `network`, `timeout`, `aborted` from the fetch, `invalid` for a file without a market series.
 */
export async function loadHistory(options: { signal?: AbortSignal | undefined; fetchImpl?: typeof fetch } = {}): Promise<HistoryData> {
  const json = await fetchJson(historyUrl(), {
    source: HISTORY_SOURCE_NAME,
    signal: options.signal,
    timeoutMs: 30_000,
    ...(options.fetchImpl ? { fetchImpl: options.fetchImpl } : {}),
  });
  return historyFromJson(json);
}
