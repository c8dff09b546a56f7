import { useEffect, useState } from 'react';
import { URL_WRITE_DELAY_MS, trailing } from '../../lib/trailing.ts';
import { useBrowserStore, writeBrowserSearch } from '../../state/browser-store.ts';
import { serializeScreenSearch, useScreenStore } from '../../state/screen-store.ts';

/**
 * The scenario bar and the browser's search, filters and order live in the URL of `/` (`m`, `case`, `x`,
 * `min`, `tm`, `watch`; `q`, `rating`, `signal`, `cat`, `sort`): read once on arrival, then written back with
 * `replaceState` (no history entry per step) once changes pause. Call it before anything reads the stores.
 */
export function useScreenUrl(): void {
  // The link is read in the first render (call this before anything reads the stores), so the first
  // rows drawn are the link's, not the defaults' for a moment.
  useState(() => {
    useScreenStore.getState().loadFromSearch(window.location.search);
    useBrowserStore.getState().loadFromSearch(window.location.search);
    return true;
  });
  useEffect(() => {
    // Once the changes pause, as the detail view's URL (see `syncScenarioToUrl`).
    const write = trailing(() => {
      if (window.location.pathname !== '/') return;
      const state = useScreenStore.getState();
      const q = new URLSearchParams(serializeScreenSearch(state, state.watchlist, window.location.search));
      writeBrowserSearch(q, useBrowserStore.getState());
      const text = q.toString().replace(/%2C/g, ',');
      const search = text ? `?${text}` : '';
      if (search !== window.location.search) window.history.replaceState(window.history.state, '', `/${search}${window.location.hash}`);
    }, URL_WRITE_DELAY_MS);
    const unsubscribeScreen = useScreenStore.subscribe(() => write.schedule());
    const unsubscribeBrowser = useBrowserStore.subscribe(() => write.schedule());
    // A view restored from the store (coming back from a token) is written into the address at once.
    write.schedule();
    const flush = (): void => write.flush();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      write.cancel();
      unsubscribeScreen();
      unsubscribeBrowser();
    };
  }, []);
}
