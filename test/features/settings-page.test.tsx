import { act, configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { navigate } from '../../src/lib/location.ts';
import { useSettingsStore } from '../../src/state/settings-store.ts';
import { server } from '../msw.ts';
import { renderApp } from '../app/render-app.tsx';

// Other suites may share these two cores: give async queries room before calling a slow answer a failure.
configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 20_000 });

const KEYS_KEY = 'capbands.keys.v1';
const SETTINGS_KEY = 'capbands.settings.v1';

/** Everything a storage holds, keys and values, as one string (a key must not appear in it). */
const dump = (storage: Storage): string => JSON.stringify(Object.entries(storage));

async function openSettings() {
  renderApp('/settings');
  await screen.findByRole('heading', { level: 1, name: 'Settings' });
}

/** A password input has no ARIA role: find it by its label, and check it stays a password field. */
function keyInput(name: string): HTMLInputElement {
  const input = screen.getByLabelText(name);
  if (!(input instanceof HTMLInputElement)) throw new Error(`${name} is not an input`);
  return input;
}

const GOOD_KEY = 'tm-good-key';

/** Every `x-api-key` the app sends from now on, in order (the listener goes after each test). */
function recordKeysSent(): string[] {
  const keys: string[] = [];
  server.events.on('request:start', ({ request }) => {
    const key = request.headers.get('x-api-key');
    if (key !== null) keys.push(key);
  });
  return keys;
}

afterEach(() => {
  server.events.removeAllListeners();
});
const envelope = (data: unknown[]) => ({ success: true, message: 'ok', length: data.length, data });

beforeEach(() => {
  useSettingsStore.setState(useSettingsStore.getInitialState(), true);
  // Live sources refuse anything but the right key (401 is not retried): no test reaches the network.
  server.use(
    http.get('*/proxy/coingecko/*', () => new HttpResponse(null, { status: 401 })),
    http.get('*/proxy/tokenmetrics/:endpoint', ({ request, params }) => {
      if (request.headers.get('x-api-key') !== GOOD_KEY) return new HttpResponse(null, { status: 401 });
      if (params.endpoint === 'tokens') return HttpResponse.json(envelope([{ TOKEN_ID: 3315, TOKEN_NAME: 'Cardano', TOKEN_SYMBOL: 'ADA' }]));
      if (params.endpoint === 'tm-grade') return HttpResponse.json(envelope([{ TOKEN_ID: 3315, TM_GRADE: 64.5, TM_GRADE_SIGNAL: 'BUY', DATE: '2026-11-20' }]));
      return HttpResponse.json(envelope([]));
    }),
  );
});

describe('settings page', () => {
  it('offers the two sources, the two keys as password fields and "remember" off', async () => {
    await openSettings();
    expect(screen.getByRole('radio', { name: 'Embedded snapshot' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Live (CoinGecko)' })).not.toBeChecked();
    for (const name of ['CoinGecko API key', 'Token Metrics API key']) {
      const input = keyInput(name);
      expect(input).toHaveAttribute('type', 'password');
      expect(input).toHaveValue('');
      expect(input).toHaveAttribute('autocomplete', 'off');
    }
    expect(screen.getByRole('checkbox', { name: 'Remember keys on this device' })).not.toBeChecked();
    expect(screen.getAllByText(/Not financial advice/)).toHaveLength(1);
  });

  it('choosing "Live (CoinGecko)" selects it and remembers the choice', async () => {
    const user = userEvent.setup();
    await openSettings();
    await user.click(screen.getByRole('radio', { name: 'Live (CoinGecko)' }));
    expect(screen.getByRole('radio', { name: 'Live (CoinGecko)' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Embedded snapshot' })).not.toBeChecked();
    expect(JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '{}')).toMatchObject({ source: 'coingecko' });
  });

  it('shows the source this visit uses (?source=), and picking one there ends the override', async () => {
    const user = userEvent.setup();
    renderApp('/?source=coingecko');
    await user.click(within(await screen.findByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Settings' }));
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    expect(screen.getByRole('radio', { name: 'Live (CoinGecko)' })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: 'Embedded snapshot' }));
    expect(screen.getByRole('radio', { name: 'Embedded snapshot' })).toBeChecked();
    expect(useSettingsStore.getState()).toMatchObject({ source: 'snapshot', visitSource: null });
  });

  it('a typed key lives in sessionStorage only, until "remember" is ticked', async () => {
    const user = userEvent.setup();
    await openSettings();
    await user.type(keyInput('Token Metrics API key'), 'tm-s3cret');
    await user.type(keyInput('CoinGecko API key'), 'CG-s3cret');
    expect(keyInput('Token Metrics API key')).toHaveValue('tm-s3cret');
    // Kept once typing pauses.
    await waitFor(() => expect(JSON.parse(sessionStorage.getItem(KEYS_KEY) ?? '{}')).toEqual({ coingeckoKey: 'CG-s3cret', tokenMetricsKey: 'tm-s3cret' }));
    expect(dump(localStorage)).not.toMatch(/s3cret/);

    const remember = screen.getByRole('checkbox', { name: 'Remember keys on this device' });
    await user.click(remember);
    expect(remember).toBeChecked();
    expect(dump(localStorage)).toMatch(/tm-s3cret/);
    expect(sessionStorage.getItem(KEYS_KEY)).toBeNull();

    await user.click(remember);
    expect(dump(localStorage)).not.toMatch(/s3cret/);
    expect(JSON.parse(sessionStorage.getItem(KEYS_KEY) ?? '{}')).toMatchObject({ tokenMetricsKey: 'tm-s3cret' });
  });

  it('a bad proxy URL shows why and changes nothing; a good one is saved', async () => {
    const user = userEvent.setup();
    await openSettings();
    const proxy = screen.getByRole('textbox', { name: 'Proxy base URL' });
    await user.click(proxy);
    await user.paste('https://user:pw@proxy.example.com');
    await user.click(screen.getByRole('button', { name: 'Save proxy' }));
    expect(screen.getByText(/must not hold a user name, password or query/)).toBeInTheDocument();
    expect(useSettingsStore.getState().proxyBase).toBe('');
    expect(localStorage.getItem(SETTINGS_KEY) ?? '').not.toContain('proxy.example.com');

    await user.clear(proxy);
    await user.paste('ftp://proxy.example.com');
    await user.keyboard('{Enter}');
    expect(screen.getByText(/must start with https:\/\/ or http:\/\//)).toBeInTheDocument();
    expect(useSettingsStore.getState().proxyBase).toBe('');

    await user.clear(proxy);
    await user.paste('https://proxy.example.com/cb');
    await user.keyboard('{Enter}');
    const form = proxy.closest('form');
    expect(form).not.toBeNull();
    expect(within(form ?? document.body).getByRole('status')).toHaveTextContent(/^Saved/);
    expect(useSettingsStore.getState().proxyBase).toBe('https://proxy.example.com/cb');
    expect(JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '{}')).toMatchObject({ proxyBase: 'https://proxy.example.com/cb' });
  });

  it('a key typed letter by letter is used once complete (not the first letters it saw)', async () => {
    const user = userEvent.setup();
    await openSettings();
    await user.type(keyInput('Token Metrics API key'), GOOD_KEY);
    await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Tokens' }));
    const table = await screen.findByRole('table', { name: 'Tokens' });
    const cardano = within(table).getByRole('link', { name: 'Cardano' }).closest('tr');
    await waitFor(() => expect(cardano).toHaveTextContent('64.5 Buy'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('once typing pauses, the new key is tried on the settings page itself', async () => {
    const keysSent = recordKeysSent();
    const user = userEvent.setup();
    await openSettings();
    await user.type(keyInput('Token Metrics API key'), GOOD_KEY);
    await waitFor(() => expect(keysSent).toContain(GOOD_KEY));
    // Only the whole key was ever sent: not its first letter, not any prefix.
    expect(new Set(keysSent)).toEqual(new Set([GOOD_KEY]));
  });

  it('replacing a key asks Token Metrics again, with the new key only', async () => {
    useSettingsStore.setState({ tokenMetricsKey: 'tm-old-key' });
    const keysSent = recordKeysSent();
    const user = userEvent.setup();
    await openSettings();
    await waitFor(() => expect(keysSent).toContain('tm-old-key'));
    const input = keyInput('Token Metrics API key');
    await user.clear(input);
    await user.type(input, GOOD_KEY);
    await waitFor(() => expect(keysSent).toContain(GOOD_KEY));
    expect(new Set(keysSent)).toEqual(new Set(['tm-old-key', GOOD_KEY]));
    await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Tokens' }));
    const table = await screen.findByRole('table', { name: 'Tokens' });
    await waitFor(() => expect(within(table).getByRole('link', { name: 'Cardano' }).closest('tr')).toHaveTextContent('64.5 Buy'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('the settings take a typed key once typing pauses, or at once on Enter or on leaving the field', async () => {
    const user = userEvent.setup();
    await openSettings();
    const input = keyInput('Token Metrics API key');
    await user.type(input, 'tm-a');
    expect(input).toHaveValue('tm-a');
    expect(useSettingsStore.getState().tokenMetricsKey).toBe('');
    await waitFor(() => expect(useSettingsStore.getState().tokenMetricsKey).toBe('tm-a'));
    await user.type(input, 'b{Enter}');
    expect(useSettingsStore.getState().tokenMetricsKey).toBe('tm-ab');
    await user.type(input, 'c');
    expect(useSettingsStore.getState().tokenMetricsKey).toBe('tm-ab');
    await user.tab();
    expect(useSettingsStore.getState().tokenMetricsKey).toBe('tm-abc');
  });

  it('a key typed just before leaving the page is kept', async () => {
    const user = userEvent.setup();
    await openSettings();
    await user.type(keyInput('CoinGecko API key'), 'CG-late');
    act(() => navigate('/compare'));
    await screen.findByRole('heading', { level: 1, name: 'Compare' });
    expect(useSettingsStore.getState().coingeckoKey).toBe('CG-late');
    expect(JSON.parse(sessionStorage.getItem(KEYS_KEY) ?? '{}')).toMatchObject({ coingeckoKey: 'CG-late' });
  });
});
