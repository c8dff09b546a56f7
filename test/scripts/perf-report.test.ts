import { describe, expect, it } from 'vitest';
import { distribution, gatedRows, latencyRow, markdownTable, summary } from '../../scripts/perf/report.ts';

const floor = distribution(Array.from({ length: 40 }, (_, i) => 10 + i / 4)); // p95 about 19.75 ms
const slow = distribution(Array.from({ length: 40 }, (_, i) => 30 + i)); // p95 about 67 ms: over 2x

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
    expect(markdownTable([reported])).toContain('| yes (not gated) |');
    expect(markdownTable([gated])).toMatch(/\| no \| yes \|$/m);
    // The typical press beside the budget's p95: p50 over the floor's p50, no budget of its own.
    expect(gated.p50Ratio).toBe(`${(slow.p50 / floor.p50).toFixed(2)}x`);
    expect(markdownTable([gated])).toContain(`| ${gated.ratio} | ${gated.p50Ratio} | p95 <= 1.25x floor |`);
  });
});
