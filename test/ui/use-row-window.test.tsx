import { act, renderHook } from '@testing-library/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowWindow, useRowWindow } from '../../src/ui/use-row-window.ts';

describe('rowWindow', () => {
  it('at the top: the rows in view plus the overscan below', () => {
    // 640 px / 44 px rows: 15 rows in view (14.5 rounded up, plus one partly shown) + 3 overscan.
    expect(rowWindow(0, 640, 44, 5000, 3)).toEqual({ start: 0, end: 19, padTop: 0, padBottom: (5000 - 19) * 44 });
  });

  it('scrolled: the overscan on both sides, and pads that keep the total height', () => {
    const w = rowWindow(44 * 100 + 20, 640, 44, 5000, 3);
    expect(w.start).toBe(97);
    expect(w.end).toBe(100 + 16 + 3);
    expect(w.padTop + (w.end - w.start) * 44 + w.padBottom).toBe(5000 * 44);
  });

  it('past the end (the list got shorter under a scrolled view): the last rows, not an empty window', () => {
    const w = rowWindow(44 * 4000, 640, 44, 30, 3);
    expect(w.end).toBe(30);
    expect(w.start).toBe(30 - 16 - 6);
    expect(w.padBottom).toBe(0);
  });

  it('a short or empty list, a bad position or height: a valid window', () => {
    expect(rowWindow(0, 640, 44, 0, 3)).toEqual({ start: 0, end: 0, padTop: 0, padBottom: 0 });
    expect(rowWindow(Number.NaN, Number.NaN, 44, 5, 3)).toEqual({ start: 0, end: 5, padTop: 0, padBottom: 0 });
    expect(rowWindow(-300, 0, 44, 100, 3)).toEqual(rowWindow(0, 640, 44, 100, 3));
  });

  it('for any position, height and count: in bounds, covers the viewport, and the pads add up', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10 }),
        (scrollTop, height, count, overscan) => {
          const rowHeight = 44;
          const w = rowWindow(scrollTop, height, rowHeight, count, overscan);
          expect(0 <= w.start && w.start <= w.end && w.end <= count).toBe(true);
          expect(w.padTop + (w.end - w.start) * rowHeight + w.padBottom).toBe(count * rowHeight);
          // Every row that intersects the viewport is rendered (the browser clamps scrollTop to the content).
          const top = Math.min(scrollTop, Math.max(0, count * rowHeight - height));
          const firstSeen = Math.floor(top / rowHeight);
          const lastSeen = Math.min(count, Math.ceil((top + height) / rowHeight)) - 1;
          if (lastSeen >= firstSeen) expect(w.start <= firstSeen && w.end > lastSeen).toBe(true);
        },
      ),
    );
  });
});

describe('useRowWindow', () => {
  it('follows scrolling, and re-renders only when the rows in view change', () => {
    const element = document.createElement('div');
    Object.defineProperty(element, 'clientHeight', { value: 440 });
    const ref = { current: element };
    let renders = 0;
    const { result } = renderHook(() => {
      renders += 1;
      return useRowWindow(ref, 44, 1000, 2);
    });
    expect(result.current).toMatchObject({ start: 0, end: 13 });
    const before = renders;
    act(() => {
      element.scrollTop = 20; // still row 0 at the top
      element.dispatchEvent(new Event('scroll'));
    });
    expect(renders).toBe(before);
    act(() => {
      element.scrollTop = 44 * 50;
      element.dispatchEvent(new Event('scroll'));
    });
    expect(result.current).toMatchObject({ start: 48, end: 50 + 11 + 2, padTop: 48 * 44 });
  });
});
