import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/data/errors.ts';
import { fetchGlobal, fetchMarketChart, fetchMarketsPage, type CoinGeckoConfig } from '../../src/data/providers/coingecko.ts';
import { fixture, server } from '../msw.ts';

const config: CoinGeckoConfig = { base: '/proxy/coingecko', apiKey: 'demo-secret' };
type Row = Record<string, unknown>;
const rows = fixture('cg-markets.json') as Row[];

describe('CoinGecko /coins/markets', () => {
  it('maps a recorded page to tokens, with the key in a header and never in the URL', async () => {
    let url = '';
    let key: string | null = null;
    server.use(
      http.get('*/proxy/coingecko/coins/markets', ({ request }) => {
        url = request.url;
        key = request.headers.get('x-cg-demo-api-key');
        return HttpResponse.json(rows);
      }),
    );
    const page = await fetchMarketsPage(config, 2);
    expect(new URL(url).searchParams.get('page')).toBe('2');
    expect(new URL(url).searchParams.get('per_page')).toBe('250');
    expect(url).not.toContain('demo-secret');
    expect(key).toBe('demo-secret');
    expect(page.dropped).toBe(0);
    expect(page.tokens).toHaveLength(rows.length);
    const ada = page.tokens.find((t) => t.id === 'cardano');
    const raw = rows.find((r) => r.id === 'cardano');
    expect(ada?.symbol).toBe('ADA');
    expect(ada?.price).toBe(raw?.current_price);
    expect(ada?.circulatingSupply).toBe(raw?.circulating_supply);
    expect(ada?.change.d30).toBeNull(); // this recorded request did not ask for 30d
    expect(ada?.change.y1).toBe(raw?.price_change_percentage_1y_in_currency);
    expect(page.asOf).toMatch(/^2025-02-0\d/);
  });

  it('reads string numbers, keeps nulls unknown and drops a row without a price', async () => {
    const [first, second, third] = rows;
    const body = [
      { ...first, current_price: String(first?.current_price), max_supply: null, market_cap: 'n/a' },
      { ...second, current_price: undefined, price: second?.current_price }, // a renamed field
      { ...third, current_price: 0 },
      'garbage',
    ];
    server.use(http.get('*/proxy/coingecko/coins/markets', () => HttpResponse.json(body)));
    const page = await fetchMarketsPage(config, 1);
    expect(page.tokens).toHaveLength(1);
    expect(page.dropped).toBe(3);
    expect(page.tokens[0]?.price).toBe(first?.current_price);
    expect(page.tokens[0]?.maxSupply).toBeNull();
    expect(page.tokens[0]?.marketCap).toBeNull();
  });

  it("drops and counts a row whose numbers pass the schema but not the engine's limits (price 1e308, supply 1e30)", async () => {
    const [first, second, third] = rows;
    const body = [first, { ...second, current_price: 1e308 }, { ...third, circulating_supply: 1e30 }];
    server.use(http.get('*/proxy/coingecko/coins/markets', () => HttpResponse.json(body)));
    const page = await fetchMarketsPage(config, 1);
    expect(page.tokens.map((t) => t.id)).toEqual([first?.id]);
    expect(page.dropped).toBe(2);
  });

  it('refuses a body that is not a list, or a list with no usable row', async () => {
    server.use(http.get('*/proxy/coingecko/coins/markets', () => HttpResponse.json({ status: { error_code: 429 } })));
    await expect(fetchMarketsPage(config, 1)).rejects.toMatchObject({ kind: 'invalid' });
    server.use(http.get('*/proxy/coingecko/coins/markets', () => HttpResponse.json([{ id: 'x' }])));
    await expect(fetchMarketsPage(config, 1)).rejects.toBeInstanceOf(DataError);
  });
});

describe('CoinGecko /global and /market_chart', () => {
  it('reads the total market cap and its time', async () => {
    server.use(
      http.get('*/proxy/coingecko/global', () =>
        HttpResponse.json({ data: { total_market_cap: { usd: 3.1e12, eur: 2.9e12 }, market_cap_percentage: { btc: 58.4 }, updated_at: 1767979268 } }),
      ),
    );
    const g = await fetchGlobal(config);
    expect(g.totalMarketCap).toBe(3.1e12);
    expect(g.btcDominance).toBe(58.4);
    expect(g.asOf).toBe(new Date(1767979268 * 1000).toISOString());
  });

  it('refuses a global answer without a USD total', async () => {
    server.use(http.get('*/proxy/coingecko/global', () => HttpResponse.json({ data: { total_market_cap: { eur: 1 } } })));
    await expect(fetchGlobal(config)).rejects.toMatchObject({ kind: 'invalid', source: 'CoinGecko' });
  });

  it('refuses a global total outside the range the model takes', async () => {
    server.use(http.get('*/proxy/coingecko/global', () => HttpResponse.json({ data: { total_market_cap: { usd: 1e30 } } })));
    await expect(fetchGlobal(config)).rejects.toMatchObject({ kind: 'invalid', source: 'CoinGecko' });
  });

  it('cleans a market chart: sorted, positive, finite points only', async () => {
    server.use(
      http.get('*/proxy/coingecko/coins/cardano/market_chart', () =>
        HttpResponse.json({
          prices: [
            [2, 0.5],
            [1, 0.4],
            [3, null],
            [4, -1],
          ],
          market_caps: [[1, 1e10]],
          total_volumes: [],
        }),
      ),
    );
    const h = await fetchMarketChart(config, 'cardano');
    expect(h.prices).toEqual([
      [1, 0.4],
      [2, 0.5],
    ]);
    expect(h.marketCaps).toEqual([[1, 1e10]]);
  });
});
