import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { URL_WRITE_DELAY_MS, syncUrl, syncedHref, type UrlSync } from '../../src/lib/url-sync.ts';

/** A view whose state is one number, kept in the address as `n` on `/view`. */
function view(initial: number) {
  let n = initial;
  const listeners = new Set<() => void>();
  const sync: UrlSync = {
    path: /^\/view$/,
    subscribe: (changed) => {
      listeners.add(changed);
      return () => void listeners.delete(changed);
    },
    search: (current) => {
      const q = new URLSearchParams(current);
      q.set('n', String(n));
      return `?${q.toString()}`;
    },
  };
  const set = (next: number): void => {
    n = next;
    for (const l of listeners) l();
  };
  return { sync, set };
}

describe('syncUrl', () => {
  let stop: (() => void) | null = null;
  beforeEach(() => {
    vi.useFakeTimers();
    window.history.replaceState({ kept: true }, '', '/view?source=snapshot#top');
  });
  afterEach(() => {
    stop?.();
    stop = null;
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('writes the state at once, then once the changes pause, with replaceState only, keeping other keys, the hash and history.state', () => {
    const { sync, set } = view(1);
    const push = vi.spyOn(window.history, 'pushState');
    stop = syncUrl(sync);
    expect(window.location.search).toBe('?source=snapshot&n=1');
    set(2);
    vi.advanceTimersByTime(URL_WRITE_DELAY_MS - 50);
    set(3);
    vi.advanceTimersByTime(URL_WRITE_DELAY_MS - 50);
    expect(window.location.search).toBe('?source=snapshot&n=1');
    // A copied link is up to date before the address bar is.
    expect(syncedHref(sync)).toBe(`${window.location.origin}/view?source=snapshot&n=3#top`);
    vi.advanceTimersByTime(50);
    expect(window.location.search).toBe('?source=snapshot&n=3');
    expect(window.location.hash).toBe('#top');
    expect(window.history.state).toEqual({ kept: true });
    expect(push).not.toHaveBeenCalled();
  });

  it('writes a pending change when the page is hidden, leaves other paths alone, and stops', () => {
    const { sync, set } = view(1);
    stop = syncUrl(sync);
    set(5);
    window.dispatchEvent(new Event('pagehide'));
    expect(window.location.search).toBe('?source=snapshot&n=5');
    window.history.replaceState(null, '', '/elsewhere?x=1');
    set(6);
    vi.advanceTimersByTime(URL_WRITE_DELAY_MS);
    expect(window.location.search).toBe('?x=1');
    expect(syncedHref(sync)).toBe(window.location.href);
    window.history.replaceState(null, '', '/view');
    set(7);
    stop();
    stop = null;
    vi.advanceTimersByTime(URL_WRITE_DELAY_MS);
    expect(window.location.search).toBe('');
  });
});
