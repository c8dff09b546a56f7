import { describe, expect, it } from 'vitest';
import { distribution, gatedRows, latencyRow, markdownTable, measureUntilClear, referenceRow, summary } from '../../scripts/perf/report.ts';

const floor = distribution(Array.from({ length: 40 }, (_, i) => 10 + i / 4)); // p95 about 19.75 ms
const slow = distribution(Array.from({ length: 40 }, (_, i) => 30 + i)); // p95 about 67 ms: over 2x

/** Runs that each report the measures listed for them (a run is its index here). */
const runsOver = (perRun: string[][]) => {
  const taken: number[] = [];
  const measure = async (run: number): Promise<number> => {
    taken.push(run);
    return run;
  };
  return { taken, go: (runs: number) => measureUntilClear(measure, (run: number) => perRun[run] ?? [], runs) };
};

describe('perf report', () => {
  it('a clear breach on a gated line fails the run; on an ungated line it is shown and not counted', () => {
    const gated = latencyRow('slider, 1x', slow, floor, { ratio: 1.25, breach: 2, gated: true });
    const reported = latencyRow('slider, 4x', slow, floor, { ratio: 1.5, breach: 2, gated: false });
    const fine = latencyRow('search, 1x', floor, floor, { ratio: 1.25, breach: 2, gated: true });
    expect([gated.breach, reported.breach, fine.breach]).toEqual([true, true, false]);
    expect(gatedRows([gated, reported, fine])).toEqual([gated, fine]);
    const s = summary([gated, reported, fine]);
    expect(s).toMatchObject({ met: 1, missed: 2, breaches: 1, reported: 1 });
    expect(s.line).toBe('perf: 1 budgets met, 2 missed, 1 clear breaches (and 1 over a breach line that is reported, not gated)');
    expect(markdownTable([reported])).toContain('| yes (over 2x) (not gated) |');
    expect(markdownTable([gated])).toMatch(/\| no \| yes \(over 2x\) \|$/m);
    // The typical press beside the budget's p95: p50 over the floor's p50, no budget of its own.
    expect(gated.p50Ratio).toBe(`${(slow.p50 / floor.p50).toFixed(2)}x`);
    expect(markdownTable([gated])).toContain(`| ${gated.ratio} | ${gated.p50Ratio} | p95 <= 1.25x floor |`);
  });

  it('each row is judged against its own breach line, and shows it (2x at 1x CPU, 3x at 4x)', () => {
    const between = distribution(Array.from({ length: 40 }, (_, i) => 20 + i * 0.75)); // p95 about 2.4x the floor's
    const at1x = latencyRow('slider, 1x', between, floor, { ratio: 1.25, breach: 2, gated: true });
    const at4x = latencyRow('slider, 4x', between, floor, { ratio: 1.5, breach: 3, gated: true });
    expect([at1x.breach, at4x.breach]).toEqual([true, false]);
    expect([at1x.met, at4x.met]).toEqual([false, false]);
    expect(markdownTable([at1x, at4x])).toMatch(/\| no \| yes \(over 2x\) \|\n.*\| no \| no \(over 3x\) \|$/);
    expect(summary([at1x, at4x])).toMatchObject({ met: 0, missed: 2, breaches: 1, reported: 0 });
  });

  it('a reference row shows its ratios to the floor, and is neither a budget nor a check, however slow', () => {
    const ref = referenceRow('bare search box, 4x', slow, floor);
    expect(ref.ratio).toBe(`${(slow.p95 / floor.p95).toFixed(2)}x`);
    expect(ref.p50Ratio).toBe(`${(slow.p50 / floor.p50).toFixed(2)}x`);
    expect([ref.met, ref.breach]).toEqual([null, null]);
    expect(gatedRows([ref])).toEqual([]);
    expect(summary([ref])).toMatchObject({ met: 0, missed: 0, breaches: 0, reported: 0 });
    expect(markdownTable([ref])).toMatch(new RegExp(`\\| ${ref.ratio} \\| ${ref.p50Ratio} \\| reference \\| - \\| - \\|$`));
  });

  describe('a breach counts only when it holds in every run', () => {
    it('a clean first run is the only run', async () => {
      const r = runsOver([[]]);
      expect(await r.go(3)).toEqual({ last: 0, held: [], seen: [[]] });
      expect(r.taken).toEqual([0]);
    });

    it('a breach that holds in all three runs counts', async () => {
      const r = runsOver([['market', 'search'], ['market'], ['market', 'share']]);
      expect(await r.go(3)).toEqual({ last: 2, held: ['market'], seen: [['market', 'search'], ['market'], ['market', 'share']] });
    });

    it('a breach gone in one run does not count, and measuring stops there', async () => {
      const r = runsOver([['market'], ['share'], ['market']]);
      expect(await r.go(3)).toEqual({ last: 1, held: [], seen: [['market'], ['share']] });
      expect(r.taken).toEqual([0, 1]);
    });

    it('with one run allowed, the first run decides', async () => {
      const r = runsOver([['market'], []]);
      expect(await r.go(1)).toEqual({ last: 0, held: ['market'], seen: [['market']] });
    });
  });
});
