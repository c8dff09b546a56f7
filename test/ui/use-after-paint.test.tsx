import { act, renderHook } from '@testing-library/react';
import { useEffect } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAfterPaint, useSettledStore } from '../../src/ui/use-after-paint.ts';

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

/** A minimal store: state, setter, listeners. */
function store<T>(initial: T) {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    subscribe: (l: () => void) => {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    set: (next: T) => {
      state = next;
      for (const l of listeners) l();
    },
  };
}

describe('useSettledStore', () => {
  it('re-renders its caller once per pause in the changes, not per change', () => {
    const s = store({ search: '' });
    let renders = 0;
    const { result } = renderHook(() => {
      renders += 1;
      return useSettledStore(s, 120);
    });
    act(() => {
      vi.advanceTimersByTime(120);
    });
    const before = renders;
    for (const search of ['e', 'et', 'eth']) {
      act(() => {
        s.set({ search });
        vi.advanceTimersByTime(50);
      });
    }
    expect(renders).toBe(before);
    expect(result.current.search).toBe('');
    act(() => {
      vi.advanceTimersByTime(120);
    });
    expect(result.current.search).toBe('eth');
    expect(renders).toBe(before + 1);
  });

  it('takes a change made before it subscribed (a link read in an earlier effect)', () => {
    const s = store({ m: 16 });
    const { result } = renderHook(() => {
      // Runs before the hook's own effect subscribes, as the screener's URL reader does.
      useEffect(() => s.set({ m: 23 }), []);
      return useSettledStore(s, 10);
    });
    expect(result.current.m).toBe(16);
    act(() => {
      vi.advanceTimersByTime(10);
    });
    expect(result.current.m).toBe(23);
  });
});
