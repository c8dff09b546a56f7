import 'fake-indexeddb/auto';
import { QueryClient } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App, type Persistence } from '../../src/app/app.tsx';
import { createQueryClient } from '../../src/app/query-client.ts';
import { persistence } from '../../src/app/persist.ts';
import { dataKeys } from '../../src/data/queries/keys.ts';
import { DEFAULT_SETTINGS, useSettingsStore } from '../../src/state/settings-store.ts';
import { fixture, server } from '../msw.ts';

const markets = fixture('cg-markets.json') as unknown[];

function serveLive(): string[] {
  const seen: string[] = [];
  server.use(
    http.get('*/proxy/coingecko/coins/markets', ({ request }) => {
      seen.push(new URL(request.url).pathname);
      return HttpResponse.json(new URL(request.url).searchParams.get('page') === '1' ? markets : []);
    }),
    http.get('*/proxy/coingecko/global', () => HttpResponse.json({ data: { total_market_cap: { usd: 3.2e12 }, updated_at: 1_767_979_268 } })),
  );
  return seen;
}

function renderWith(persist: () => Promise<Persistence>) {
  window.history.replaceState(null, '', '/');
  return render(<App queryClient={createQueryClient()} persist={persist} />);
}

afterEach(() => {
  useSettingsStore.setState({ ...DEFAULT_SETTINGS, visitSource: null });
});

describe('App: persistence of live answers', () => {
  it('on the snapshot alone, the persistence is never loaded (and the list does not wait for it)', async () => {
    const load = vi.fn<() => Promise<Persistence>>(() => Promise.reject(new Error('must not load')));
    renderWith(load);
    await screen.findByRole('table', { name: 'Tokens' });
    expect(load).not.toHaveBeenCalled();
  });

  it('with live prices, it loads and restores before any live request, then saves', async () => {
    useSettingsStore.setState({ source: 'coingecko' });
    const seen = serveLive();
    const gate: { open?: () => void } = {};
    const subscribe = vi.fn<Persistence['subscribe']>(() => () => undefined);
    const load = vi.fn<() => Promise<Persistence>>(() =>
      Promise.resolve({
        restore: () =>
          new Promise<void>((resolve) => {
            gate.open = resolve;
          }),
        subscribe,
      }),
    );
    renderWith(load);
    await waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    // While the restore runs, live queries wait: a reload must not spend the rate limit on what was kept.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(seen).toEqual([]);
    expect(subscribe).not.toHaveBeenCalled();
    gate.open?.();
    await waitFor(() => expect(seen.length).toBeGreaterThan(0));
    expect(subscribe).toHaveBeenCalledTimes(1);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('a persistence that fails to load leaves the live view working', async () => {
    useSettingsStore.setState({ source: 'coingecko' });
    const seen = serveLive();
    renderWith(() => Promise.reject(new Error('chunk failed to load')));
    await waitFor(() => expect(seen.length).toBeGreaterThan(0));
    expect(await screen.findByRole('table', { name: 'Tokens' })).toBeInTheDocument();
  });
});

describe('persistence (IndexedDB)', () => {
  it('keeps live answers, never the snapshot, and gives them back to the next visit of the same version', async () => {
    const first = new QueryClient();
    const p = persistence('1.0.0');
    await p.restore(first);
    const unsubscribe = p.subscribe(first);
    first.setQueryData(dataKeys.snapshot(), { tokens: ['from the snapshot'] });
    first.setQueryData(dataKeys.global(), { totalMarketCap: 3.2e12 });
    // Saves are throttled to one per 2 s.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    unsubscribe();

    const next = new QueryClient();
    await persistence('1.0.0').restore(next);
    expect(next.getQueryData(dataKeys.global())).toEqual({ totalMarketCap: 3.2e12 });
    expect(next.getQueryData(dataKeys.snapshot())).toBeUndefined();

    const release = new QueryClient();
    await persistence('1.0.1').restore(release);
    expect(release.getQueryData(dataKeys.global())).toBeUndefined();
  });
});
