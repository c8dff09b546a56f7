import { startTransition, useEffect, useState } from 'react';

/**
 * How long key presses must pause before the token list's rows and screener columns follow them (ms):
 * longer than the gap between a typist's keys or a held arrow key's repeats, so a burst over 5,000
 * tokens renders the rows once, at its end. (`useDeferredValue` alone renders them after every key,
 * and that render's commit lands in the next key press's frame: `npm run perf`'s search measure.)
 */
export const INPUT_SETTLE_MS = 200;

/**
 * `value` once it has held for `ms`, taken as a transition; the first render gets `value` itself.
 * Give it a value that keeps its identity while unchanged (a `useShallow` selection).
 */
export function useSettledValue<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(value, settled)) return undefined;
    const timer = setTimeout(() => startTransition(() => setSettled(() => value)), ms);
    return () => clearTimeout(timer);
  }, [value, settled, ms]);
  return settled;
}
