import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Grades, Token } from '../../src/data/types.ts';
import { INITIAL_BROWSER, type BrowserState, type RatingFilter, type SignalFilter, type SortKey } from '../../src/state/browser-store.ts';
import { categoriesOf, selectRows, tokenRows, type TokenRow } from '../../src/features/token-list/select-tokens.ts';
import { token } from '../fixtures/token.ts';

const src = { asOf: '2025-04-16', source: 'tm' };
const tm = (value: number, rating: 'Strong Buy' | 'Buy' | 'Neutral' | 'Sell' | 'Strong Sell'): Grades => ({ tmGrade: { value, rating, ...src } });

const tokens: Token[] = [
  token('bitcoin', {
    symbol: 'BTC',
    rank: 1,
    price: 91000,
    marketCap: 1.8e12,
    change: { h24: 1, d7: null, d30: -1.5, d90: null, y1: null },
    categories: ['layer-1', 'pow'],
  }),
  token('cardano', {
    symbol: 'ADA',
    rank: 9,
    price: 0.4,
    marketCap: 1.4e10,
    change: { h24: -2, d7: null, d30: 3, d90: null, y1: null },
    categories: ['layer-1'],
  }),
  token('tron', {
    name: 'TRON',
    symbol: 'TRX',
    rank: 10,
    price: 0.29,
    marketCap: 2.8e10,
    change: { h24: 0.5, d7: null, d30: null, d90: null, y1: null },
    categories: ['layer-1'],
  }),
  token('wrapped-bitcoin', { name: 'Wrapped Bitcoin', symbol: 'WBTC', rank: 20, price: 91000, marketCap: null, categories: ['wrapped'] }),
  token('mystery', { name: 'Mystery', symbol: 'MYS', rank: null, price: 2, marketCap: 5e6 }),
  token('cheap', { name: 'Cheap Coin', symbol: 'ADAX', rank: 400, price: 0.0001, marketCap: 1e6, change: { h24: -9, d7: null, d30: 40, d90: null, y1: null } }),
];
const grades: Record<string, Grades> = {
  cardano: { ...tm(29.72, 'Sell'), signal: { trend: 'bearish', ...src }, traderGrade: { value: 41, ta: null, quant: null, change24h: null, ...src } },
  tron: { ...tm(19.06, 'Strong Sell'), signal: { trend: 'bearish', ...src } },
  bitcoin: { signal: { trend: 'bullish', ...src }, traderGrade: { value: 26.3, ta: null, quant: null, change24h: null, ...src } },
  cheap: { ...tm(55, 'Neutral') },
};
const rows = tokenRows(tokens, grades);
const state = (over: Partial<BrowserState> = {}): BrowserState => ({ ...INITIAL_BROWSER, ...over });
const ids = (list: readonly TokenRow[]) => list.map((r) => r.token.id);

describe('tokenRows', () => {
  it('flattens grades, leaving unknown ones null (never 0)', () => {
    const byId = new Map(rows.map((r) => [r.token.id, r]));
    expect(byId.get('cardano')).toMatchObject({ tmGrade: 29.72, rating: 'Sell', traderGrade: 41, signal: -1 });
    expect(byId.get('bitcoin')).toMatchObject({ tmGrade: null, rating: null, traderGrade: 26.3, signal: 1 });
    expect(byId.get('mystery')).toMatchObject({ tmGrade: null, rating: null, traderGrade: null, signal: null });
  });
});

describe('search', () => {
  it.each([
    ['cardano', ['cardano']],
    ['CARDANO', ['cardano']],
    ['ada', ['cardano', 'cheap']], // symbol ADA and ADAX
    ['Ada', ['cardano', 'cheap']],
    ['bitcoin', ['bitcoin', 'wrapped-bitcoin']],
    ['btc', ['bitcoin', 'wrapped-bitcoin']],
    ['  trx  ', ['tron']],
    ['tron', ['tron']],
    ['zzz', []],
    ['', ['bitcoin', 'cardano', 'tron', 'wrapped-bitcoin', 'cheap', 'mystery']],
  ])('%j finds %j by name or symbol, case-insensitive', (search, expected) => {
    expect(ids(selectRows(rows, state({ search })))).toEqual(expected);
  });
});

describe('filters', () => {
  it.each<[RatingFilter, string[]]>([
    ['Sell', ['cardano']],
    ['Strong Sell', ['tron']],
    ['Neutral', ['cheap']],
    ['Buy', []],
    ['Strong Buy', []],
  ])('rating %s', (rating, expected) => {
    expect(ids(selectRows(rows, state({ rating })))).toEqual(expected);
  });

  it.each<[SignalFilter, string[]]>([
    ['Bullish', ['bitcoin']],
    ['Bearish', ['cardano', 'tron']],
  ])('signal %s', (signal, expected) => {
    expect(ids(selectRows(rows, state({ signal })))).toEqual(expected);
  });

  it('category, and every filter together', () => {
    expect(ids(selectRows(rows, state({ category: 'layer-1' })))).toEqual(['bitcoin', 'cardano', 'tron']);
    expect(ids(selectRows(rows, state({ category: 'wrapped' })))).toEqual(['wrapped-bitcoin']);
    expect(ids(selectRows(rows, state({ category: 'layer-1', signal: 'Bearish', rating: 'Sell', search: 'a' })))).toEqual(['cardano']);
    expect(ids(selectRows(rows, state({ category: 'layer-1', signal: 'Bullish', rating: 'Sell' })))).toEqual([]);
  });

  it('lists categories by how many tokens carry them, then by name', () => {
    expect(categoriesOf(tokens)).toEqual(['layer-1', 'pow', 'wrapped']);
  });
});

/** The sort value a column shows, for checking an order without repeating the implementation. */
type TokenKey = Exclude<SortKey, 'scenarioPrice' | 'capture' | 'multiple' | 'needs' | 'watched'>;

function valueOf(row: TokenRow, key: TokenKey): number | string | null {
  const t = row.token;
  const values: Record<typeof key, number | string | null> = {
    rank: t.rank,
    name: t.name.toLowerCase(),
    symbol: t.symbol.toLowerCase(),
    price: t.price,
    marketCap: t.marketCap,
    h24: t.change.h24,
    d30: t.change.d30,
    tmGrade: row.tmGrade,
    traderGrade: row.traderGrade,
    signal: row.signal,
  };
  return values[key];
}

const SORT_KEYS: TokenKey[] = ['rank', 'name', 'symbol', 'price', 'marketCap', 'h24', 'd30', 'tmGrade', 'traderGrade', 'signal'];

/** Known values in the asked direction, then every unknown; ties (and unknowns) in input order. */
function expectSorted(input: readonly TokenRow[], output: readonly TokenRow[], key: TokenKey, dir: 'asc' | 'desc'): void {
  const values = output.map((r) => valueOf(r, key));
  const firstNull = values.indexOf(null);
  if (firstNull >= 0) expect(values.slice(firstNull).every((v) => v === null)).toBe(true);
  const position = new Map(input.map((r, i) => [r, i]));
  for (let i = 1; i < output.length; i++) {
    const a = values[i - 1] ?? null;
    const b = values[i] ?? null;
    const prev = output[i - 1];
    const cur = output[i];
    if (prev === undefined || cur === undefined) continue;
    const inputOrder = (position.get(prev) ?? 0) < (position.get(cur) ?? 0);
    if (a === null || b === null) {
      if (a === null && b === null) expect(inputOrder).toBe(true);
      continue;
    }
    const cmp = typeof a === 'string' && typeof b === 'string' ? a.localeCompare(b) : Number(a) - Number(b);
    if (cmp === 0) expect(inputOrder).toBe(true);
    else expect(dir === 'asc' ? cmp < 0 : cmp > 0).toBe(true);
  }
}

describe('sorting', () => {
  it.each(SORT_KEYS.flatMap((key) => [[key, 'asc'] as const, [key, 'desc'] as const]))('by %s %s puts unknown values last', (sortKey, sortDir) => {
    const out = selectRows(rows, state({ sortKey, sortDir }));
    expect(out).toHaveLength(rows.length);
    expectSorted(rows, out, sortKey, sortDir);
  });

  it('sorts by market cap with the unknown cap last both ways', () => {
    expect(ids(selectRows(rows, state({ sortKey: 'marketCap', sortDir: 'desc' })))).toEqual([
      'bitcoin',
      'tron',
      'cardano',
      'mystery',
      'cheap',
      'wrapped-bitcoin',
    ]);
    expect(ids(selectRows(rows, state({ sortKey: 'marketCap', sortDir: 'asc' })))).toEqual([
      'cheap',
      'mystery',
      'cardano',
      'tron',
      'bitcoin',
      'wrapped-bitcoin',
    ]);
  });

  it('treats screener values that differ only by rounding as a tie, kept in input order', () => {
    // With shared captures every multiple is the same number up to floating-point noise.
    const noisy = new Map(rows.map((r, i) => [r.token.id, 4.11 * (1 + (i % 2 ? 1 : -1) * 3e-16 * (i + 1))]));
    const screen = { minMultiple: 0, only: null, value: (id: string) => noisy.get(id) ?? null };
    for (const sortDir of ['asc', 'desc'] as const) expect(ids(selectRows(rows, state({ sortKey: 'multiple', sortDir }), screen))).toEqual(ids(rows));
    // A real difference still orders.
    const real = { ...screen, value: (id: string) => (id === 'cheap' ? 5 : 4.11) };
    expect(ids(selectRows(rows, state({ sortKey: 'multiple', sortDir: 'desc' }), real))[0]).toBe('cheap');
  });

  it('keeps the input order on ties in both directions (bitcoin and wrapped bitcoin share a price)', () => {
    const desc = ids(selectRows(rows, state({ sortKey: 'price', sortDir: 'desc' })));
    const asc = ids(selectRows(rows, state({ sortKey: 'price', sortDir: 'asc' })));
    expect(desc.slice(0, 2)).toEqual(['bitcoin', 'wrapped-bitcoin']);
    expect(asc.slice(-2)).toEqual(['bitcoin', 'wrapped-bitcoin']);
  });

  it('does not change its input', () => {
    const before = ids(rows);
    selectRows(rows, state({ sortKey: 'price', sortDir: 'asc', search: 'a' }));
    expect(ids(rows)).toEqual(before);
  });
});

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const RATINGS = ['Strong Buy', 'Buy', 'Neutral', 'Sell', 'Strong Sell'] as const;
const rowArb: fc.Arbitrary<TokenRow> = fc
  .record({
    name: fc.string({ minLength: 1, maxLength: 8 }),
    symbol: fc.string({ minLength: 1, maxLength: 5 }),
    rank: maybe(fc.integer({ min: 1, max: 50 })),
    price: fc.constantFrom(0.001, 1, 2, 50),
    marketCap: maybe(fc.constantFrom(1e6, 1e9, 5e9)),
    h24: maybe(fc.integer({ min: -5, max: 5 })),
    d30: maybe(fc.integer({ min: -5, max: 5 })),
    category: fc.constantFrom('a', 'b', 'c'),
    tmGrade: maybe(fc.integer({ min: 0, max: 100 })),
    rating: maybe(fc.constantFrom(...RATINGS)),
    traderGrade: maybe(fc.integer({ min: 0, max: 100 })),
    signal: fc.constantFrom(1 as const, -1 as const, null),
  })
  .map((r) => ({
    token: token('x', {
      name: r.name,
      symbol: r.symbol,
      rank: r.rank,
      price: r.price,
      marketCap: r.marketCap,
      change: { h24: r.h24, d7: null, d30: r.d30, d90: null, y1: null },
      categories: [r.category],
    }),
    tmGrade: r.tmGrade,
    rating: r.rating,
    traderGrade: r.traderGrade,
    signal: r.signal,
    haystack: `${r.name}\u0000${r.symbol}`.toLowerCase(),
  }));
const stateArb: fc.Arbitrary<BrowserState & { sortKey: TokenKey }> = fc.record({
  search: fc.oneof(fc.constant(''), fc.string({ maxLength: 2 })),
  sortKey: fc.constantFrom(...SORT_KEYS),
  sortDir: fc.constantFrom('asc' as const, 'desc' as const),
  rating: fc.constantFrom<RatingFilter>('Any', ...RATINGS),
  signal: fc.constantFrom<SignalFilter>('Any', 'Bullish', 'Bearish'),
  category: fc.constantFrom('', 'a', 'b'),
});

describe('properties', () => {
  it('filtering never adds rows, and what it keeps is sorted', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 30 }), stateArb, (input, st) => {
        const out = selectRows(input, st);
        expect(out.length).toBeLessThanOrEqual(input.length);
        expect(new Set(out).size).toBe(out.length);
        for (const r of out) expect(input).toContain(r);
        // Keeping a row depends on the row alone: filtering the kept rows again keeps them all.
        expect(selectRows(out, st)).toHaveLength(out.length);
        expectSorted(input, out, st.sortKey, st.sortDir);
      }),
      { numRuns: 300 },
    );
  });

  it('with no search and no filter, sorting is a permutation', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { maxLength: 30 }),
        fc.constantFrom(...SORT_KEYS),
        fc.constantFrom('asc' as const, 'desc' as const),
        (input, sortKey, sortDir) => {
          const out = selectRows(input, state({ sortKey, sortDir }));
          expect(out).toHaveLength(input.length);
          expect(new Set(out)).toEqual(new Set(input));
        },
      ),
      { numRuns: 300 },
    );
  });
});
