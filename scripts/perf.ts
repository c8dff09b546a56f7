/**
 * `npm run perf`: numbers a user feels, as ratios to a floor measured in the same run.
 *
 * Builds nothing: serves the existing `dist/` (run `npm run build` first) on localhost and drives
 * Debian's Chromium with playwright-core. Measures
 * - slider latency (keydown -> next painted frame) on `/token/cardano`'s "Total market size" and
 *   "Market share", at 1x and 4x CPU, against the floor: a bare React range input
 *   (`test/perf/bare-slider.html`, built beside the app, never linked from it);
 * - search latency on `/` with 5,000 tokens (a generated snapshot), the same measure, and the screener's
 *   "Total market size" slider there (every token's scenario columns recomputed per step);
 * - for reference, typing into a bare React search box (`test/perf/bare-search.html`): the search is
 *   judged against the slider floor, and this row shows how much of that ratio any text box costs;
 * - JavaScript transferred for `/` (gzip -9 of each file fetched), first and largest contentful paint at 4x;
 * - PNG export time at 1x; the engine bench (`scripts/bench.ts`).
 * Prints one table; `--write` also writes it as markdown to `perf-results.md`; `--dist DIR` measures another
 * build; `--json FILE` writes the checks (rows with a breach line) for CI's count.
 * `PERF_DEBUG=1` logs every block of presses.
 * Exits 1 only on a clear breach (latency p95 over 2x the floor's at 1x CPU or 3x at 4x, JavaScript for
 * `/` over 125 kB, the engine over its bench line), so noise never blocks a landing: a latency breach is
 * measured again (all six measures, in turns), up to `RUNS_TO_CONFIRM` runs in all, and counts only if
 * the same measure is over the line in every one. Tight budgets are marked met or not. Exits 2 when it
 * cannot measure (no build, a page that never loads).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { launchChromium } from '../test/e2e/browser.ts';
import { BREACH_MS_PER_THOUSAND, runBench } from './bench.ts';
import { bigSnapshot } from './perf/big-snapshot.ts';
import { latencies, type Measured } from './perf/latency.ts';
import { exportTimes, loadRun, type LoadRun } from './perf/load-export.ts';
import { elapsed, log } from './perf/log.ts';
import { FLOOR_PATH, TEXT_FLOOR_PATH, openPages, type Measure } from './perf/pages.ts';
import { floorRow, gatedRows, latencyRow, markdownTable, measureUntilClear, percentile, referenceRow, summary, textTable, type Row } from './perf/report.ts';
import { serveDist } from './serve-dist.ts';

const ROOT = resolve(import.meta.dirname, '..');
/** The build to measure: `dist/`, or the one given as `--dist DIR`. */
const distArg = process.argv.indexOf('--dist');
const DIST = resolve(ROOT, distArg > 0 ? (process.argv[distArg + 1] ?? 'dist') : 'dist');

const RATES = [1, 4] as const;
/**
 * The tight budget and the clear-breach line per CPU rate, as ratios of p95 to the floor's p95. At 4x CPU
 * the line is 3x, not 2x: the app's p95 sits at 1.0-2.2x the floor's there (the floor's page does about
 * half of the app's work per press, and neither page's work fits in one frame), so a 2x line would let
 * noise block a landing. 3x still fails a regression: a naive recharts chart redrawn on every change
 * measured 7.6x.
 */
const BUDGET = { 1: { ratio: 1.25, breach: 2, gated: true }, 4: { ratio: 1.5, breach: 3, gated: true } } as const;
/**
 * Runs of one rate's presses, at most, before a breach counts: one burst of other work on the machine
 * can put a single run's ratio over the line (at 4x CPU the app's p95 ratio has moved from 1.2x to 2.2x
 * between runs of the same build). A regression holds in every run.
 */
const RUNS_TO_CONFIRM = 3;
/** The two bare pages: the floor every budget is judged against, and the search's reference. */
const BARE: ReadonlySet<Measure> = new Set(['floor', 'text']);
const JS_BUDGET_KB = 110;
const JS_BREACH_KB = 125;
const EXPORT_BUDGET_MS = 300;
const EXPORT_RUNS = 5;
const LOAD_RUNS = 3;

const ms = (v: number | null | undefined): string => (v === null || v === undefined || !Number.isFinite(v) ? 'n/a' : `${v.toFixed(0)} ms`);
const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;

interface Snapshot500 {
  readonly tokens: ReadonlyArray<{ readonly name: string; readonly rank: number }>;
}

/** The app's measures whose p95 is over `line` times the floor's. */
function breached(m: Measured, line: number): Measure[] {
  return (Object.keys(m) as Measure[]).filter((k) => !BARE.has(k) && m[k].p95 / m.floor.p95 > line);
}

const known = (values: ReadonlyArray<number | null>): number[] => values.filter((v): v is number => v !== null);
const median = (values: ReadonlyArray<number | null>): number => (known(values).length ? percentile(known(values), 50) : Number.NaN);
const maxOf = (values: ReadonlyArray<number | null>): number => Math.max(...known(values));

async function main(): Promise<void> {
  const write = process.argv.includes('--write');
  const missing = ['/index.html', FLOOR_PATH, TEXT_FLOOR_PATH].find((path) => !existsSync(resolve(DIST, `.${path}`)));
  if (missing) {
    console.error(`perf: dist${missing} is missing: run npm run build first`);
    process.exit(2);
  }
  const loadBefore = loadavg()[0] ?? 0;
  const snapshotFile = resolve(ROOT, 'public/data/snapshot.json');
  const snapshot: Snapshot500 = JSON.parse(readFileSync(snapshotFile, 'utf8'));
  const firstRow = snapshot.tokens.toSorted((a, b) => a.rank - b.rank)[0]?.name ?? 'Bitcoin';

  log('engine bench');
  const bench = runBench();
  const big = bigSnapshot(snapshotFile);

  const server = await serveDist(DIST);
  const browser = await launchChromium();
  const measured: Partial<Record<(typeof RATES)[number], Measured>> = {};
  const confirmations: string[] = [];
  const confirmed: Partial<Record<(typeof RATES)[number], ReadonlySet<Measure>>> = {};
  const loads: LoadRun[] = [];
  let exported: Awaited<ReturnType<typeof exportTimes>>;
  try {
    log('opening the floor, the bare search box, /token/cardano and / with 5,000 tokens');
    const { drivers, close } = await openPages(browser, server.url, big);
    try {
      for (const rate of RATES) {
        log(`${rate}x CPU: key presses, the six measures taking turns`);
        const line = BUDGET[rate].breach;
        // Only a breach that can fail the run is worth measuring again; the table shows the last run.
        const { last, held, seen } = await measureUntilClear(
          async (run) => {
            if (run > 0) log(`${rate}x CPU: over ${line}x the floor; measuring all six again (run ${run + 1} of at most ${RUNS_TO_CONFIRM}) to confirm`);
            return latencies(drivers, rate, run === 0 && rate === RATES[0]);
          },
          (m) => breached(m, line),
          BUDGET[rate].gated ? RUNS_TO_CONFIRM : 1,
        );
        measured[rate] = last;
        if (seen.length > 1) {
          confirmed[rate] = new Set(held);
          confirmations.push(`${rate}x: over the breach line in ${seen.map((o, i) => `run ${i + 1}: ${o.length ? o.join(', ') : 'none'}`).join('; ')}`);
        }
      }
    } finally {
      await close();
    }
    log(`load of / at 4x CPU (${LOAD_RUNS} fresh contexts)`);
    for (let i = 0; i < LOAD_RUNS; i++) loads.push(await loadRun(browser, server.url, DIST, 4, firstRow));
    log(`PNG export at 1x CPU (${EXPORT_RUNS} runs)`);
    exported = await exportTimes(browser, server.url, EXPORT_RUNS);
  } finally {
    await browser.close();
    await server.close();
  }

  const rows: Row[] = [];
  for (const rate of RATES) {
    const m = measured[rate];
    if (!m) continue;
    rows.push(floorRow(`floor: bare React slider, ${rate}x`, m.floor));
    rows.push(referenceRow(`reference: bare React search box, ${rate}x`, m.text, m.floor));
    const row = (measure: Exclude<Measure, 'floor' | 'text'>, name: string): Row => {
      const r = latencyRow(name, m[measure], m.floor, BUDGET[rate]);
      const held = confirmed[rate];
      return held && r.breach && !held.has(measure) ? { ...r, breach: false, measure: `${r.measure} (breach not confirmed)` } : r;
    };
    rows.push(row('market', `slider "Total market size", ${rate}x`));
    rows.push(row('share', `slider "Market share", ${rate}x`));
    rows.push(row('search', `search, ${big.tokens} tokens, ${rate}x`));
    rows.push(row('screen', `screener slider, ${big.tokens} tokens, ${rate}x`));
  }
  const js = loads[0]?.js ?? [];
  const jsGzip = js.reduce((sum, f) => sum + f.gzip, 0);
  const jsSums = loads.map((l) => l.js.reduce((sum, f) => sum + f.gzip, 0));
  if (new Set(jsSums).size > 1) log(`warning: JavaScript for / differed between loads: ${jsSums.map(kB).join(', ')}`);
  rows.push({
    measure: `JavaScript for / (gzip -9, ${js.length} files)`,
    max: kB(jsGzip),
    budget: `<= ${JS_BUDGET_KB} kB`,
    met: jsGzip <= JS_BUDGET_KB * 1000,
    breach: jsGzip > JS_BREACH_KB * 1000,
  });
  const fcps = loads.map((l) => l.fcp);
  const lcps = loads.map((l) => l.lcp);
  rows.push({ measure: `first contentful paint /, 4x (n=${loads.length})`, p50: ms(median(fcps)), max: ms(maxOf(fcps)), budget: '-', met: null, breach: null });
  rows.push({ measure: `largest contentful paint /, 4x (n=${loads.length})`, p50: ms(median(lcps)), max: ms(maxOf(lcps)), budget: '-', met: null, breach: null });
  const exportMedian = percentile(exported.clickToDownload, 50);
  rows.push({
    measure: `Export PNG, click -> download, 1x (n=${exported.clickToDownload.length})`,
    p50: ms(exportMedian),
    max: ms(Math.max(...exported.clickToDownload)),
    budget: `p50 < ${EXPORT_BUDGET_MS} ms`,
    met: exportMedian < EXPORT_BUDGET_MS,
    breach: null,
  });
  if (exported.inPage.length) {
    rows.push({
      measure: `  of which in the page (click handler -> file link), 1x`,
      p50: ms(percentile(exported.inPage, 50)),
      max: ms(Math.max(...exported.inPage)),
      budget: '-',
      met: null,
      breach: null,
    });
  }
  rows.push({
    measure: `engine: ${bench.tokens} tokens x 4 tiers x 3 cases (node)`,
    p50: `${bench.median.toFixed(2)} ms`,
    max: `${bench.perThousand.toFixed(3)} ms/1k`,
    budget: `<= ${BREACH_MS_PER_THOUSAND} ms/1k tokens`,
    met: bench.perThousand <= BREACH_MS_PER_THOUSAND,
    breach: bench.perThousand > BREACH_MS_PER_THOUSAND,
  });

  const result = summary(rows);
  const loadLine = `machine: ${availableParallelism()} cores, 1-minute load average ${loadBefore.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end (other work on the machine inflates every latency; the ratios to the floor, taken in turns, less so)`;
  console.log(textTable(rows));
  console.log('');
  console.log(`JavaScript for / (gzip -9 of each file fetched, as a compressing server would send it):`);
  for (const f of js) console.log(`  ${kB(f.gzip).padStart(9)}  (${kB(f.bytes).padStart(9)} raw)  ${f.path}`);
  for (const c of confirmations) console.log(`re-measured at ${c}`);
  console.log(loadLine);
  console.log(`run took ${elapsed().toFixed(0)} s`);
  console.log(result.line);

  if (write) {
    const md = [
      '<!-- written by `npm run perf -- --write`; numbers from one run on one machine -->',
      markdownTable(rows),
      '',
      `${result.line} (${new Date().toISOString().slice(0, 10)})`,
      '',
      loadLine,
      '',
    ].join('\n');
    writeFileSync(resolve(ROOT, 'perf-results.md'), md);
    log('wrote perf-results.md');
  }
  const jsonArg = process.argv.indexOf('--json');
  if (jsonArg > 0 && process.argv[jsonArg + 1]) {
    // For CI's total: each row with a breach line is one check, failed when clearly breached.
    const gated = gatedRows(rows);
    const failed = gated.filter((r) => r.breach === true).length;
    writeFileSync(resolve(process.argv[jsonArg + 1] ?? ''), JSON.stringify({ passed: gated.length - failed, failed, rows }, null, 2));
  }
  if (result.breaches > 0) process.exit(1);
}

try {
  await main();
} catch (error) {
  // Not a breach: the measurement itself failed (exit 2, so CI still notices).
  console.error('perf: could not measure:', error);
  process.exit(2);
}
