import { startTransition, useEffect, useState } from 'react';

/**
 * How long key presses must pause before the views that do not need to follow every key do (ms): the
 * token list's rows and screener columns, the detail view's sentences and the chart's text
 * alternative. Longer than the gap between a typist's keys or a held arrow key's repeats, so a burst
 * renders them once, at its end. (`useDeferredValue` renders them after every key, and that render's
 * commit lands in the next key press's frame: `npm run perf`'s search and slider measures.)
 */
export const INPUT_SETTLE_MS = 200;

/** A store to follow: zustand's `subscribe`, and what the view reads of the state. Both stable (module-level or memoised). */
export interface SettleSource<T> {
  readonly subscribe: (listener: () => void) => () => void;
  readonly read: () => T;
  /** Whether two reads show the same (default `Object.is`; zustand's `shallow` for a selection of fields). */
  readonly equal?: (a: T, b: T) => boolean;
}

export interface Settled<T> {
  /** The last read that held for `INPUT_SETTLE_MS`. */
  readonly value: T;
  /** True from a change of the store until it settles (for `aria-busy`). */
  readonly pending: boolean;
}

/**
 * What `source` reads, once the store has held still for `ms`, taken as a transition. The component
 * subscribes itself, so a key press re-renders it only when the settled value changes (and once per burst
 * of keys to say it is pending), not on every key. The first render reads the store as it is.
 */
export function useSettledStore<T>({ subscribe, read, equal = Object.is }: SettleSource<T>, ms: number = INPUT_SETTLE_MS): Settled<T> {
  const [settled, setSettled] = useState(() => ({ value: read(), pending: false }));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A change that lands at once (a link read between the first render and this subscription) is taken at once.
    const take = (pending: boolean) => {
      const next = read();
      setSettled((before) =>
        equal(before.value, next) && before.pending === pending ? before : { value: equal(before.value, next) ? before.value : next, pending },
      );
    };
    take(false);
    const unsubscribe = subscribe(() => {
      setSettled((before) => (before.pending ? before : { value: before.value, pending: true }));
      clearTimeout(timer);
      timer = setTimeout(() => startTransition(() => take(false)), ms);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [subscribe, read, equal, ms]);
  return settled;
}
