/**
 * `npm run bench`: the scenario engine over 5,000 tokens x 4 tiers x 3 cases.
 * Prints the median of 15 timed runs (after warm-up) and the time per thousand tokens.
 * Exits non-zero only on a clear breach (over 5 ms per thousand tokens), so noise never fails CI.
 * `runBench()` is the same measurement for `npm run perf`.
 */
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_CAPTURES, DEFAULT_TIERS, scenarioTable, type TokenInput } from '../src/engine/index.ts';

const TOKENS = 5000;
const RUNS = 15;
export const BREACH_MS_PER_THOUSAND = 5;

/** Deterministic pseudo-random tokens (a linear congruential generator, so every run measures the same work). */
function makeTokens(n: number): TokenInput[] {
  let seed = 42;
  const next = (): number => {
    seed = (seed * 1664525 + 1013904223) % 4294967296;
    return seed / 4294967296;
  };
  return Array.from({ length: n }, () => {
    const price = 10 ** (next() * 14 - 9);
    const marketCap = 10 ** (next() * 6 + 6);
    return {
      price,
      circulatingSupply: marketCap / price,
      totalMarketCap: 3.1e12,
      ...(next() < 0.5 ? {} : { horizonSupply: (marketCap / price) * (1 + next()) }),
    };
  });
}

export interface BenchResult {
  readonly tokens: number;
  readonly runs: number;
  /** Tokens x tiers x cases. */
  readonly cells: number;
  /** Milliseconds for all tokens: median, fastest and slowest timed run. */
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly perThousand: number;
  readonly nsPerCell: number;
}

/** Times the engine over the bench tokens: 5 warm-up runs, then the median of 15. */
export function runBench(): BenchResult {
  const tokens = makeTokens(TOKENS);
  let sink = 0;
  const runOnce = (): number => {
    const start = performance.now();
    for (const token of tokens) {
      const rows = scenarioTable(token, DEFAULT_CAPTURES, DEFAULT_TIERS);
      sink += rows[rows.length - 1]?.moon.price ?? 0;
    }
    return performance.now() - start;
  };

  for (let i = 0; i < 5; i++) runOnce();
  const times = Array.from({ length: RUNS }, runOnce).sort((a, b) => a - b);
  if (!Number.isFinite(sink)) throw new Error('engine produced a non-finite price');
  const median = times[Math.floor(RUNS / 2)] ?? Number.NaN;
  const cells = TOKENS * DEFAULT_TIERS.length * 3;
  return {
    tokens: TOKENS,
    runs: RUNS,
    cells,
    median,
    min: times[0] ?? Number.NaN,
    max: times[RUNS - 1] ?? Number.NaN,
    perThousand: median / (TOKENS / 1000),
    nsPerCell: (median * 1e6) / cells,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const r = runBench();
  console.log(`engine bench: ${r.tokens} tokens x ${DEFAULT_TIERS.length} tiers x 3 cases = ${r.cells} cells`);
  console.log(`  median ${r.median.toFixed(2)} ms (min ${r.min.toFixed(2)} ms, max ${r.max.toFixed(2)} ms over ${r.runs} runs)`);
  console.log(`  ${r.perThousand.toFixed(3)} ms per 1,000 tokens (${r.nsPerCell.toFixed(1)} ns per cell)`);
  if (r.perThousand > BREACH_MS_PER_THOUSAND) {
    console.error(`  over the ${BREACH_MS_PER_THOUSAND} ms per 1,000 tokens breach line`);
    process.exit(1);
  }
}
