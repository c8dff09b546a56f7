/**
 * `npm run bench`: the scenario engine over 5,000 tokens x 4 tiers x 3 cases.
 * Prints the median of 15 timed runs (after warm-up) and the time per thousand tokens.
 * Exits non-zero only on a clear breach (over 5 ms per thousand tokens), so noise never fails CI.
 */
import { performance } from 'node:perf_hooks';
import { DEFAULT_CAPTURES, DEFAULT_TIERS, scenarioTable, type TokenInput } from '../src/engine/index.ts';

const TOKENS = 5000;
const RUNS = 15;
const BREACH_MS_PER_THOUSAND = 5;

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
const median = times[Math.floor(RUNS / 2)] ?? Number.NaN;
const perThousand = median / (TOKENS / 1000);
const cells = TOKENS * DEFAULT_TIERS.length * 3;

console.log(`engine bench: ${TOKENS} tokens x ${DEFAULT_TIERS.length} tiers x 3 cases = ${cells} cells`);
console.log(`  median ${median.toFixed(2)} ms (min ${times[0]?.toFixed(2)} ms, max ${times[RUNS - 1]?.toFixed(2)} ms over ${RUNS} runs)`);
console.log(`  ${perThousand.toFixed(3)} ms per 1,000 tokens (${((median * 1e6) / cells).toFixed(1)} ns per cell)`);
if (!Number.isFinite(sink)) throw new Error('engine produced a non-finite price');
if (perThousand > BREACH_MS_PER_THOUSAND) {
  console.error(`  over the ${BREACH_MS_PER_THOUSAND} ms per 1,000 tokens breach line`);
  process.exit(1);
}
