import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAfterPaint } from '../../src/ui/use-after-paint.ts';

const f = (): number => 1;
const g = (): number => 2;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('useAfterPaint', () => {
  it('gives the new value only after the next frame (and a task after it)', () => {
    const { result, rerender } = renderHook(({ v }) => useAfterPaint(v), { initialProps: { v: 'a' } });
    expect(result.current).toBe('a');
    rerender({ v: 'ab' });
    expect(result.current).toBe('a');
    act(() => {
      vi.advanceTimersToNextFrame();
    });
    expect(result.current).toBe('a');
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(result.current).toBe('ab');
  });

  it('with a settle time, takes a burst of changes once, when it pauses', () => {
    const { result, rerender } = renderHook(({ v }) => useAfterPaint(v, 120), { initialProps: { v: 'e' } });
    for (const v of ['et', 'eth', 'ethe']) {
      rerender({ v });
      act(() => {
      vi.advanceTimersByTime(100);
    });
      expect(result.current).toBe('e');
    }
    act(() => {
      vi.advanceTimersByTime(20);
    });
    expect(result.current).toBe('ethe');
  });

  it('keeps a function value as a value (not as an updater)', () => {
    const { result, rerender } = renderHook(({ v }) => useAfterPaint(v, 10), { initialProps: { v: f } });
    rerender({ v: g });
    act(() => {
      vi.advanceTimersByTime(10);
    });
    expect(result.current).toBe(g);
  });
});
