/**
 * The browser location as a tiny external store: read it, subscribe to it, change it.
 * `history.pushState` fires no event, so `navigate` notifies subscribers itself.
 */

type Listener = () => void;
const listeners = new Set<Listener>();

function notify(): void {
  for (const listener of listeners) listener();
}

/** Subscribes to location changes (back/forward and `navigate`); returns the unsubscribe function. */
export function subscribeLocation(listener: Listener): () => void {
  listeners.add(listener);
  if (listeners.size === 1) window.addEventListener('popstate', notify);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('popstate', notify);
  };
}

/** `pathname + search` of the current location: a string, so React can compare snapshots cheaply. */
export function currentHref(): string {
  return window.location.pathname + window.location.search;
}

/** Goes to `href` (same origin), adding a history entry unless `replace`. */
export function navigate(href: string, options: { replace?: boolean } = {}): void {
  if (href === currentHref()) return;
  if (options.replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  notify();
}

/**
 * Matches `pathname` against a pattern such as `/token/:id`; returns the decoded params or null.
 * A param never matches an empty segment or one that fails to decode.
 */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = pathname.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? '';
    const h = have[i] ?? '';
    if (w.startsWith(':')) {
      try {
        params[w.slice(1)] = decodeURIComponent(h);
      } catch {
        return null;
      }
    } else if (w !== h) {
      return null;
    }
  }
  return params;
}
