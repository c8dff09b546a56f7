import { describe, expect, it } from 'vitest';
import { engineInputFor } from '../../src/data/engine-input.ts';
import { DataError } from '../../src/data/errors.ts';
import { liveDataset } from '../../src/data/providers/live.ts';
import { datasetFromSnapshot, loadSnapshot } from '../../src/data/providers/snapshot.ts';
import { snapshotJson } from '../msw.ts';

type Json = Record<string, unknown> & { tokens: Array<Record<string, unknown>> };
const copy = (): Json => structuredClone(snapshotJson) as Json;

describe('the snapshot provider', () => {
  it('loads the served file into a dataset sorted by rank', async () => {
    const d = await loadSnapshot();
    expect(d.source).toBe('snapshot');
    expect(d.tokens).toHaveLength(copy().tokens.length);
    expect(d.tokens[0]?.rank).toBe(1);
    expect(d.dropped).toBe(0);
    expect(d.market.totalMarketCap).toBeGreaterThan(1e12);
    expect(d.grades.cardano?.tmGrade?.rating).toBe('Sell');
    expect(d.observed.cardano?.base).toBeGreaterThanOrEqual(d.observed.cardano?.bear ?? Number.NaN);
  });

  it('keeps the good observed captures of a damaged file and counts the bad one', () => {
    const json = copy();
    const observed = json['observed'] as Record<string, Record<string, unknown>>;
    observed['bitcoin'] = { ...observed['bitcoin'], moon: 'high' };
    const d = datasetFromSnapshot(json);
    expect(d.dropped).toBe(1);
    expect(d.observed.bitcoin).toBeUndefined();
    expect(d.observed.cardano?.source).toBe('capbands-observed-2026-01-09');
  });

  it('carries the observed captures into a live dataset', () => {
    const snapshot = datasetFromSnapshot(copy());
    const live = liveDataset([], { totalMarketCap: 3e12, btcDominance: null, asOf: null }, snapshot, '2026-01-10T00:00:00Z');
    expect(live.observed).toBe(snapshot.observed);
    expect(liveDataset([], { totalMarketCap: 3e12, btcDominance: null, asOf: null }, undefined, '2026-01-10T00:00:00Z').observed).toEqual({});
  });

  it('drops and counts bad rows instead of failing', () => {
    const json = copy();
    json.tokens[3] = { ...json.tokens[3], price: -1 };
    json.tokens[4] = { ...json.tokens[4], price: 'NaN' };
    delete json.tokens[5]?.name;
    const d = datasetFromSnapshot(json);
    expect(d.dropped).toBe(3);
    expect(d.tokens).toHaveLength(copy().tokens.length - 3);
  });

  it('refuses a file with no market or no token', () => {
    expect(() => datasetFromSnapshot({})).toThrow(DataError);
    expect(() => datasetFromSnapshot({ ...copy(), tokens: [] })).toThrow(/cannot be read/);
    expect(() => datasetFromSnapshot('<html>')).toThrow(DataError);
  });
});

describe('engineInputFor', () => {
  const d = datasetFromSnapshot(copy());
  const ada = d.tokens.find((t) => t.id === 'cardano');

  it('uses the circulating supply, or the max supply for the diluted view', () => {
    if (!ada) throw new Error('cardano missing');
    const circ = engineInputFor(ada, d.market, 'circ');
    expect(circ).toMatchObject({ ok: true, input: { price: ada.price, circulatingSupply: ada.circulatingSupply } });
    const max = engineInputFor(ada, d.market, 'max');
    expect(max).toMatchObject({ ok: true, input: { horizonSupply: ada.maxSupply } });
  });

  it('derives a supply from the market cap, and refuses a token with neither', () => {
    if (!ada) throw new Error('cardano missing');
    const derived = engineInputFor({ ...ada, circulatingSupply: null }, d.market, 'circ');
    expect(derived.ok && derived.input.circulatingSupply).toBeCloseTo((ada.marketCap ?? 0) / ada.price, 0);
    const none = engineInputFor({ ...ada, circulatingSupply: null, marketCap: null }, d.market, 'circ');
    expect(none).toMatchObject({ ok: false });
  });

  it('says when there is nothing to dilute', () => {
    if (!ada) throw new Error('cardano missing');
    const r = engineInputFor({ ...ada, maxSupply: null, totalSupply: null }, d.market, 'max');
    expect(r.ok && r.note).toMatch(/fully diluted equals circulating/);
  });
});
