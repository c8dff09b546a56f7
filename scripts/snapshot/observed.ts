/**
 * Observed captures for the snapshot: reads the dated top-N cross-sections and the daily history into
 * windows per token, and hands them to the engine (`observedCaptureSet`). The estimator is described in
 * docs/scenario-model.md ("Observed captures").
 */
import { classifyPegs } from '../../src/data/pegs.ts';
import type { ObservedCaptures, SnapshotToken, SourceRef } from '../../src/data/schemas/snapshot.ts';
import { crossSectionCapture, historyWindow, marketWindows, observedCaptureSet, round4, type CapPoint, type CaptureWindow } from '../../src/engine/index.ts';
import type { History } from '../build-history.ts';
import { str, toFiniteNumber, toPositiveOrNull, type Json } from './parse.ts';

/** The days the CoinGecko files were taken (their SOURCE.txt): 2023-05 is the start of every window. */
export const CG_DAYS = { old: '2023-05-13', csv: '2024-11-17', json: '2025-02-09' } as const;

/** The market measure sums this many of a cross-section's largest tokens that are not derivatives. */
export const MARKET_MEASURE_TOKENS = 200;

/** One token of a cross-section. */
export interface SectionToken {
  readonly id: string;
  readonly name: string;
  readonly symbol: string;
  /** USD; NaN when the file gives none (then no price rule can classify it). */
  readonly price: number;
  readonly categories: readonly string[];
  /** USD, > 0, or null when unknown. */
  readonly marketCap: number | null;
}

/** A dated top-N listing: its tokens, largest first, and which of them are pegged or derivatives. */
export interface CrossSection {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  readonly tokens: readonly SectionToken[];
  /** Token id -> what it holds to (`classifyPegs` on this file alone). */
  readonly pegs: ReadonlyMap<string, { readonly kind: 'pegged' | 'tracks' }>;
}

/** Largest market cap first; unknown caps last; the file's order breaks ties. */
function bySize(tokens: readonly SectionToken[]): SectionToken[] {
  return tokens
    .map((t, i) => ({ t, i }))
    .sort((a, b) => (b.t.marketCap ?? -1) - (a.t.marketCap ?? -1) || a.i - b.i)
    .map(({ t }) => t);
}

/** A cross-section from our own tokens (the snapshot's listing, with CMC categories). */
export function sectionFromTokens(date: string, tokens: readonly SnapshotToken[]): CrossSection {
  const sorted = bySize(tokens);
  return { date, tokens: sorted, pegs: classifyPegs(sorted) };
}

/**
 * A cross-section from CoinGecko `/coins/markets` rows (JSON objects or CSV records). Rows without an
 * id are skipped, and a repeated id keeps its first row. CoinGecko rows carry no tags, so only the
 * name, symbol and price rules of `classifyPegs` apply.
 */
export function sectionFromCg(date: string, rows: readonly Json[]): CrossSection {
  const seen = new Set<string>();
  const tokens: SectionToken[] = [];
  for (const r of rows) {
    const id = str(r['id']);
    if (id === '' || seen.has(id)) continue;
    seen.add(id);
    tokens.push({
      id,
      name: str(r['name']),
      symbol: str(r['symbol']).toUpperCase(),
      price: toFiniteNumber(r['current_price']) ?? Number.NaN,
      categories: [],
      marketCap: toPositiveOrNull(r['market_cap']),
    });
  }
  const sorted = bySize(tokens);
  return { date, tokens: sorted, pegs: classifyPegs(sorted) };
}

/**
 * `M_d`: the sum of the market caps of the 200 largest tokens of a cross-section that are not
 * wrapped, bridged or staked derivatives (those would count their underlying twice). Stablecoins stay in.
 */
export function marketMeasure(section: CrossSection): number {
  return section.tokens
    .filter((t) => t.marketCap !== null && section.pegs.get(t.id)?.kind !== 'tracks')
    .slice(0, MARKET_MEASURE_TOKENS)
    .reduce((sum, t) => sum + (t.marketCap ?? 0), 0);
}

/** A token's market cap in a section when it counts as a scenario asset there: present, > 0, neither pegged nor a derivative. */
function scenarioCap(section: CrossSection, byId: ReadonlyMap<string, SectionToken>, id: string): number | null {
  if (section.pegs.has(id)) return null;
  return byId.get(id)?.marketCap ?? null;
}

/** What the observed captures came from, for the build's report and the docs. */
export interface ObservedReport {
  /** `M_d` per cross-section date, USD. */
  readonly markets: ReadonlyArray<{ readonly date: string; readonly total: number }>;
  /** Each window with the number of listing tokens it gave an observation for. */
  readonly windows: ReadonlyArray<{ readonly from: string; readonly to: string; readonly marketMove: number; readonly matched: number }>;
  /** `m`, `tau` and `X0`. */
  readonly prior: { readonly mean: number; readonly spread: number; readonly priorEvidence: number };
  readonly entries: number;
}

/** The observed captures of the listing's tokens, keyed by id in listing order, and how they came about. */
export interface ObservedResult {
  readonly observed: Record<string, ObservedCaptures>;
  readonly report: ObservedReport;
}

/** History points (`[YYYY-MM-DD, USD]`) as the engine's `[ms, USD]`. */
const capPoints = (points: ReadonlyArray<readonly [string, number]>): CapPoint[] => points.map(([d, v]) => [Date.parse(`${d}T00:00:00Z`), v] as const);

/**
 * Observed captures for every token of `listing` the data can speak for: a window per pair of
 * cross-sections whose market measure moved at least 1.5x either way, matched by id, plus the daily
 * history's window for the coins it covers. Pegged and derivative tokens of the listing get no entry.
 * @param sections the dated cross-sections, the listing's own among them
 * @param listing the snapshot's tokens, in listing order
 * @param history the daily market-cap history (`buildHistory`)
 * @param source the `sources` key the entries cite
 */
export function observedCaptures(sections: readonly CrossSection[], listing: readonly SnapshotToken[], history: History, source: string): ObservedResult {
  const markets = sections.map((s) => ({ date: s.date, total: marketMeasure(s) }));
  const byDate = new Map(sections.map((s) => [s.date, { section: s, byId: new Map(s.tokens.map((t) => [t.id, t])) }]));
  const listingPegs = classifyPegs(listing);
  const candidates = listing.filter((t) => !listingPegs.has(t.id));
  const windowsByToken = new Map<string, CaptureWindow[]>(candidates.map((t) => [t.id, []]));

  const windows = marketWindows(markets);
  const report: Array<ObservedReport['windows'][number]> = [];
  for (const w of windows) {
    const a = byDate.get(w.from);
    const b = byDate.get(w.to);
    let matched = 0;
    for (const t of candidates) {
      if (a === undefined || b === undefined) break;
      const capture = crossSectionCapture(scenarioCap(a.section, a.byId, t.id) ?? Number.NaN, scenarioCap(b.section, b.byId, t.id) ?? Number.NaN, w.marketMove);
      if (capture === null) continue;
      matched += 1;
      windowsByToken.get(t.id)?.push({ ...w, capture });
    }
    report.push({ ...w, matched });
  }

  const market = capPoints(history.market.points);
  const historyWindows = new Map<string, { from: string; to: string; marketMove: number; matched: number }>();
  for (const [id, series] of Object.entries(history.tokens)) {
    const list = windowsByToken.get(id);
    const w = list === undefined ? null : historyWindow(capPoints(series.points), market);
    if (w === null || list === undefined) continue;
    list.push(w);
    const seen = historyWindows.get(`${w.from}|${w.to}`) ?? { from: w.from, to: w.to, marketMove: w.marketMove, matched: 0 };
    seen.matched += 1;
    historyWindows.set(`${w.from}|${w.to}`, seen);
  }
  report.push(...historyWindows.values());

  // The move between the two oldest sections (2023-05 -> 2024-11) is the reference: one such period weighs 2/3.
  const [oldest, next] = [...markets].sort((x, y) => (x.date < y.date ? -1 : 1));
  const reference = oldest !== undefined && next !== undefined ? next.total / oldest.total : Number.NaN;
  if (!(reference > 0) || reference === 1) throw new Error('observed captures: the two oldest cross-sections give no reference move');
  const set = observedCaptureSet(windowsByToken, reference);
  const observed: Record<string, ObservedCaptures> = {};
  for (const t of listing) {
    const e = set.captures.get(t.id);
    if (e !== undefined) observed[t.id] = { source, bear: e.bear, base: e.base, moon: e.moon, raw: e.raw, weight: e.weight, windows: [...e.windows] };
  }
  return {
    observed,
    report: {
      markets,
      windows: report,
      prior: { mean: set.prior.mean, spread: set.prior.spread, priorEvidence: set.priorEvidence },
      entries: Object.keys(observed).length,
    },
  };
}

/** USD in trillions, 3 decimals. */
const t = (v: number): string => `${(v / 1e12).toFixed(3)}T`;

/** The report as a few lines for the build's stdout. */
export function observedReportLines(r: ObservedReport): string[] {
  return [
    `observed: market measure (top ${MARKET_MEASURE_TOKENS} non-derivatives) ${r.markets.map((m) => `${m.date} ${t(m.total)}`).join(', ')}`,
    ...r.windows.map((w) => `observed: window ${w.from} -> ${w.to} x${round4(w.marketMove)}: ${w.matched} tokens matched`),
    `observed: m ${round4(r.prior.mean)}, tau ${round4(r.prior.spread)}, X0 ${round4(r.prior.priorEvidence)}; ${r.entries} tokens with observed captures`,
  ];
}

/**
 * The snapshot's observed captures over the four cross-sections (the three CoinGecko files and the
 * listing itself) and the daily history, keyed by token id in listing order. Adds their `sources` entry
 * and passes the report lines (market measures, windows and matches, prior) to `report`.
 * @param listed the listing's day (`YYYY-MM-DD`), also the entries' source date
 * @param cgRows the CoinGecko files' rows: 2025-02 (`json`), 2024-11 (`csv`), 2023-05 (`old`)
 */
export function observedEntries(
  history: History,
  listed: string,
  tokens: readonly SnapshotToken[],
  cgRows: { readonly json: readonly Json[]; readonly csv: readonly Json[]; readonly old: readonly Json[] },
  sources: Record<string, SourceRef>,
  report: (lines: string[]) => void,
): Record<string, ObservedCaptures> {
  const source = `capbands-observed-${listed}`;
  const sections = [
    sectionFromCg(CG_DAYS.old, cgRows.old),
    sectionFromCg(CG_DAYS.csv, cgRows.csv),
    sectionFromCg(CG_DAYS.json, cgRows.json),
    sectionFromTokens(listed, tokens),
  ];
  const result = observedCaptures(sections, tokens, history, source);
  const dates = new Set(sections.map((x) => x.date));
  const first =
    result.report.windows
      .map((w) => w.from)
      .filter((d) => dates.has(d))
      .sort()[0] ?? listed;
  const daily = result.report.windows.find((w) => !dates.has(w.from));
  const dailyText = daily ? ` and the ${daily.from} → ${daily.to} daily history` : '';
  sources[source] = { name: `Observed captures: market-cap changes across the ${first} → ${listed} market moves${dailyText} (capbands)`, asOf: listed };
  report(observedReportLines(result.report));
  return result.observed;
}
