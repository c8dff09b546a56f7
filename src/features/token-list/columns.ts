import type { SortKey } from '../../state/browser-store.ts';
import type { Term } from '../../ui/glossary.ts';

/** One column of the token table: its sort key, header, width in px and the explanation of its term. */
export interface Column {
  readonly key: SortKey;
  readonly label: string;
  readonly width: number;
  readonly left?: boolean;
  readonly help?: Term;
  /** Its width on a phone, for the columns a phone shows first (they fit 390 px together). */
  readonly narrowWidth?: number;
}

/**
 * Columns and their widths in px: the table lays out with `table-layout: fixed` (its rows change as the
 * user types; fixed widths keep that layout cheap and the columns still). See `.token-table` in token-list.css.
 */
export const COLUMNS: readonly Column[] = [
  { key: 'rank', label: 'Rank', width: 68 },
  { key: 'name', label: 'Name', width: 184, left: true, narrowWidth: 92 },
  { key: 'symbol', label: 'Symbol', width: 84, left: true },
  { key: 'price', label: 'Price', width: 112, narrowWidth: 82 },
  { key: 'marketCap', label: 'Market cap', width: 108 },
  { key: 'scenarioPrice', label: 'Scenario price', width: 156, help: 'scenarioPrice', narrowWidth: 92 },
  { key: 'capture', label: 'Capture', width: 176, left: true, help: 'capture' },
  { key: 'multiple', label: 'Multiple', width: 112, help: 'multiple', narrowWidth: 62 },
  { key: 'needs', label: 'Needs', width: 128, help: 'needs' },
  { key: 'h24', label: '24h', width: 100 },
  { key: 'd30', label: '30d', width: 104 },
  { key: 'tmGrade', label: 'TM Grade', width: 164, help: 'tmGrade' },
  { key: 'traderGrade', label: 'Trader Grade', width: 148, help: 'traderGrade' },
  { key: 'signal', label: 'Signal', width: 108, help: 'signal' },
];

/** The watch star's column, always shown (narrower on a phone). */
export function starWidth(narrow: boolean): number {
  return narrow ? 28 : 44;
}

/** A column's width in px on this screen. */
export function columnWidth(c: Column, narrow: boolean): number {
  return narrow ? (c.narrowWidth ?? c.width) : c.width;
}

/** What a phone shows first (the question's answer); the rest is one "Columns" choice away. */
const NARROW_COLUMNS: ReadonlySet<SortKey> = new Set(['name', 'price', 'scenarioPrice', 'multiple']);

/** The columns that can be hidden: every one but the name (each row's link). */
export const OPTIONAL_COLUMNS: readonly Column[] = COLUMNS.filter((c) => c.key !== 'name');

/** A screen this narrow starts with the phone's columns. */
const NARROW_QUERY = '(max-width: 600px)';

/** Whether this screen is a phone's (false where there is no `matchMedia`, as in tests). */
export function isNarrowScreen(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(NARROW_QUERY).matches;
}

/** The columns hidden at first: none on a wide screen, all but the phone's on a narrow one. */
export function initialHidden(narrow: boolean): ReadonlySet<SortKey> {
  return new Set(narrow ? OPTIONAL_COLUMNS.filter((c) => !NARROW_COLUMNS.has(c.key)).map((c) => c.key) : []);
}

/** The table's width in px: the star and every shown column. */
export function tableWidth(hidden: ReadonlySet<SortKey>, narrow: boolean): number {
  let width = starWidth(narrow);
  for (const c of COLUMNS) if (!hidden.has(c.key)) width += columnWidth(c, narrow);
  return width;
}

/** The table's class: one `hide-<key>` per hidden column (token-list.css hides those cells). */
export function tableClass(hidden: ReadonlySet<SortKey>, narrow: boolean): string {
  return ['token-table', ...(narrow ? ['narrow'] : []), ...[...hidden].map((k) => `hide-${k}`)].join(' ');
}
