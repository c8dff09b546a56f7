/** A call that runs once, `delayMs` after the last request for it, unless flushed or cancelled first. */
export interface Trailing {
  /** Asks for a run: (re)starts the wait. */
  schedule(): void;
  /** Runs now if a run is pending. */
  flush(): void;
  /** Drops a pending run. */
  cancel(): void;
}

/**
 * Trailing debounce for work the user should not wait for, such as rewriting the address bar while a
 * slider moves: `fn` runs in its own task once the changes pause, never inside a key press's frame.
 */
export function trailing(fn: () => void, delayMs: number): Trailing {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  return {
    schedule() {
      cancel();
      timer = setTimeout(() => {
        timer = null;
        fn();
      }, delayMs);
    },
    flush() {
      if (timer === null) return;
      cancel();
      fn();
    },
    cancel,
  };
}

/** How long an address-bar rewrite waits after the last change (ms). */
export const URL_WRITE_DELAY_MS = 250;
