import { describe, expect, it } from 'vitest';
import { BUDGET, floorRow, jsRow, latencyRow } from '../../scripts/perf/checks.ts';
import { checkRows, distribution, markdownTable, percentile, summary, textTable } from '../../scripts/perf/report.ts';

const floor = distribution(Array.from({ length: 40 }, (_, i) => 10 + i / 4)); // p95 about 19.75 ms
const slow = distribution(Array.from({ length: 40 }, (_, i) => 30 + i)); // p95 about 67 ms: over 3x

describe('perf report', () => {
  it('percentiles are nearest-rank', () => {
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(
      percentile(
        Array.from({ length: 40 }, (_, i) => i + 1),
        95,
      ),
    ).toBe(38);
    expect(percentile([], 50)).toBeNaN();
  });

  it('counts budgets met and missed, and clear breaches; only rows with a breach line are checks', () => {
    const breach = latencyRow('slider, 1x', slow, floor, 'bare slider', BUDGET[1]);
    const fine = latencyRow('search, 1x', floor, floor, 'bare search', BUDGET[1]);
    const missed = jsRow(115_000, 2);
    const bare = floorRow('floor: bare React slider, 1x', floor);
    expect(checkRows([breach, fine, missed, bare])).toEqual([breach, fine, missed]);
    const s = summary([breach, fine, missed, bare]);
    expect(s).toMatchObject({ met: 1, missed: 2, breaches: 1 });
    expect(s.line).toBe('perf: 1 budgets met, 2 missed, 1 clear breaches');
  });

  it('each row shows its ratios, its budget against its floor, and its breach line', () => {
    const at1x = latencyRow('slider, 1x', slow, floor, 'bare slider', BUDGET[1]);
    const at4x = latencyRow('search, 4x', floor, floor, 'bare search', BUDGET[4]);
    const md = markdownTable([at1x, at4x, jsRow(126_000, 2)]);
    expect(md).toContain(`| ${at1x.ratio} | ${at1x.p50Ratio} | p95 <= 1.25x bare slider | no | yes (over 2x) |`);
    expect(md).toContain('| 1.00x | 1.00x | p50, p95 <= 1.5x bare search | yes | no (over 3x) |');
    expect(md).toContain('| 126.0 kB |  |  |  | <= 110 kB | no | yes (over 125 kB) |');
  });

  it('a floor row has no ratio, no budget and no check', () => {
    const md = markdownTable([floorRow('floor: bare React search box, 4x', floor)]);
    expect(md).toMatch(/\| floor: bare React search box, 4x \(n=40\) \| .* \|  \|  \|  \| floor \| - \| - \|$/);
    expect(textTable([floorRow('floor', floor)]).split('\n')).toHaveLength(3);
  });
});
