// @vitest-environment node
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshotSchema, type Snapshot, type SnapshotToken } from '../../src/data/schemas/snapshot.ts';

const FILE = path.resolve(import.meta.dirname, '../../public/data/snapshot.json');
const raw: unknown = JSON.parse(readFileSync(FILE, 'utf8'));
const snapshot: Snapshot = snapshotSchema.parse(raw);

function token(id: string): SnapshotToken {
  const t = snapshot.tokens.find((x) => x.id === id);
  if (!t) throw new Error(`no token ${id}`);
  return t;
}

/** A deep copy of the committed file to break on purpose. */
function copy(): { tokens: Record<string, unknown>[] } & Record<string, unknown> {
  return structuredClone(raw) as { tokens: Record<string, unknown>[] } & Record<string, unknown>;
}

function firstToken(doc: { tokens: Record<string, unknown>[] }): Record<string, unknown> {
  const t = doc.tokens[0];
  if (!t) throw new Error('no tokens');
  return t;
}

describe('the committed snapshot', () => {
  it('parses with the schema and stays small', () => {
    expect(snapshotSchema.safeParse(raw).success).toBe(true);
    expect(statSync(FILE).size).toBeLessThan(400_000);
  });

  it('has observed captures for the big coins and none for a stablecoin', () => {
    const observed = snapshot.observed ?? {};
    expect(observed['cardano']?.windows.length).toBeGreaterThanOrEqual(3);
    expect(observed['bitcoin']?.source).toBe('capbands-observed-2026-01-09');
    expect(snapshot.sources['capbands-observed-2026-01-09']?.asOf).toBe('2026-01-09');
    expect(observed['tether']).toBeUndefined();
    expect(observed['usd-coin']).toBeUndefined();
  });

  it('holds the 500 coins of the listing with unique ids, in rank order', () => {
    expect(snapshot.tokens).toHaveLength(500);
    expect(new Set(snapshot.tokens.map((t) => t.id)).size).toBe(500);
    const ranks = snapshot.tokens.map((t) => t.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it.each([
    ['bitcoin', 'BTC', 'Bitcoin'],
    ['ethereum', 'ETH', 'Ethereum'],
    ['ripple', 'XRP', 'XRP'],
    ['binancecoin', 'BNB', 'BNB'],
    ['cardano', 'ADA', 'Cardano'],
    ['tron', 'TRX', 'TRON'],
  ])('uses the CoinGecko id %s for %s', (id, symbol, name) => {
    expect(token(id)).toMatchObject({ symbol, name });
  });

  it('has a finite positive price for every token', () => {
    const bad = snapshot.tokens.filter((t) => !(Number.isFinite(t.price) && t.price > 0)).map((t) => t.id);
    expect(bad).toEqual([]);
  });

  it('says null, never 0, for what is unknown', () => {
    expect(token('ethereum').maxSupply).toBeNull();
    expect(token('bitcoin').maxSupply).toBe(21_000_000);
    const zeros = snapshot.tokens.filter((t) => [t.marketCap, t.circulatingSupply, t.totalSupply, t.maxSupply].includes(0));
    expect(zeros.map((t) => t.id)).toEqual([]);
  });

  it('has the total market at the listing time', () => {
    expect(snapshot.market.totalMarketCap).toBeCloseTo(3.107e12, -9);
    expect(snapshot.market.btcDominance).toBeCloseTo(58.49, 2);
    expect(snapshot.asOf.slice(0, 10)).toBe('2026-01-09');
  });

  it("has Cardano's published table exactly as Token Metrics printed it", () => {
    expect(snapshot.published['cardano']).toMatchObject({
      currentPrice: 0.65,
      tiers: [8e12, 16e12, 23e12, 31e12],
      labels: ['8T', '16T', '23T', '31T'],
      bear: [0.94, 1.53, 2.11, 2.7],
      base: [1.05, 1.86, 2.67, 3.48],
      moon: [1.16, 2.2, 3.23, 4.27],
    });
  });

  it("has only the cells Tron's analysis published, the rest null", () => {
    expect(snapshot.published['tron']).toMatchObject({
      currentPrice: 0.2971,
      labels: ['8T', '16T', '23T', '31T'],
      bear: [null, null, null, null],
      base: [null, null, null, null],
      moon: [null, null, 1.02, 1.31],
    });
  });

  it("has the analyses' grades for Cardano and Tron", () => {
    const ada = snapshot.grades['cardano'];
    expect(ada?.tmGrade).toMatchObject({ value: 29.72, rating: 'Sell' });
    expect(ada?.fundamental).toMatchObject({
      value: 77.21,
      parts: { community: 80, tokenomics: 100, exchange: 100, vc: 36, defiScanner: 83 },
    });
    expect(ada?.technology).toMatchObject({
      value: 81.8,
      parts: { activity: 76, repository: 72, collaboration: 100, security: null, defiScanner: 83 },
    });
    expect(ada?.signal?.trend).toBe('bearish');
    expect(snapshot.grades['tron']?.tmGrade).toMatchObject({ value: 19.06, rating: 'Strong Sell' });
    expect(snapshot.grades['tron']?.signal?.trend).toBe('bearish');
  });

  it('names a source with an as-of date for every grade', () => {
    const entries = Object.values(snapshot.grades).flatMap((g) => Object.values(g));
    expect(entries.length).toBeGreaterThan(100);
    expect(entries.filter((e) => e === undefined || !(e.source in snapshot.sources) || !/^\d{4}/.test(e.asOf))).toEqual([]);
  });
});

describe('a refreshed token the listing did not hold', () => {
  it('parses with a null CoinMarketCap id and no categories', () => {
    const doc = copy();
    Object.assign(firstToken(doc), { cmcId: null, categories: [] });
    expect(snapshotSchema.safeParse(doc).success).toBe(true);
  });
});

describe('the schema refuses a corrupted snapshot', () => {
  it.each<[string, (doc: ReturnType<typeof copy>) => void]>([
    ['a negative price', (d) => void (firstToken(d)['price'] = -1)],
    ['a zero price', (d) => void (firstToken(d)['price'] = 0)],
    ['NaN written as a string', (d) => void (firstToken(d)['price'] = 'NaN')],
    ['a number written as a string', (d) => void (firstToken(d)['marketCap'] = '1000')],
    ['a missing field', (d) => void delete firstToken(d)['symbol']],
    ['a misspelt field', (d) => void (firstToken(d)['maxSuply'] = null)],
    ['0 for an unknown max supply', (d) => void (firstToken(d)['maxSupply'] = 0)],
    ['a duplicate id', (d) => void (firstToken(d)['id'] = d.tokens[1]?.['id'])],
    ['0 for an unknown CoinMarketCap id', (d) => void (firstToken(d)['cmcId'] = 0)],
    ['a missing CoinMarketCap id (unknown is null)', (d) => void delete firstToken(d)['cmcId']],
    [
      'an unknown rating word',
      (d) => {
        const g = (d['grades'] as Record<string, { tmGrade: { rating: string } }>)['cardano'];
        if (g) g.tmGrade.rating = 'Hold';
      },
    ],
    [
      'a grade citing an unknown source',
      (d) => {
        const g = (d['grades'] as Record<string, { tmGrade: { source: string } }>)['cardano'];
        if (g) g.tmGrade.source = 'nowhere';
      },
    ],
    [
      'a table row shorter than its tiers',
      (d) => {
        const p = (d['published'] as Record<string, { bear: unknown[] }>)['cardano'];
        p?.bear.pop();
      },
    ],
    [
      'observed captures citing an unknown source',
      (d) => {
        const o = (d['observed'] as Record<string, { source: string }>)['cardano'];
        if (o) o.source = 'nowhere';
      },
    ],
    [
      'observed captures for a token not in the listing',
      (d) => {
        const observed = d['observed'] as Record<string, unknown>;
        observed['not-a-token'] = observed['cardano'];
      },
    ],
    [
      'observed cases out of order',
      (d) => {
        const o = (d['observed'] as Record<string, { bear: number; base: number }>)['cardano'];
        if (o) o.bear = o.base + 0.1;
      },
    ],
    [
      'an observed capture past the slider (3)',
      (d) => {
        const o = (d['observed'] as Record<string, { moon: number }>)['cardano'];
        if (o) o.moon = 3.5;
      },
    ],
    [
      'observed captures without a window',
      (d) => {
        const o = (d['observed'] as Record<string, { windows: unknown[] }>)['cardano'];
        if (o) o.windows = [];
      },
    ],
    ['another schema version', (d) => void (d['schemaVersion'] = 2)],
  ])('%s', (_, corrupt) => {
    const doc = copy();
    corrupt(doc);
    expect(snapshotSchema.safeParse(doc).success).toBe(false);
  });
});
