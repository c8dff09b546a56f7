/** Percentiles, budget rows and the table `npm run perf` prints (plain text) and writes (markdown). */

/** Nearest-rank percentile (`p` in 0..100) of unsorted values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = values.toSorted((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
}

export interface Distribution {
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  readonly n: number;
}

export function distribution(values: readonly number[]): Distribution {
  return { p50: percentile(values, 50), p95: percentile(values, 95), max: Math.max(...values), n: values.length };
}

/** One line of the table. `met`/`breach` are null where the measure has no budget or no breach line. */
export interface Row {
  readonly measure: string;
  readonly p50?: string;
  readonly p95?: string;
  /** Max, or the single value of a measure that has one. */
  readonly max?: string;
  readonly floorP95?: string;
  readonly ratio?: string;
  /**
   * p50 over the floor's p50: not a budget. The typical press, beside the p95 ratio, which rests on
   * the two slowest of 40 presses on each side and moves by 0.3-0.5 from run to run.
   */
  readonly p50Ratio?: string;
  readonly budget: string;
  readonly met: boolean | null;
  readonly breach: boolean | null;
  /** False for a breach line that is reported but does not fail the run (see `LatencyBudget.gated`). */
  readonly gated?: boolean;
  /** The clear-breach line, shown beside the verdict where rows differ in it ("2x"). */
  readonly breachLine?: string;
}

const ms = (v: number): string => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : 'n/a');

export interface LatencyBudget {
  /** The tight budget on the p95 ratio to the floor (1.25 at 1x, 1.5 at 4x). */
  readonly ratio: number;
  /** Over this ratio is a clear breach (2 at 1x; 3 at 4x, see `scripts/perf.ts`). */
  readonly breach: number;
  /** Whether a clear breach fails the run, or is only reported. */
  readonly gated: boolean;
}

/** A measure against the floor's p50 and p95, measured in the same run at the same CPU rate. */
function againstFloor(measure: string, d: Distribution, floor: Distribution): Pick<Row, 'measure' | 'p50' | 'p95' | 'max' | 'floorP95' | 'ratio' | 'p50Ratio'> {
  return {
    measure: `${measure} (n=${d.n})`,
    p50: ms(d.p50),
    p95: ms(d.p95),
    max: ms(d.max),
    floorP95: ms(floor.p95),
    ratio: `${(d.p95 / floor.p95).toFixed(2)}x`,
    p50Ratio: `${(d.p50 / floor.p50).toFixed(2)}x`,
  };
}

/** A latency row: the measure against the floor's p95 measured in the same run at the same CPU rate. */
export function latencyRow(measure: string, d: Distribution, floor: Distribution, budget: LatencyBudget): Row {
  const ratio = d.p95 / floor.p95;
  return {
    ...againstFloor(measure, d, floor),
    budget: `p95 <= ${budget.ratio}x floor`,
    met: ratio <= budget.ratio,
    breach: ratio > budget.breach,
    gated: budget.gated,
    breachLine: `${budget.breach}x`,
  };
}

/**
 * A bare page other than the floor (the search box), against the floor like a latency row, but with no
 * budget and no breach line: it shows what part of a ratio the kind of input costs by itself.
 */
export function referenceRow(measure: string, d: Distribution, floor: Distribution): Row {
  return { ...againstFloor(measure, d, floor), budget: 'reference', met: null, breach: null };
}

/** The floor itself: shown for reference, no budget. */
export function floorRow(measure: string, d: Distribution): Row {
  return { measure: `${measure} (n=${d.n})`, p50: ms(d.p50), p95: ms(d.p95), max: ms(d.max), budget: 'floor', met: null, breach: null };
}

const HEAD = ['measure', 'p50', 'p95', 'max / value', 'floor p95', 'ratio', 'p50 ratio', 'budget', 'met', 'clear breach'] as const;

const yn = (v: boolean | null): string => (v === null ? '-' : v ? 'yes' : 'no');
const esc = (c: string): string => c.replaceAll('|', '\\|');

function cells(r: Row): string[] {
  const line = r.breachLine && r.breach !== null ? ` (over ${r.breachLine})` : '';
  const breach = r.gated === false && r.breach !== null ? `${yn(r.breach)}${line} (not gated)` : `${yn(r.breach)}${line}`;
  return [r.measure, r.p50 ?? '', r.p95 ?? '', r.max ?? '', r.floorP95 ?? '', r.ratio ?? '', r.p50Ratio ?? '', r.budget, yn(r.met), breach];
}

const RIGHT = new Set([1, 2, 3, 4, 5, 6]);

export function textTable(rows: readonly Row[]): string {
  const all = [[...HEAD], ...rows.map(cells)];
  const widths = HEAD.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]): string =>
    r.map((c, i) => (RIGHT.has(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(all[0] ?? []), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}

export function markdownTable(rows: readonly Row[]): string {
  return [
    `| ${HEAD.join(' | ')} |`,
    `| ${HEAD.map((_, i) => (RIGHT.has(i) ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${cells(r).map(esc).join(' | ')} |`),
  ].join('\n');
}

/** The rows whose breach line fails the run (a row without `gated` is gated). */
export const gatedRows = (rows: readonly Row[]): Row[] => rows.filter((r) => r.breach !== null && r.gated !== false);

export function summary(rows: readonly Row[]): { met: number; missed: number; breaches: number; reported: number; line: string } {
  const met = rows.filter((r) => r.met === true).length;
  const missed = rows.filter((r) => r.met === false).length;
  const breaches = gatedRows(rows).filter((r) => r.breach === true).length;
  const reported = rows.filter((r) => r.breach === true && r.gated === false).length;
  const also = reported > 0 ? ` (and ${reported} over a breach line that is reported, not gated)` : '';
  return { met, missed, breaches, reported, line: `perf: ${met} budgets met, ${missed} missed, ${breaches} clear breaches${also}` };
}

/**
 * Takes runs of `measure` until no measure found `over` a breach line in the first run stays over it, or
 * `runs` runs are taken. A breach holds only for a measure over the line in every run: one burst of other
 * work on the machine can double a single run's p95, a regression holds in each. Returns the last run,
 * the measures over the line in every run, and the measures over it in each run.
 */
export async function measureUntilClear<M, K>(measure: (run: number) => Promise<M>, over: (m: M) => readonly K[], runs: number): Promise<{ last: M; held: K[]; seen: K[][] }> {
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
