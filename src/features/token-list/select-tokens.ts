import type { Grades, Token } from '../../data/types.ts';
import type { BrowserState, SortKey } from '../../state/browser-store.ts';

/** A token with the grades the browser shows, flattened for sorting. */
export interface TokenRow {
  readonly token: Token;
  readonly tmGrade: number | null;
  readonly rating: string | null;
  readonly traderGrade: number | null;
  /** +1 bullish, -1 bearish, null unknown. */
  readonly signal: 1 | -1 | null;
  /** Lower-cased name and symbol, for search. */
  readonly haystack: string;
}

/** Flattens tokens and their grades once per dataset (not per keystroke). */
export function tokenRows(tokens: readonly Token[], grades: Readonly<Record<string, Grades>>): TokenRow[] {
  return tokens.map((token) => {
    const g = grades[token.id];
    return {
      token,
      tmGrade: g?.tmGrade?.value ?? null,
      rating: g?.tmGrade?.rating ?? null,
      traderGrade: g?.traderGrade?.value ?? null,
      signal: g?.signal ? (g.signal.trend === 'bullish' ? 1 : -1) : null,
      haystack: `${token.name}\u0000${token.symbol}`.toLowerCase(),
    };
  });
}

/** The screener's columns that sort. */
export type ScreenKey = 'scenarioPrice' | 'capture' | 'multiple' | 'needs';

/** The screener's values per token (by id), for sorting and the "multiple at least" filter. */
export interface ScreenLookup {
  value(id: string, key: ScreenKey): number | null;
  /** Only tokens at or above this multiple (0: no filter). */
  readonly minMultiple: number;
  /** Only these ids (the watchlist), or null for all. */
  readonly only: ReadonlySet<string> | null;
  /** The watchlist, for sorting watched tokens first. */
  readonly watched?: ReadonlySet<string>;
}

function sortValue(row: TokenRow, key: SortKey, screen: ScreenLookup | undefined): number | string | null {
  switch (key) {
    case 'scenarioPrice':
    case 'capture':
    case 'multiple':
    case 'needs':
      return screen ? screen.value(row.token.id, key) : null;
    case 'watched':
      return screen?.watched?.has(row.token.id) ? 1 : 0;
    case 'rank':
      return row.token.rank;
    case 'name':
      return row.token.name.toLowerCase();
    case 'symbol':
      return row.token.symbol.toLowerCase();
    case 'price':
      return row.token.price;
    case 'marketCap':
      return row.token.marketCap;
    case 'h24':
      return row.token.change.h24;
    case 'd30':
      return row.token.change.d30;
    case 'tmGrade':
      return row.tmGrade;
    case 'traderGrade':
      return row.traderGrade;
    case 'signal':
    default:
      return row.signal;
  }
}

/**
 * The rows that match the search (name or symbol, case-insensitive) and filters, sorted.
 * Unknown values sort last in either direction, so "not available" never hides the real ones.
 */
export function selectRows(rows: readonly TokenRow[], state: BrowserState, screen?: ScreenLookup): TokenRow[] {
  return filterRows(orderRows(rows, state, screen), state, screen);
}

/** Does `row` match the search and filters of `state` (and the screener's, with `screen`)? */
function matches(row: TokenRow, state: BrowserState, needle: string, screen: ScreenLookup | undefined): boolean {
  return (
    (needle === '' || row.haystack.includes(needle)) &&
    (state.rating === 'Any' || row.rating === state.rating) &&
    (state.signal === 'Any' || row.signal === (state.signal === 'Bullish' ? 1 : -1)) &&
    (state.category === '' || row.token.categories.includes(state.category)) &&
    (!screen?.only || screen.only.has(row.token.id)) &&
    (!screen || screen.minMultiple <= 0 || (screen.value(row.token.id, 'multiple') ?? 0) >= screen.minMultiple)
  );
}

/**
 * The rows that match, in the order given: with `orderRows` first, the same as `selectRows`, and a new
 * search or filter then costs one pass, not a sort (the sort is stable, so filtering after it keeps
 * what filtering before it would give).
 */
export function filterRows(ordered: readonly TokenRow[], state: BrowserState, screen?: ScreenLookup): TokenRow[] {
  const needle = state.search.trim().toLowerCase();
  return ordered.filter((row) => matches(row, state, needle, screen));
}

/** Every row, sorted by `state.sortKey` / `sortDir` (stable: ties keep their order). */
export function orderRows(rows: readonly TokenRow[], state: Pick<BrowserState, 'sortKey' | 'sortDir'>, screen?: ScreenLookup): TokenRow[] {
  const dir = state.sortDir === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: sortValue(row, state.sortKey, screen) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) return a.value === b.value ? a.index - b.index : a.value === null ? 1 : -1;
      const cmp =
        typeof a.value === 'string' && typeof b.value === 'string' ? a.value.localeCompare(b.value) : compareNumbers(Number(a.value), Number(b.value));
      return cmp * dir || a.index - b.index;
    })
    .map((x) => x.row);
}

/**
 * Numbers that differ only by floating-point noise (1 part in 1e9) are a tie, kept in rank order: with
 * shared captures every token's multiple is the same number up to rounding, and sorting by it must not
 * shuffle the list by that rounding.
 */
function compareNumbers(a: number, b: number): number {
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)) ? 0 : a - b;
}

/** Whether the order of `sortKey` depends on the screener's values (its three columns). */
export function sortsByScreen(sortKey: SortKey): boolean {
  return sortKey === 'scenarioPrice' || sortKey === 'capture' || sortKey === 'multiple' || sortKey === 'needs';
}

/** Every category of the loaded tokens, by how many tokens carry it (most first). */
export function categoriesOf(tokens: readonly Token[]): string[] {
  const counts = new Map<string, number>();
  for (const t of tokens) for (const c of t.categories) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c]) => c);
}
