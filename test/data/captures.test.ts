import { describe, expect, it } from 'vitest';
import { capturesFor } from '../../src/data/captures.ts';
import { publishedCaptures } from '../../src/data/published.ts';
import type { Dataset, Token } from '../../src/data/types.ts';
import { DEFAULT_CAPTURES } from '../../src/engine/index.ts';
import { token as baseToken } from '../fixtures/token.ts';

const token = (id: string, name: string, symbol: string, price: number, categories: string[] = []): Token =>
  baseToken(id, { name, symbol, price, marketCap: price * 1e9, circulatingSupply: 1e9, categories });

const ETH = token('ethereum', 'Ethereum', 'ETH', 3_100);
const ADA = token('cardano', 'Cardano', 'ADA', 0.4);
const PEPE = token('pepe', 'Pepe', 'PEPE', 0.000004);
const WETH = token('weth', 'Wrapped Ether', 'WETH', 3_099);
const USDT = token('tether', 'Tether USDt', 'USDT', 0.9991, ['stablecoin']);

const observed = (bear: number, base: number, moon: number) => ({
  source: 'capbands-observed-2026-01-09',
  bear,
  base,
  moon,
  raw: base,
  weight: 0.7,
  windows: [
    { from: '2023-05-13', to: '2024-11-17', marketMove: 2.7, capture: base },
    { from: '2023-05-13', to: '2026-01-09', marketMove: 2.8, capture: base },
  ],
});

const dataset = {
  source: 'snapshot',
  asOf: '2026-01-09T00:00:00Z',
  market: { totalMarketCap: 3.107e12, asOf: '2026-01-09', source: 'cmc' },
  tokens: [ETH, ADA, PEPE, WETH, USDT],
  grades: {},
  published: {
    cardano: {
      source: 'tm-analysis',
      asOf: '2025',
      currentPrice: 0.645,
      totalMarketCap: null,
      tiers: [8e12, 16e12, 23e12, 31e12],
      labels: ['8T', '16T', '23T', '31T'],
      bear: [0.94, 1.53, 2.12, 2.71],
      base: [1.05, 1.86, 2.67, 3.48],
      moon: [1.16, 2.2, 3.23, 4.26],
    },
  },
  observed: { ethereum: observed(0.7, 1.05, 1.4), cardano: observed(0.3, 0.45, 0.6) },
  sources: {},
  dropped: 0,
} satisfies Dataset;

describe('capturesFor', () => {
  it('gives a token with history its observed captures, naming the window', () => {
    const c = capturesFor(ETH, dataset, 'token');
    expect(c.origin).toBe('observed');
    expect(c.captures).toEqual({ bear: 0.7, base: 1.05, moon: 1.4 });
    expect(c.detail).toContain('2023-05-13 → 2026-01-09');
    expect(c.detail).toContain('2 market moves');
  });

  it('says "no history: default captures" for a token without evidence', () => {
    const c = capturesFor(PEPE, dataset, 'token');
    expect(c.origin).toBe('default');
    expect(c.captures).toEqual(DEFAULT_CAPTURES);
    expect(c.short).toBe('no history: default');
  });

  it('uses the defaults for every token under "Same for all"', () => {
    expect(capturesFor(ETH, dataset, 'same')).toMatchObject({ origin: 'same', captures: DEFAULT_CAPTURES });
  });

  it('uses Token Metrics where a table is published under "tm", and the token’s own elsewhere', () => {
    const ada = capturesFor(ADA, dataset, 'tm', publishedCaptures);
    expect(ada.origin).toBe('published');
    expect(ada.captures).toEqual(publishedCaptures(dataset.published.cardano, 1e9, DEFAULT_CAPTURES));
    expect(capturesFor(ETH, dataset, 'tm', publishedCaptures).origin).toBe('observed');
  });

  it('keeps a stablecoin at its peg in every mode', () => {
    for (const mode of ['token', 'same', 'tm'] as const) {
      const c = capturesFor(USDT, dataset, mode, publishedCaptures);
      expect(c.origin).toBe('pegged');
      expect(c.peg).toMatchObject({ kind: 'pegged', to: 'USD', price: 1 });
    }
  });

  it('gives a wrapped token the captures of what it tracks', () => {
    const c = capturesFor(WETH, dataset, 'token');
    expect(c.origin).toBe('tracks');
    expect(c.captures).toEqual(capturesFor(ETH, dataset, 'token').captures);
    expect(c.short).toBe('tracks Ethereum');
  });
});
