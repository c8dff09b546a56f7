/**
 * The key-press loops: every latency measure at one CPU rate, the measures taking turns in blocks of
 * presses so whatever else loads the machine during the run weighs on the floors and the app alike.
 */
import { URL_WRITE_DELAY_MS } from '../../src/lib/url-sync.ts';
import { INPUT_SETTLE_MS } from '../../src/ui/use-settled-value.ts';
import { log } from './log.ts';
import { MEASURES, throttle, type Measure } from './pages.ts';
import { idle, latency, type KeyDriver } from './probe.ts';
import { distribution, type Distribution } from './report.ts';

/**
 * How long after its last key press a page's own deferred work may start: the views that follow once
 * keys pause (`INPUT_SETTLE_MS`) and the address bar (`URL_WRITE_DELAY_MS`). After each block the page
 * is given that long, then left idle, so this work is done before the next block. Otherwise the search's
 * re-filtered list (5,000 rows) would land in the screener slider's first presses on the same page, and
 * the market slider's answers in the share slider's: every other measure already starts on a page that
 * has been idle for the other measures' turns.
 */
const DEFERRED_MS = Math.max(INPUT_SETTLE_MS, URL_WRITE_DELAY_MS) + 50;

export type Measured = Record<Measure, Distribution>;

/**
 * All six measures (the two bare pages and the app's four) at `rate`x CPU, `presses` samples each,
 * taking turns in blocks of `block` presses. With `warmup` (the pages' first presses), one block each
 * is taken first and discarded. Each page is throttled to `rate` for its turn alone, and given
 * `DEFERRED_MS` and left idle (its deferred renders done) before the next one's turn.
 */
export async function latencies(
  drivers: Record<Measure, KeyDriver>,
  rate: number,
  { presses, block }: { presses: number; block: number },
  warmup: boolean,
): Promise<Measured> {
  const samples: Record<Measure, number[]> = { floor: [], text: [], market: [], share: [], search: [], screen: [] };
  for (let round = warmup ? 0 : 1; round <= Math.ceil(presses / block); round++) {
    for (const m of round % 2 ? MEASURES.toReversed() : MEASURES) {
      const { page } = drivers[m];
      // Throttled for its turn only (see `throttle`): the other pages would each keep a core busy.
      await throttle(page, rate);
      const began = performance.now();
      const got = await drivers[m].take(block);
      const t1 = performance.now();
      if (round > 0) samples[m].push(...got.map(latency));
      await new Promise((done) => setTimeout(done, DEFERRED_MS));
      await idle(page);
      await throttle(page, 1);
      if (process.env.PERF_DEBUG)
        log(`${m} take ${(t1 - began).toFixed(0)} idle ${(performance.now() - t1).toFixed(0)} lat ${got.map((g) => latency(g).toFixed(0)).join(',')}`);
    }
  }
  return Object.fromEntries(MEASURES.map((m) => [m, distribution(samples[m])])) as Measured;
}
