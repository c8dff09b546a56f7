import { act, renderHook } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  checkProxyBase,
  loadSettings,
  saveSettings,
  sourceOverride,
  useDataConfig,
  useSettingsStore,
} from '../../src/state/settings-store.ts';

const store = useSettingsStore;
const actions = () => store.getState();
const SETTINGS_KEY = 'capbands.settings.v1';
const KEYS_KEY = 'capbands.keys.v1';

/** Everything a storage holds, keys and values, as one string (a key must not appear in it). */
const everything = (storage: Storage): string => JSON.stringify(Object.entries(storage));

beforeEach(() => {
  store.setState(store.getInitialState(), true);
  localStorage.clear();
  sessionStorage.clear();
});

describe('API keys in storage', () => {
  it('go to sessionStorage by default, never to localStorage', () => {
    act(() => actions().setKey('coingeckoKey', 'CG-secret-1'));
    act(() => actions().setKey('tokenMetricsKey', 'tm-secret-2'));
    expect(actions().rememberKeys).toBe(false);
    expect(JSON.parse(sessionStorage.getItem(KEYS_KEY) ?? '{}')).toEqual({ coingeckoKey: 'CG-secret-1', tokenMetricsKey: 'tm-secret-2' });
    expect(everything(localStorage)).not.toContain('secret');
    // Other settings are remembered, without the keys.
    act(() => actions().setSource('coingecko'));
    expect(JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '{}')).toMatchObject({ source: 'coingecko', rememberKeys: false });
    expect(everything(localStorage)).not.toContain('secret');
  });

  it('ticking "remember" moves them to localStorage; unticking takes them out again', () => {
    act(() => actions().setKey('tokenMetricsKey', 'tm-secret'));
    act(() => actions().setRememberKeys(true));
    expect(JSON.parse(localStorage.getItem(KEYS_KEY) ?? '{}')).toMatchObject({ tokenMetricsKey: 'tm-secret' });
    expect(sessionStorage.getItem(KEYS_KEY)).toBeNull();
    expect(loadSettings()).toMatchObject({ rememberKeys: true, tokenMetricsKey: 'tm-secret' });

    act(() => actions().setRememberKeys(false));
    expect(everything(localStorage)).not.toContain('tm-secret');
    expect(localStorage.getItem(KEYS_KEY)).toBeNull();
    expect(JSON.parse(sessionStorage.getItem(KEYS_KEY) ?? '{}')).toMatchObject({ tokenMetricsKey: 'tm-secret' });
  });

  it('clearing both keys removes the entry', () => {
    act(() => actions().setKey('coingeckoKey', 'k'));
    act(() => actions().setKey('coingeckoKey', ''));
    expect(sessionStorage.getItem(KEYS_KEY)).toBeNull();
  });

  it('trims keys and caps their length', () => {
    act(() => actions().setKey('coingeckoKey', `  ${'x'.repeat(500)}  `));
    expect(actions().coingeckoKey).toBe('x'.repeat(200));
  });

  it('ignores keys left in localStorage when "remember" is off', () => {
    localStorage.setItem(KEYS_KEY, JSON.stringify({ coingeckoKey: 'stale' }));
    sessionStorage.setItem(KEYS_KEY, JSON.stringify({ coingeckoKey: 'fresh' }));
    expect(loadSettings().coingeckoKey).toBe('fresh');
  });
});

describe('checkProxyBase', () => {
  it.each(['', '   ', '/proxy', '/my-proxy/v1/', 'https://p.example.com/x', 'http://localhost:8787'])('accepts %j', (base) => {
    expect(checkProxyBase(base)).toBeNull();
  });

  it.each([
    ['ftp://x', /https:\/\/ or http:\/\//],
    ['javascript:alert(1)', /https:\/\/ or http:\/\//],
    ['https://u:p@x', /user name, password or query/],
    ['https://u@x', /user name, password or query/],
    ['https://x/?a=1', /query/],
    ['https://x/#frag', /fragment/],
    ['//evil.example/x', /not a URL/],
    ['not a url', /not a URL/],
  ])('refuses %j', (base, message) => {
    expect(checkProxyBase(base)).toMatch(message);
  });

  it('a refused URL changes nothing; an accepted one is saved trimmed', () => {
    expect(actions().setProxyBase('https://u:p@x')).not.toBeNull();
    expect(actions().proxyBase).toBe('');
    expect(actions().setProxyBase(' https://p.example.com/x ')).toBeNull();
    expect(actions().proxyBase).toBe('https://p.example.com/x');
    expect(loadSettings().proxyBase).toBe('https://p.example.com/x');
  });
});

describe('sourceOverride', () => {
  it.each([
    ['?source=coingecko', 'coingecko'],
    ['?source=snapshot', 'snapshot'],
    ['?m=1e13&source=coingecko', 'coingecko'],
    ['', null],
    ['?source=binance', null],
    ['?source=COINGECKO', null],
    ['?source=', null],
  ])('%j -> %j', (search, expected) => {
    expect(sourceOverride(search)).toBe(expected);
  });
});

describe('loadSettings', () => {
  it('gives the defaults from empty storage', () => {
    expect(loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it.each(['{', 'null', '[1,2]', '"text"', '42', '{"source":7,"pages":"many","proxyBase":"ftp://x","rememberKeys":"yes"}'])(
    'survives %j in storage',
    (garbage) => {
      localStorage.setItem(SETTINGS_KEY, garbage);
      localStorage.setItem(KEYS_KEY, garbage);
      sessionStorage.setItem(KEYS_KEY, garbage);
      expect(loadSettings()).toEqual(DEFAULT_SETTINGS);
    },
  );

  it('clamps the page count and reads what is valid', () => {
    localStorage.setItem(SETTINGS_KEY, JSON.stringify({ source: 'coingecko', pages: 99, proxyBase: '/p', rememberKeys: false }));
    sessionStorage.setItem(KEYS_KEY, JSON.stringify({ coingeckoKey: 42, tokenMetricsKey: ' tm ' }));
    expect(loadSettings()).toEqual({ ...DEFAULT_SETTINGS, source: 'coingecko', pages: 20, proxyBase: '/p', tokenMetricsKey: 'tm' });
  });

  it('round-trips what saveSettings writes', () => {
    const s = { source: 'coingecko', pages: 4, proxyBase: 'https://p.example.com', rememberKeys: true, coingeckoKey: 'a', tokenMetricsKey: 'b' } as const;
    saveSettings(s);
    expect(loadSettings()).toEqual(s);
  });
});

describe('useDataConfig', () => {
  it('builds the bases from the default proxy and sends no Token Metrics config without a key', () => {
    const { result } = renderHook(() => useDataConfig(''));
    expect(result.current).toEqual({
      source: 'snapshot',
      pages: DEFAULT_SETTINGS.pages,
      coingecko: { base: '/proxy/coingecko', apiKey: null },
      tokenmetrics: null,
    });
  });

  it('uses the user proxy (without its trailing slash) and the keys', () => {
    act(() => {
      actions().setProxyBase('https://p.example.com/x/');
      actions().setKey('coingeckoKey', 'cg');
      actions().setKey('tokenMetricsKey', 'tm');
      actions().setSource('coingecko');
    });
    const { result } = renderHook(() => useDataConfig(''));
    expect(result.current).toMatchObject({
      source: 'coingecko',
      coingecko: { base: 'https://p.example.com/x/coingecko', apiKey: 'cg' },
      tokenmetrics: { base: 'https://p.example.com/x/tokenmetrics', apiKey: 'tm' },
    });
  });

  it('lets ?source= override the saved source for this visit only', () => {
    const { result, rerender } = renderHook(({ search }) => useDataConfig(search), { initialProps: { search: '?source=coingecko' } });
    expect(result.current.source).toBe('coingecko');
    expect(actions().source).toBe('snapshot');
    expect(localStorage.getItem(SETTINGS_KEY) ?? '').not.toContain('coingecko');
    // Moving to a view whose URL does not repeat it (a token link) keeps the visit's source.
    rerender({ search: '?m=16T' });
    expect(result.current.source).toBe('coingecko');
    rerender({ search: '?source=snapshot' });
    expect(result.current.source).toBe('snapshot');
    rerender({ search: '?source=coingecko' });
    rerender({ search: '' });
    expect(result.current.source).toBe('coingecko');
    // Choosing a source in the settings ends the override.
    act(() => actions().setSource('snapshot'));
    rerender({ search: '' });
    expect(result.current.source).toBe('snapshot');
    expect(loadSettings().source).toBe('snapshot');
  });

  it('keeps the same object while nothing it uses changes', () => {
    const { result, rerender } = renderHook(() => useDataConfig(''));
    const first = result.current;
    act(() => actions().setRememberKeys(true));
    rerender();
    expect(result.current).toBe(first);
  });
});
