import { describe, expect, it } from 'vitest';
import { selectStore } from '../../src/ui/followed.ts';
import type { SubscribableStore } from '../../src/ui/use-after-paint.ts';

/** A bare store of `{ n }` states, replaced (never mutated) on each set, as zustand does. */
function counterStore() {
  let state = { n: 1, other: 'a' };
  const listeners = new Set<() => void>();
  const store: SubscribableStore<{ n: number; other: string }> = {
    getState: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
  const set = (next: Partial<typeof state>): void => {
    state = { ...state, ...next };
    for (const l of listeners) l();
  };
  return { store, set };
}

describe('selectStore', () => {
  it('selects once per state of its source, however many readers ask', () => {
    const { store, set } = counterStore();
    let calls = 0;
    const counted = selectStore(
      store,
      (s) => {
        calls++;
        return { d: s.n * 2 };
      },
      (a, b) => a.d === b.d,
    );
    for (let i = 0; i < 4; i++) expect(counted.getState()).toEqual({ d: 2 });
    expect(calls).toBe(1);
    set({ n: 2 });
    for (let i = 0; i < 4; i++) expect(counted.getState()).toEqual({ d: 4 });
    expect(calls).toBe(2);
  });

  it('gives the same object while the selection does not change, and a new one when it does', () => {
    const { store, set } = counterStore();
    const doubled = selectStore(
      store,
      (s) => ({ d: s.n * 2 }),
      (a, b) => a.d === b.d,
    );
    const first = doubled.getState();
    set({ other: 'b' });
    expect(doubled.getState()).toBe(first);
    set({ n: 3 });
    expect(doubled.getState()).not.toBe(first);
    expect(doubled.getState()).toEqual({ d: 6 });
  });
});
