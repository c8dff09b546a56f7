import { useEffect, useMemo } from 'react';
import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';

/** Where the prices come from. */
export type PriceSource = 'snapshot' | 'coingecko';

/** Token counts the settings offer: CoinGecko pages of 250. */
export const TOKEN_COUNTS = [250, 500, 1000, 2500, 5000] as const;

export interface Settings {
  readonly source: PriceSource;
  /** Pages of 250 tokens to load live (1-20). */
  readonly pages: number;
  /** '' = this server's `/proxy`; else an http(s) URL or a path of the user's own proxy. */
  readonly proxyBase: string;
  readonly rememberKeys: boolean;
  readonly coingeckoKey: string;
  readonly tokenMetricsKey: string;
}

interface VisitState {
  /**
   * The last `?source=` seen in this page's life (never saved): it holds while the user moves between
   * views whose URLs do not repeat it, so a live list never opens a token on snapshot prices.
   */
  readonly visitSource: PriceSource | null;
}

interface SettingsActions {
  /** Also ends a `?source=` override of this visit: the user chose. */
  setSource(source: PriceSource): void;
  setPages(pages: number): void;
  /** Returns an error message when the URL is refused (then nothing changes). */
  setProxyBase(base: string): string | null;
  setRememberKeys(remember: boolean): void;
  setKey(which: 'coingeckoKey' | 'tokenMetricsKey', value: string): void;
}

/** Live prices by default: the snapshot paints first and stays whenever they cannot be had. */
export const DEFAULT_SETTINGS: Settings = {
  source: 'coingecko',
  pages: 2,
  proxyBase: '',
  rememberKeys: false,
  coingeckoKey: '',
  tokenMetricsKey: '',
};

const SETTINGS_KEY = 'capbands.settings.v1';
const KEYS_KEY = 'capbands.keys.v1';

function storage(kind: 'local' | 'session'): Storage | null {
  try {
    return kind === 'local' ? window.localStorage : window.sessionStorage;
  } catch {
    return null; // storage disabled (privacy mode): settings then last for this page only
  }
}

function readJson(store: Storage | null, key: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(store?.getItem(key) ?? 'null');
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? Object.fromEntries(Object.entries(parsed)) : {};
  } catch {
    return {};
  }
}

function clampPages(pages: unknown): number {
  const n = typeof pages === 'number' && Number.isFinite(pages) ? Math.round(pages) : DEFAULT_SETTINGS.pages;
  return Math.min(20, Math.max(1, n));
}

/**
 * Accepts '' (this server's proxy), a same-origin path, or an http(s) URL without credentials, a query
 * or a fragment (the app appends `/coingecko` to it). `//host` is not a path: it is another origin.
 */
export function checkProxyBase(base: string): string | null {
  const trimmed = base.trim();
  if (trimmed === '' || /^\/(?!\/)[\w\-./]*$/.test(trimmed)) return null;
  try {
    const url = new URL(trimmed);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'The proxy URL must start with https:// or http://';
    if (url.username || url.password || url.search) return 'The proxy URL must not hold a user name, password or query';
    if (trimmed.includes('#')) return 'The proxy URL must not hold a fragment (#)';
    return null;
  } catch {
    return `"${trimmed}" is not a URL`;
  }
}

function cleanKey(value: unknown): string {
  return typeof value === 'string' ? value.trim().slice(0, 200) : '';
}

/** Reads saved settings; keys from localStorage only when the user chose to remember them. */
export function loadSettings(): Settings {
  const saved = readJson(storage('local'), SETTINGS_KEY);
  const rememberKeys = saved.rememberKeys === true;
  const keys = readJson(storage(rememberKeys ? 'local' : 'session'), KEYS_KEY);
  const proxyBase = typeof saved.proxyBase === 'string' && checkProxyBase(saved.proxyBase) === null ? saved.proxyBase.trim() : '';
  return {
    source: saved.source === 'snapshot' ? 'snapshot' : 'coingecko',
    pages: clampPages(saved.pages),
    proxyBase,
    rememberKeys,
    coingeckoKey: cleanKey(keys.coingeckoKey),
    tokenMetricsKey: cleanKey(keys.tokenMetricsKey),
  };
}

/** Writes settings; keys go to exactly one storage (session unless remembered) and are removed from the other. */
export function saveSettings(s: Settings): void {
  const { coingeckoKey, tokenMetricsKey } = s;
  const rest = { source: s.source, pages: s.pages, proxyBase: s.proxyBase, rememberKeys: s.rememberKeys };
  try {
    storage('local')?.setItem(SETTINGS_KEY, JSON.stringify(rest));
    const keep = storage(s.rememberKeys ? 'local' : 'session');
    const drop = storage(s.rememberKeys ? 'session' : 'local');
    drop?.removeItem(KEYS_KEY);
    if (coingeckoKey || tokenMetricsKey) keep?.setItem(KEYS_KEY, JSON.stringify({ coingeckoKey, tokenMetricsKey }));
    else keep?.removeItem(KEYS_KEY);
  } catch {
    // Quota or disabled storage: the settings still hold for this page.
  }
}

export const useSettingsStore = create<Settings & VisitState & SettingsActions>()((set) => ({
  ...loadSettings(),
  visitSource: null,
  setSource: (source) => set({ source, visitSource: null }),
  setPages: (pages) => set({ pages: clampPages(pages) }),
  setProxyBase: (base) => {
    const error = checkProxyBase(base);
    if (error === null) set({ proxyBase: base.trim() });
    return error;
  },
  setRememberKeys: (rememberKeys) => set({ rememberKeys }),
  setKey: (which, value) => set({ [which]: cleanKey(value) }),
}));

useSettingsStore.subscribe((state) => saveSettings(state));

/** `?source=snapshot|coingecko` in the address selects the source for this visit only (never saved). */
export function sourceOverride(search: string): PriceSource | null {
  const value = new URLSearchParams(search).get('source');
  return value === 'snapshot' || value === 'coingecko' ? value : null;
}

/**
 * The data layer's configuration from the settings and the source this visit asked for: `?source=` in
 * the address, else the last one seen since the page loaded (see `visitSource`), else the saved choice.
 */
export function useDataConfig(search = typeof window === 'undefined' ? '' : window.location.search) {
  const s = useSettingsStore(
    useShallow((st) => ({ source: st.source, pages: st.pages, proxyBase: st.proxyBase, cg: st.coingeckoKey, tm: st.tokenMetricsKey, visit: st.visitSource })),
  );
  const override = sourceOverride(search) ?? s.visit;
  useEffect(() => {
    if (override !== null && useSettingsStore.getState().visitSource !== override) useSettingsStore.setState({ visitSource: override });
  }, [override]);
  return useMemo(() => {
    const proxy = (s.proxyBase || '/proxy').replace(/\/+$/, '');
    return {
      source: override ?? s.source,
      pages: s.pages,
      coingecko: { base: `${proxy}/coingecko`, apiKey: s.cg || null },
      tokenmetrics: s.tm ? { base: `${proxy}/tokenmetrics`, apiKey: s.tm } : null,
    };
  }, [s, override]);
}
