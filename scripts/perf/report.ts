/** Percentiles, the table `npm run perf` prints (plain text) and writes (markdown), and its summary line. */

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
  /** The p95 of the bare page a latency is judged against (the bare slider, or the bare search box). */
  readonly floorP95?: string;
  /** p95 over the floor's p95. */
  readonly ratio?: string;
  /** p50 over the floor's p50: the typical press. */
  readonly p50Ratio?: string;
  readonly budget: string;
  readonly met: boolean | null;
  readonly breach: boolean | null;
  /** The clear-breach line, shown beside the verdict where rows differ in it ("2x"). */
  readonly breachLine?: string;
}

const HEAD = ['measure', 'p50', 'p95', 'max / value', 'floor p95', 'ratio', 'p50 ratio', 'budget', 'met', 'clear breach'] as const;

const yn = (v: boolean | null): string => (v === null ? '-' : v ? 'yes' : 'no');
const esc = (c: string): string => c.replaceAll('|', '\\|');

function cells(r: Row): string[] {
  const line = r.breachLine && r.breach !== null ? ` (over ${r.breachLine})` : '';
  return [r.measure, r.p50 ?? '', r.p95 ?? '', r.max ?? '', r.floorP95 ?? '', r.ratio ?? '', r.p50Ratio ?? '', r.budget, yn(r.met), `${yn(r.breach)}${line}`];
}

const RIGHT = new Set([1, 2, 3, 4, 5, 6]);

export function textTable(rows: readonly Row[]): string {
  const all = [[...HEAD], ...rows.map(cells)];
  const widths = HEAD.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]): string =>
    r
      .map((c, i) => (RIGHT.has(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(all[0] ?? []), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}

export function markdownTable(rows: readonly Row[]): string {
  return [
    `| ${HEAD.join(' | ')} |`,
    `| ${HEAD.map((_, i) => (RIGHT.has(i) ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${cells(r).map(esc).join(' | ')} |`),
  ].join('\n');
}

/** CI's checks: the rows with a clear-breach line, each failing the run when clearly breached. */
export const checkRows = (rows: readonly Row[]): Row[] => rows.filter((r) => r.breach !== null);

export function summary(rows: readonly Row[]): { met: number; missed: number; breaches: number; line: string } {
  const met = rows.filter((r) => r.met === true).length;
  const missed = rows.filter((r) => r.met === false).length;
  const breaches = rows.filter((r) => r.breach === true).length;
  return { met, missed, breaches, line: `perf: ${met} budgets met, ${missed} missed, ${breaches} clear breaches` };
}
