import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse, type JsonBodyType } from 'msw';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { CoinGeckoConfig } from '../../src/data/providers/coingecko.ts';
import type { Captures } from '../../src/engine/index.ts';
import { historyFromJson } from '../../src/data/providers/history.ts';
import { HistoryCaptures } from '../../src/features/token-detail/history-captures.tsx';
import { renderApp } from '../app/render-app.tsx';
import { server } from '../msw.ts';

interface SeriesFile {
  source: string;
  unit: string;
  from: string;
  to: string;
  points: Array<[string, number]>;
}
interface HistoryFile {
  sources: Record<string, unknown>;
  market: SeriesFile;
  tokens: Record<string, SeriesFile>;
}

const committed = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/data/history.json'), 'utf8')) as HistoryFile;
const serve = (body: unknown) => http.get('*/data/history.json', () => HttpResponse.json(body as JsonBodyType));
const live: CoinGeckoConfig = { base: '/proxy/coingecko', apiKey: null };

const CARDANO =
  "From 30 windows of 90 days (2025-09-19 to 2026-07-08, CoinGecko market caps converted from EUR with Bitcoin's own EUR/USD ratio): " +
  'bear 0.85 (25th percentile), base 1.27 (median), moon 2.06 (75th).';

/** A live chart over the given days: ADA-sized caps that wobble against the market. */
function liveChart(days: readonly number[]) {
  return {
    prices: days.map((t) => [t, 0.5]),
    market_caps: days.map((t, i) => [t, 2e10 * (1 + 0.2 * Math.sin(i / 11))]),
    total_volumes: [],
  };
}

function renderCaptures(tokenId: string, config: CoinGeckoConfig | null = null) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });
  const onApply = vi.fn<(captures: Captures) => void>();
  render(
    <QueryClientProvider client={queryClient}>
      <HistoryCaptures tokenId={tokenId} live={config} onApply={onApply} />
    </QueryClientProvider>,
  );
  return { onApply, button: () => screen.getByRole('button', { name: 'History captures' }) };
}

describe('HistoryCaptures from the embedded history', () => {
  it('is disabled while loading, then states the windows, the data and the three captures, and applies them', async () => {
    server.use(serve(committed));
    const { onApply, button } = renderCaptures('cardano');
    expect(button()).toBeDisabled();
    expect(button()).toHaveAccessibleDescription('Loading the market-cap history…');
    await waitFor(() => expect(button()).toBeEnabled());
    expect(button()).toHaveAccessibleDescription(`${CARDANO} Total market: CoinGecko total crypto market cap (daily reports).`);
    await userEvent.click(button());
    expect(onApply).toHaveBeenCalledExactlyOnceWith({ bear: 0.85, base: 1.27, moon: 2.06 });
    expect(screen.getByRole('status')).toHaveTextContent('Applied to the bear, base and moon captures.');
  });

  it.each([
    ['ripple', 'bear 0.74 (25th percentile), base 1.16 (median), moon 1.29 (75th).'],
    ['bitcoin', 'bear 1.03 (25th percentile), base 1.06 (median), moon 1.19 (75th).'],
  ])('gives %s its own captures', async (id, captures) => {
    server.use(serve(committed));
    const { button } = renderCaptures(id);
    await waitFor(() => expect(button()).toBeEnabled());
    expect(screen.getByRole('status')).toHaveTextContent(captures);
  });

  it('says plainly when the history is too short', async () => {
    const cardano = committed.tokens['cardano'];
    if (!cardano) throw new Error('cardano missing from the committed history');
    const points = cardano.points.slice(-60);
    const short = { ...committed, tokens: { cardano: { ...cardano, from: points[0]?.[0], points } } };
    server.use(serve(short));
    const { button, onApply } = renderCaptures('cardano');
    await waitFor(() => expect(button()).toHaveAccessibleDescription('History too short: 60 days of overlap, 111 needed.'));
    expect(button()).toBeDisabled();
    await userEvent.click(button());
    expect(onApply).not.toHaveBeenCalled();
  });

  it('explains a token the embedded history does not cover', async () => {
    server.use(serve(committed));
    const { button } = renderCaptures('tron');
    await waitFor(() => expect(button()).toHaveAccessibleDescription(/covers bitcoin, ethereum, ripple, cardano, solana, dogecoin, litecoin, polkadot only/));
    expect(button()).toBeDisabled();
  });

  it('reports a history file that cannot be loaded', async () => {
    server.use(http.get('*/data/history.json', () => new HttpResponse(null, { status: 404 })));
    const { button } = renderCaptures('cardano');
    await waitFor(() => expect(button()).toHaveAccessibleDescription('Market-cap history unavailable: HTTP 404.'));
    expect(button()).toBeDisabled();
  });
});

describe('HistoryCaptures with live CoinGecko data', () => {
  const chartDays = committed.market.points.map(([day]) => Date.parse(`${day}T00:00:00Z`));

  it('measures the live chart against the embedded market series', async () => {
    const urls: string[] = [];
    server.use(
      serve(committed),
      http.get('*/proxy/coingecko/coins/:id/market_chart', ({ request }) => {
        urls.push(request.url);
        return HttpResponse.json(liveChart(chartDays));
      }),
    );
    const { button } = renderCaptures('cardano', live);
    await waitFor(() => expect(button()).toBeEnabled());
    expect(screen.getByRole('status')).toHaveTextContent(
      /^From 32 windows of 90 days \(2025-09-\d\d to 2026-07-24, CoinGecko market caps \(live, USD\)\): bear /,
    );
    expect(new URL(urls[0] ?? '').searchParams.get('vs_currency')).toBe('usd');
    expect(urls[0]).toContain('/coins/cardano/market_chart');
  });

  it('falls back to the embedded history when the live chart fails, and says so', async () => {
    server.use(
      serve(committed),
      http.get('*/proxy/coingecko/coins/:id/market_chart', () => new HttpResponse(null, { status: 404 })),
    );
    const { button } = renderCaptures('cardano', live);
    await waitFor(() => expect(button()).toBeEnabled());
    expect(screen.getByRole('status')).toHaveTextContent(CARDANO);
    expect(screen.getByRole('status')).toHaveTextContent('CoinGecko chart unavailable (HTTP 404): using the embedded history.');
  });

  it('names a failed live chart in an alert: the source, the reason and the embedded history used instead', async () => {
    server.use(
      serve(committed),
      http.get('*/proxy/coingecko/coins/:id/market_chart', () => new HttpResponse('Forbidden', { status: 403 })),
    );
    const { button } = renderCaptures('cardano', live);
    await waitFor(() => expect(button()).toBeEnabled());
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Live market caps unavailable from CoinGecko: HTTP 403. History captures use the embedded history (2025-09-17 to 2026-07-08) instead.',
    );
  });

  it('no alert when the live chart loads, even when it is too short and the embedded history is used', async () => {
    server.use(
      serve(committed),
      http.get('*/proxy/coingecko/coins/:id/market_chart', () => HttpResponse.json(liveChart(chartDays.slice(-30)))),
    );
    const { button } = renderCaptures('cardano', live);
    await waitFor(() => expect(button()).toBeEnabled());
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('falls back to the embedded history when the live chart overlaps too little', async () => {
    server.use(
      serve(committed),
      http.get('*/proxy/coingecko/coins/:id/market_chart', () => HttpResponse.json(liveChart(chartDays.slice(-30)))),
    );
    const { button } = renderCaptures('cardano', live);
    await waitFor(() => expect(button()).toBeEnabled());
    expect(screen.getByRole('status')).toHaveTextContent(CARDANO);
    expect(screen.getByRole('status')).toHaveTextContent('The live chart overlaps the market history on 30 days only: using the embedded history.');
  });

  it('names the tokens it covers as the app does ("XRP", not "ripple") in a token view', async () => {
    server.use(serve(committed));
    renderApp('/token/tron?source=snapshot');
    const button = await screen.findByRole('button', { name: 'History captures' });
    await waitFor(() => expect(button).toHaveAccessibleDescription(/covers Bitcoin, Ethereum, XRP, Cardano, Solana, Dogecoin, Litecoin, Polkadot only/));
  });

  it('is unavailable when the live chart fails for a token the embedded history lacks', async () => {
    server.use(
      serve(committed),
      http.get('*/proxy/coingecko/coins/:id/market_chart', () => HttpResponse.text('<html>busy</html>')),
    );
    const { button } = renderCaptures('tron', live);
    await waitFor(() =>
      expect(button()).toHaveAccessibleDescription(
        /^CoinGecko chart unavailable \(invalid response \(HTML instead of JSON\)\), and the embedded history covers bitcoin/,
      ),
    );
    expect(button()).toBeDisabled();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Live market caps unavailable from CoinGecko: invalid response (HTML instead of JSON). No embedded history covers this token, so history captures are unavailable.',
    );
  });
});

describe('reading the history file', () => {
  it('drops bad points and unreadable token series, and names the sources', () => {
    const market = committed.market;
    const data = historyFromJson({
      ...committed,
      market: { ...market, points: [['2025-13-01', 1], ['2025-09-17', -5], ['not a day', 3], ...market.points, [market.to, 'x']] },
      tokens: { cardano: committed.tokens['cardano'], broken: { source: 'x', points: 'none' }, empty: { source: 'x', points: [['2025-01-01', 0]] } },
    });
    expect(data.market.points).toHaveLength(market.points.length);
    expect(data.market.points[0]).toEqual([Date.parse(`${market.from}T00:00:00Z`), market.points[0]?.[1]]);
    expect(data.market).toMatchObject({ source: 'CoinGecko total crypto market cap (daily reports)', from: market.from, to: market.to });
    expect(Object.keys(data.tokens)).toEqual(['cardano']);
  });

  it('refuses a file without a market series', () => {
    expect(() => historyFromJson({ tokens: committed.tokens })).toThrow(/no total market series/);
    expect(() => historyFromJson('nope')).toThrow(/cannot be read/);
  });
});
