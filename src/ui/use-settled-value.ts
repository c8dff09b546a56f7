import { startTransition, useEffect, useState } from 'react';

/**
 * How long key presses must pause before the views that do not need to follow every key do (ms): the
 * token list's rows and screener columns, the detail view's sentences and the chart's text
 * alternative. Longer than the gap between a typist's keys or a held arrow key's repeats, so a burst
 * renders them once, at its end. (`useDeferredValue` renders them after every key, and that render's
 * commit lands in the next key press's frame: `npm run perf`'s search and slider measures.)
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
