/**
 * How `npm run perf` judges what it measured: the budgets (reported as met or not) and the clear-breach
 * lines (CI's checks, each failing the run when clearly breached), and the rows that show both.
 *
 * Latency is judged as a ratio to a bare React page measured in turns in the same run at the same CPU
 * rate: the sliders and the screener against the bare slider, the search against the bare search box
 * (typing into any text box costs Blink's editing, shaping and caret, which no app can avoid).
 */
import type { Measured } from './latency.ts';
import type { Measure } from './pages.ts';
import { percentile, type Distribution, type Row } from './report.ts';

export const RATES = [1, 4] as const;
export type Rate = (typeof RATES)[number];

/** The two bare pages, and the app's four measures. */
export type Bare = 'floor' | 'text';
export type AppMeasure = Exclude<Measure, Bare>;

/** The bare page each of the app's measures is judged against. */
export const FLOOR_OF: Readonly<Record<AppMeasure, Bare>> = { market: 'floor', share: 'floor', search: 'text', screen: 'floor' };
const FLOOR_NAME: Readonly<Record<Bare, string>> = { floor: 'bare slider', text: 'bare search' };

export interface LatencyBudget {
  /** Presses per measure, and per turn (the measures take turns in blocks of this many). */
  readonly presses: number;
  readonly block: number;
  /** The budget on the p95 ratio to the floor's, or null. */
  readonly p95: number | null;
  /** The budget on the p50 ratio to the floor's, or null. */
  readonly p50: number | null;
  /** A p95 ratio over this is a clear breach: one of CI's checks. */
  readonly breach: number;
}

/**
 * Per CPU rate. At 1x the budget is the p95 ratio, at 1.25x. At 4x neither page's work fits in one frame
 * and the p95 of 40 presses (the third-slowest) moved by 0.3-0.5x between runs of one build on this
 * 2-core machine, so the budget is judged on the p50 ratio and on the p95 of 200 presses (the eleventh
 * slowest), both at 1.5x. The breach lines are 2x at 1x and 3x at 4x (the app's p95 ratio has moved
 * between 1.2x and 2.2x at 4x on one build, so 2x there would let noise block a landing; 3x still fails a
 * regression: a naive recharts chart redrawn on every change measured 7.6x).
 */
export const BUDGET: Readonly<Record<Rate, LatencyBudget>> = {
  1: { presses: 200, block: 10, p95: 1.25, p50: null, breach: 2 },
  4: { presses: 200, block: 10, p95: 1.5, p50: 1.5, breach: 3 },
};

/**
 * Measurements of one rate, at most, before a latency breach counts: one burst of other work on the
 * machine can put a single measurement over a line; a regression holds in each.
 */
export const RUNS_TO_CONFIRM = 3;

export const JS_BUDGET_KB = 110;
export const JS_BREACH_KB = 125;
export const EXPORT_BUDGET_MS = 300;

const msText = (v: number): string => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : 'n/a');
const msRound = (v: number | null | undefined): string => (v === null || v === undefined || !Number.isFinite(v) ? 'n/a' : `${v.toFixed(0)} ms`);
export const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;

/** A bare page's row: shown for reference, no budget. */
export function floorRow(measure: string, d: Distribution): Row {
  return { measure: `${measure} (n=${d.n})`, p50: msText(d.p50), p95: msText(d.p95), max: msText(d.max), budget: 'floor', met: null, breach: null };
}

/** "p95 <= 1.25x", "p50, p95 <= 1.5x": the ratios a budget names, and their limits. */
function budgetText(budget: LatencyBudget): string {
  const limits = (['p50', 'p95'] as const).filter((p) => budget[p] !== null).map((p) => [p, budget[p]] as const);
  return new Set(limits.map(([, v]) => v)).size === 1
    ? `${limits.map(([p]) => p).join(', ')} <= ${limits[0]?.[1]}x`
    : limits.map(([p, v]) => `${p} <= ${v}x`).join(', ');
}

/**
 * One of the app's latency measures against its floor (`floorName`: which bare page), measured in the
 * same run at the same CPU rate: met when every ratio `budget` names is within it, a clear breach when
 * the p95 ratio is over its line.
 */
export function latencyRow(measure: string, d: Distribution, floor: Distribution, floorName: string, budget: LatencyBudget): Row {
  const ratio = d.p95 / floor.p95;
  const p50Ratio = d.p50 / floor.p50;
  return {
    measure: `${measure} (n=${d.n})`,
    p50: msText(d.p50),
    p95: msText(d.p95),
    max: msText(d.max),
    floorP95: msText(floor.p95),
    ratio: `${ratio.toFixed(2)}x`,
    p50Ratio: `${p50Ratio.toFixed(2)}x`,
    budget: `${budgetText(budget)} ${floorName}`,
    met: (budget.p95 === null || ratio <= budget.p95) && (budget.p50 === null || p50Ratio <= budget.p50),
    breach: ratio > budget.breach,
    breachLine: `${budget.breach}x`,
  };
}

/** The app's measures whose p95 is over `line` times their floor's. */
export function breached(m: Measured, line: number): AppMeasure[] {
  return (Object.keys(FLOOR_OF) as AppMeasure[]).filter((k) => m[k].p95 / m[FLOOR_OF[k]].p95 > line);
}

/**
 * Takes runs of `measure` until no measure found `over` a breach line in the first run stays over it, or
 * `runs` runs are taken. A breach holds only for a measure over the line in every run. Returns the last
 * run, the measures over the line in every run, and the measures over it in each run.
 */
export async function measureUntilClear<M, K>(
  measure: (run: number) => Promise<M>,
  over: (m: M) => readonly K[],
  runs: number,
): Promise<{ last: M; held: K[]; seen: K[][] }> {
  let last = await measure(0);
  let held = [...over(last)];
  const seen = [held];
  while (held.length > 0 && seen.length < runs) {
    last = await measure(seen.length);
    const still = over(last);
    held = held.filter((k) => still.includes(k));
    seen.push([...still]);
  }
  return { last, held, seen };
}

const NAMES: Readonly<Record<AppMeasure, (tokens: number) => string>> = {
  market: () => 'slider "Total market size"',
  share: () => 'slider "Market share"',
  search: (tokens) => `search, ${tokens} tokens`,
  screen: (tokens) => `screener slider, ${tokens} tokens`,
};

/**
 * Measures one CPU rate (`measure(run)` takes every measure once, in turns), again while a measure over
 * the breach line stays over it, up to `RUNS_TO_CONFIRM` runs, and judges the last run. A row over the
 * line in the last run but not in every run is shown as not confirmed, and is no breach. `note` says what
 * was over the line in each run when there was more than one.
 */
export async function judgeRate(rate: Rate, measure: (run: number) => Promise<Measured>, tokens: number): Promise<{ rows: Row[]; note: string | null }> {
  const budget = BUDGET[rate];
  const { last, held, seen } = await measureUntilClear(measure, (m) => breached(m, budget.breach), RUNS_TO_CONFIRM);
  const rows: Row[] = [floorRow(`floor: bare React slider, ${rate}x`, last.floor), floorRow(`floor: bare React search box, ${rate}x`, last.text)];
  for (const k of Object.keys(FLOOR_OF) as AppMeasure[]) {
    const r = latencyRow(`${NAMES[k](tokens)}, ${rate}x`, last[k], last[FLOOR_OF[k]], FLOOR_NAME[FLOOR_OF[k]], budget);
    rows.push(seen.length > 1 && r.breach && !held.includes(k) ? { ...r, breach: false, measure: `${r.measure} (breach not confirmed)` } : r);
  }
  const note =
    seen.length > 1 ? `${rate}x: over the breach line in ${seen.map((o, i) => `run ${i + 1}: ${o.length ? o.join(', ') : 'none'}`).join('; ')}` : null;
  return { rows, note };
}

/** JavaScript for `/`: gzip bytes of the files it fetched. */
export function jsRow(gzipBytes: number, files: number): Row {
  return {
    measure: `JavaScript for / (gzip -9, ${files} files)`,
    max: kB(gzipBytes),
    budget: `<= ${JS_BUDGET_KB} kB`,
    met: gzipBytes <= JS_BUDGET_KB * 1000,
    breach: gzipBytes > JS_BREACH_KB * 1000,
    breachLine: `${JS_BREACH_KB} kB`,
  };
}

const known = (values: ReadonlyArray<number | null>): number[] => values.filter((v): v is number => v !== null);
const median = (values: ReadonlyArray<number | null>): number => (known(values).length ? percentile(known(values), 50) : Number.NaN);
const maxOf = (values: ReadonlyArray<number | null>): number => Math.max(...known(values));

/** First and largest contentful paint of `/` over the loads: shown, no budget. */
export function paintRows(fcps: ReadonlyArray<number | null>, lcps: ReadonlyArray<number | null>): Row[] {
  return [
    { measure: `first contentful paint /, 4x (n=${fcps.length})`, p50: msRound(median(fcps)), max: msRound(maxOf(fcps)), budget: '-', met: null, breach: null },
    {
      measure: `largest contentful paint /, 4x (n=${lcps.length})`,
      p50: msRound(median(lcps)),
      max: msRound(maxOf(lcps)),
      budget: '-',
      met: null,
      breach: null,
    },
  ];
}

/** PNG export, click to download (a budget on the median), and the part of it in the page. */
export function exportRows(clickToDownload: readonly number[], inPage: readonly number[]): Row[] {
  const p50 = percentile(clickToDownload, 50);
  const rows: Row[] = [
    {
      measure: `Export PNG, click -> download, 1x (n=${clickToDownload.length})`,
      p50: msRound(p50),
      max: msRound(Math.max(...clickToDownload)),
      budget: `p50 < ${EXPORT_BUDGET_MS} ms`,
      met: p50 < EXPORT_BUDGET_MS,
      breach: null,
    },
  ];
  if (inPage.length) {
    rows.push({
      measure: `  of which in the page (click handler -> file link), 1x`,
      p50: msRound(percentile(inPage, 50)),
      max: msRound(Math.max(...inPage)),
      budget: '-',
      met: null,
      breach: null,
    });
  }
  return rows;
}

/** The engine bench against its line (ms per thousand tokens), which is both its budget and its breach. */
export function engineRow(bench: { tokens: number; median: number; perThousand: number }, line: number): Row {
  return {
    measure: `engine: ${bench.tokens} tokens x 4 tiers x 3 cases (node)`,
    p50: `${bench.median.toFixed(2)} ms`,
    max: `${bench.perThousand.toFixed(3)} ms/1k`,
    budget: `<= ${line} ms/1k tokens`,
    met: bench.perThousand <= line,
    breach: bench.perThousand > line,
  };
}
