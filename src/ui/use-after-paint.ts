import { startTransition, useEffect, useState } from 'react';

/**
 * How long key presses must pause before a heavy view follows them (ms): the list's rows, the
 * screener's columns, the detail view's sentences and the chart's caption. Longer than the gap between
 * a typist's keys or a held arrow key's repeats, so a burst renders those views once, at its end.
 */
export const INPUT_SETTLE_MS = 200;

/**
 * `value`, once the key press that changed it has painted, as a transition: the box shows the letter
 * first, then the heavy view that depends on it renders, interruptibly. A stronger `useDeferredValue`:
 * that one starts its render straight after the urgent commit, so Chromium often paints only once both
 * are done.
 *
 * With `settleMs`, the value is taken only once it has held that long: a burst of key presses (fast
 * typing) paints each letter at once and renders the view once, at the pause, instead of committing a
 * view between two presses and making the second one wait for its layout and paint.
 */
export function useAfterPaint<T>(value: T, settleMs = 0): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    const take = (): void => startTransition(() => setShown(() => value));
    let timer: ReturnType<typeof setTimeout> | undefined;
    let frame: number | undefined;
    if (settleMs > 0) timer = setTimeout(take, settleMs);
    else frame = requestAnimationFrame(() => (timer = setTimeout(take, 0)));
    return () => {
      if (frame !== undefined) cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [value, settleMs]);
  return shown;
}

/** What `useSettledStore` needs of a store (a zustand store has it). */
export interface SubscribableStore<T> {
  readonly getState: () => T;
  readonly subscribe: (listener: () => void) => () => void;
}

/**
 * A zustand store as a plain `SubscribableStore`, made once at module level: the React Compiler lint
 * refuses a store hook passed to a hook as a value (`useSettledStore(useXStore)`).
 */
export function subscribable<T>(store: SubscribableStore<T>): SubscribableStore<T> {
  return { getState: () => store.getState(), subscribe: (listener) => store.subscribe(listener) };
}

/**
 * A store's state once it has held for `settleMs`, taken as a transition: unlike a selector hook, a
 * change does not re-render the caller at once, so the component that holds a heavy view re-renders
 * only when the changes pause (the inputs that change the store subscribe to it themselves).
 */
export function useSettledStore<T>(store: SubscribableStore<T>, settleMs: number): T {
  const [shown, setShown] = useState(() => store.getState());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = (): void => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        startTransition(() => setShown(() => store.getState()));
      }, settleMs);
    };
    const unsubscribe = store.subscribe(schedule);
    // A change between the first render and this subscription (a link read in an effect) counts too.
    schedule();
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [store, settleMs]);
  return shown;
}
