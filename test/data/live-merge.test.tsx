import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import { http, HttpResponse, type JsonBodyType } from 'msw';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { useDataset, type DataConfig } from '../../src/data/queries/dataset.ts';
import { fixture, server } from '../msw.ts';

// The merge of live answers loads on demand; here it cannot (offline after a deploy, say).
vi.mock('../../src/data/queries/live-answers.ts', () => {
  throw new TypeError('Failed to fetch dynamically imported module');
});

const liveConfig: DataConfig = { source: 'coingecko', pages: 1, coingecko: { base: '/proxy/coingecko', apiKey: null }, tokenmetrics: null };

describe('useDataset when the live merge cannot load', () => {
  it('keeps the snapshot and says live prices are unavailable, rather than nothing', async () => {
    server.use(
      http.get('*/proxy/coingecko/global', () => HttpResponse.json({ data: { total_market_cap: { usd: 3e12 }, updated_at: 1_767_979_268 } })),
      http.get('*/proxy/coingecko/coins/markets', () => HttpResponse.json(fixture('cg-markets.json') as JsonBodyType)),
    );
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
    const { result } = renderHook(() => useDataset(liveConfig), { wrapper });
    await waitFor(() => expect(result.current.failures).toHaveLength(1));
    expect(result.current.failures[0]).toMatchObject({ source: 'CoinGecko', fallback: 'the embedded snapshot' });
    expect(result.current.dataset?.source).toBe('snapshot');
  });
});
