import { create } from 'zustand';

/** Columns the token browser sorts by. */
export type SortKey =
  | 'rank'
  | 'name'
  | 'symbol'
  | 'price'
  | 'marketCap'
  | 'h24'
  | 'd30'
  | 'tmGrade'
  | 'traderGrade'
  | 'signal'
  /** The screener's columns (values from the scenario bar). */
  | 'scenarioPrice'
  | 'multiple'
  | 'needs'
  /** Watched tokens first. */
  | 'watched';
export type SortDir = 'asc' | 'desc';
export type RatingFilter = 'Any' | 'Strong Buy' | 'Buy' | 'Neutral' | 'Sell' | 'Strong Sell';
export type SignalFilter = 'Any' | 'Bullish' | 'Bearish';

export interface BrowserState {
  readonly search: string;
  readonly sortKey: SortKey;
  readonly sortDir: SortDir;
  readonly rating: RatingFilter;
  readonly signal: SignalFilter;
  /** '' = any category. */
  readonly category: string;
}

interface BrowserActions {
  setSearch(search: string): void;
  /** Sorting by the current column flips the direction; a new column starts in its natural direction. */
  sortBy(key: SortKey): void;
  setRating(rating: RatingFilter): void;
  setSignal(signal: SignalFilter): void;
  setCategory(category: string): void;
  resetFilters(): void;
}

/** Columns where bigger comes first when first clicked. */
const DESC_FIRST: ReadonlySet<SortKey> = new Set(['price', 'marketCap', 'h24', 'd30', 'tmGrade', 'traderGrade', 'signal', 'scenarioPrice', 'multiple', 'watched']);

export const INITIAL_BROWSER: BrowserState = { search: '', sortKey: 'rank', sortDir: 'asc', rating: 'Any', signal: 'Any', category: '' };

/** The token browser's UI state: kept while the user visits a token and comes back. */
export const useBrowserStore = create<BrowserState & BrowserActions>()((set) => ({
  ...INITIAL_BROWSER,
  setSearch: (search) => set({ search: search.slice(0, 100) }),
  sortBy: (key) =>
    set((s) =>
      s.sortKey === key ? { sortDir: s.sortDir === 'asc' ? 'desc' : 'asc' } : { sortKey: key, sortDir: DESC_FIRST.has(key) ? 'desc' : 'asc' },
    ),
  setRating: (rating) => set({ rating }),
  setSignal: (signal) => set({ signal }),
  setCategory: (category) => set({ category }),
  resetFilters: () => set({ search: '', rating: 'Any', signal: 'Any', category: '' }),
}));
