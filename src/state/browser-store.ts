import { create } from 'zustand';

export type SortDir = 'asc' | 'desc';

/** Columns the token browser sorts by, each with the direction a first click sorts it in: bigger first for values. */
const FIRST_DIR = {
  rank: 'asc',
  name: 'asc',
  symbol: 'asc',
  price: 'desc',
  marketCap: 'desc',
  h24: 'desc',
  d30: 'desc',
  tmGrade: 'desc',
  traderGrade: 'desc',
  signal: 'desc',
  // The screener's columns (values from the scenario bar).
  scenarioPrice: 'desc',
  capture: 'desc',
  multiple: 'desc',
  needs: 'asc',
  // Watched tokens first.
  watched: 'desc',
} as const satisfies Record<string, SortDir>;
export type SortKey = keyof typeof FIRST_DIR;
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

const SORT_KEYS: readonly SortKey[] = Object.keys(FIRST_DIR).filter((k): k is SortKey => Object.hasOwn(FIRST_DIR, k));
export const RATING_VALUES: readonly RatingFilter[] = ['Any', 'Strong Buy', 'Buy', 'Neutral', 'Sell', 'Strong Sell'];
export const SIGNAL_VALUES: readonly SignalFilter[] = ['Any', 'Bullish', 'Bearish'];
/** The URL keys of `/` that carry the browser's search, filters and order. */
const BROWSER_KEYS = ['q', 'rating', 'signal', 'cat', 'sort'] as const;

const oneOf = <T extends string>(values: readonly T[], text: string | null): T | undefined =>
  text === null ? undefined : values.find((v) => v.toLowerCase() === text.trim().toLowerCase());

/**
 * The search, filters and order a link to `/` carries: `q` (search, at most 100 characters), `rating`
 * ("Buy", "Strong Buy", case-insensitive), `signal`, `cat` (a category), `sort` ("multiple-desc",
 * "name", a key alone takes its natural direction). A value that is not one of these is ignored.
 * Null when the link carries none of these keys (the store then keeps what it has).
 */
export function parseBrowserSearch(search: string): Partial<BrowserState> | null {
  const q = new URLSearchParams(search);
  if (!BROWSER_KEYS.some((k) => q.has(k))) return null;
  const out: { -readonly [K in keyof BrowserState]?: BrowserState[K] } = {};
  const text = q.get('q');
  if (text !== null) out.search = text.slice(0, 100);
  const rating = oneOf(RATING_VALUES, q.get('rating'));
  if (rating) out.rating = rating;
  const signal = oneOf(SIGNAL_VALUES, q.get('signal'));
  if (signal) out.signal = signal;
  const cat = q.get('cat');
  if (cat !== null) out.category = cat.slice(0, 80);
  const sort = q.get('sort');
  const match = sort === null ? null : /^([a-z0-9]+)(?:-(asc|desc))?$/i.exec(sort.trim());
  const key = match ? oneOf(SORT_KEYS, match[1] ?? null) : undefined;
  if (key) {
    out.sortKey = key;
    const dir = match?.[2]?.toLowerCase();
    out.sortDir = dir === 'asc' || dir === 'desc' ? dir : FIRST_DIR[key];
  }
  return out;
}

/** Writes the browser state into `q` (a link's query), leaving defaults out and other keys alone. */
export function writeBrowserSearch(q: URLSearchParams, s: BrowserState): void {
  for (const key of BROWSER_KEYS) q.delete(key);
  if (s.search.trim() !== '') q.set('q', s.search);
  if (s.rating !== INITIAL_BROWSER.rating) q.set('rating', s.rating);
  if (s.signal !== INITIAL_BROWSER.signal) q.set('signal', s.signal);
  if (s.category !== '') q.set('cat', s.category);
  if (s.sortKey !== INITIAL_BROWSER.sortKey || s.sortDir !== INITIAL_BROWSER.sortDir) q.set('sort', `${s.sortKey}-${s.sortDir}`);
}

interface BrowserActions {
  setSearch(search: string): void;
  /** Sorting by the current column flips the direction; a new column starts in its natural direction. */
  sortBy(key: SortKey): void;
  setRating(rating: RatingFilter): void;
  setSignal(signal: SignalFilter): void;
  setCategory(category: string): void;
  resetFilters(): void;
  /** Takes the search, filters and order of a link to `/` (`parseBrowserSearch`); a link without them changes nothing. */
  loadFromSearch(search: string): void;
}

export const INITIAL_BROWSER: BrowserState = { search: '', sortKey: 'rank', sortDir: 'asc', rating: 'Any', signal: 'Any', category: '' };

/** The token browser's UI state: kept while the user visits a token and comes back. */
export const useBrowserStore = create<BrowserState & BrowserActions>()((set) => ({
  ...INITIAL_BROWSER,
  setSearch: (search) => set({ search: search.slice(0, 100) }),
  sortBy: (key) => set((s) => (s.sortKey === key ? { sortDir: s.sortDir === 'asc' ? 'desc' : 'asc' } : { sortKey: key, sortDir: FIRST_DIR[key] })),
  setRating: (rating) => set({ rating }),
  setSignal: (signal) => set({ signal }),
  setCategory: (category) => set({ category }),
  resetFilters: () => set({ search: '', rating: 'Any', signal: 'Any', category: '' }),
  loadFromSearch: (search) => {
    const parsed = parseBrowserSearch(search);
    if (parsed) set({ ...INITIAL_BROWSER, ...parsed });
  },
}));
