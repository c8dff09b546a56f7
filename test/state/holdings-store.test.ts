import { beforeEach, describe, expect, it } from 'vitest';
import { cleanHoldings, useHoldingsStore } from '../../src/state/holdings-store.ts';
import { parseHoldingsSearch, serializeHoldings } from '../../src/state/holdings-url.ts';

const ada = { id: 'cardano', name: 'Cardano', symbol: 'ADA' };
const btc = { id: 'bitcoin', name: 'Bitcoin', symbol: 'BTC' };

beforeEach(() => {
  useHoldingsStore.setState(useHoldingsStore.getInitialState(), true);
});

describe('holdings store', () => {
  it('adds, sets amounts, removes, and keeps them in localStorage with a version', () => {
    const s = useHoldingsStore.getState();
    expect(s.add(ada)).toBe(true);
    expect(useHoldingsStore.getState().add(ada)).toBe(false);
    useHoldingsStore.getState().setAmount('cardano', 1500);
    useHoldingsStore.getState().add(btc, 0.5);
    useHoldingsStore.getState().remove('bitcoin');
    expect(useHoldingsStore.getState().holdings).toEqual([{ ...ada, amount: 1500 }]);
    const saved = JSON.parse(window.localStorage.getItem('capbands.holdings') ?? 'null') as { version: number; state: unknown };
    expect(saved).toEqual({ version: 1, state: { holdings: [{ ...ada, amount: 1500 }] } });
  });

  it('merges: adds new tokens, updates amounts of held ones, loses nothing else', () => {
    useHoldingsStore.getState().add(ada, 1500);
    useHoldingsStore.getState().add({ id: 'tron', name: 'TRON', symbol: 'TRX' }, 10);
    const report = useHoldingsStore.getState().merge([
      { ...btc, amount: 0.5 },
      { ...ada, amount: 2000 },
    ]);
    expect(report).toEqual({ added: ['Bitcoin'], updated: ['Cardano'], skipped: [] });
    expect(useHoldingsStore.getState().holdings.map((h) => [h.id, h.amount])).toEqual([
      ['cardano', 2000],
      ['tron', 10],
      ['bitcoin', 0.5],
    ]);
  });

  it('restores stored holdings entry by entry, dropping what is not one', async () => {
    window.localStorage.setItem(
      'capbands.holdings',
      JSON.stringify({ version: 1, state: { holdings: [{ ...ada, amount: -3 }, { id: 7 }, { id: 'bitcoin', amount: 2 }, { ...ada, amount: 5 }] } }),
    );
    await useHoldingsStore.persist.rehydrate();
    expect(useHoldingsStore.getState().holdings).toEqual([
      { ...ada, amount: null },
      { id: 'bitcoin', name: 'bitcoin', symbol: 'bitcoin', amount: 2 },
    ]);
  });

  it('migrates an unknown older version without losing readable holdings', async () => {
    window.localStorage.setItem('capbands.holdings', JSON.stringify({ version: 0, state: { holdings: [{ ...ada, amount: 3 }] } }));
    await useHoldingsStore.persist.rehydrate();
    expect(useHoldingsStore.getState().holdings).toEqual([{ ...ada, amount: 3 }]);
  });

  it('cleanHoldings refuses anything that is not a list', () => {
    expect(cleanHoldings('nope')).toEqual([]);
    expect(cleanHoldings(null)).toEqual([]);
  });
});

describe('holdings in a link', () => {
  it('round-trips ids and amounts, leaving out holdings without an amount', () => {
    const search = `?${serializeHoldings([
      { id: 'cardano', amount: 1500 },
      { id: 'weird id/x', amount: 0.000001 },
      { id: 'bitcoin', amount: null },
    ])}`;
    expect(parseHoldingsSearch(search)).toEqual({
      holdings: [
        { id: 'cardano', amount: 1500 },
        { id: 'weird id/x', amount: 0.000001 },
      ],
      notices: [],
    });
  });

  it('names bad entries and leaves them out; null without the key', () => {
    const r = parseHoldingsSearch('?holdings=cardano:-5,bitcoin:abc,:3,tron:2,tron:9');
    expect(r?.holdings).toEqual([{ id: 'tron', amount: 2 }]);
    expect(r?.notices).toHaveLength(3);
    expect(r?.notices[0]).toMatch(/"cardano:-5" is not a holding/);
    expect(parseHoldingsSearch('?x=1')).toBeNull();
  });
});
