/** A call that runs once, `delayMs` after the last request for it, unless flushed or cancelled first. */
interface Trailing {
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
function trailing(fn: () => void, delayMs: number): Trailing {
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

/** What a view keeps in its address (see `syncUrl`). */
export interface UrlSync {
  /** The paths whose address the view writes; any other is left alone. */
  readonly path: RegExp;
  /** Calls `changed` whenever what the link carries may have changed; returns the unsubscribe function. */
  readonly subscribe: (changed: () => void) => () => void;
  /** The query string (`''` or `'?...'`) for the view's state, over `currentSearch` (keys the view does not own kept). */
  readonly search: (currentSearch: string) => string;
}

/** The address of the view's state, whether or not the address bar has caught up yet (a copied link). */
export function syncedHref(sync: UrlSync): string {
  const { origin, pathname, search, hash } = window.location;
  if (!sync.path.test(pathname)) return window.location.href;
  return `${origin}${pathname}${sync.search(search)}${hash}`;
}

/**
 * The one way a view keeps its address in step with its state. The view reads its link into its store
 * once, on arrival (validated and clamped, with notices for what it could not use); from then on the
 * store is the truth, and this writes it back: at once (so a repaired link shows in its clamped form),
 * then once changes pause for `URL_WRITE_DELAY_MS`, and when the page is hidden. Always
 * `history.replaceState` (a moving slider must not fill the history), keeping `history.state`, the path
 * and the hash; never once per key press (Chromium's replaceState is slow enough to delay a frame).
 * Returns the stop function, which also drops a pending write.
 */
export function syncUrl(sync: UrlSync): () => void {
  const write = (): void => {
    const { pathname, search, hash } = window.location;
    if (!sync.path.test(pathname)) return;
    const next = sync.search(search);
    if (next !== search) window.history.replaceState(window.history.state, '', `${pathname}${next}${hash}`);
  };
  const later = trailing(write, URL_WRITE_DELAY_MS);
  const unsubscribe = sync.subscribe(() => later.schedule());
  const flush = (): void => later.flush();
  window.addEventListener('pagehide', flush);
  write();
  return () => {
    unsubscribe();
    window.removeEventListener('pagehide', flush);
    later.cancel();
  };
}
