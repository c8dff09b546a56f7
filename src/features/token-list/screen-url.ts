import { useEffect, useState } from 'react';
import { syncUrl, type UrlSync } from '../../lib/url-sync.ts';
import { useBrowserStore, writeBrowserSearch } from '../../state/browser-store.ts';
import { serializeScreenSearch, useScreenStore } from '../../state/screen-store.ts';

/** `/`'s address: the scenario bar's keys, then the browser's search, filters and order. */
const SCREEN_URL: UrlSync = {
  path: /^\/$/,
  subscribe: (changed) => {
    const screen = useScreenStore.subscribe(changed);
    const browser = useBrowserStore.subscribe(changed);
    return () => {
      screen();
      browser();
    };
  },
  search: (currentSearch) => {
    const state = useScreenStore.getState();
    const q = new URLSearchParams(serializeScreenSearch(state, state.watchlist, currentSearch));
    writeBrowserSearch(q, useBrowserStore.getState());
    const text = q.toString().replace(/%2C/g, ',');
    return text ? `?${text}` : '';
  },
};

/**
 * The scenario bar and the browser's search, filters and order live in the URL of `/` (`m`, `case`, `x`,
 * `min`, `tm`, `watch`; `q`, `rating`, `signal`, `cat`, `sort`): read once on arrival, then written back by
 * `syncUrl` (as every view's). Call it before anything reads the stores.
 */
export function useScreenUrl(): void {
  // The link is read in the first render (call this before anything reads the stores), so the first
  // rows drawn are the link's, not the defaults' for a moment.
  useState(() => {
    useScreenStore.getState().loadFromSearch(window.location.search);
    useBrowserStore.getState().loadFromSearch(window.location.search);
    return true;
  });
  useEffect(() => syncUrl(SCREEN_URL), []);
}
