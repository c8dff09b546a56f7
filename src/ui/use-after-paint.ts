import { startTransition, useEffect, useState } from 'react';

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
