/**
 * Reads a published scenario table (tiers x bear/base/moon prices) as people paste it: from a
 * spreadsheet, a markdown table, or the prose of an analysis. Each line's numbers and words are read by
 * `paste-line.ts`; this file reads the lines as a table (headers, rows, a tier whose prices follow).
 */
import { LABEL, lineTokens, WORD, type CaseName, type LineTokens, type Value } from './paste-line.ts';

/** What `parsePublishedTable` gives: the table, tiers ascending, or the first line it could not read. */
export type PastedTable =
  | {
      readonly ok: true;
      /** Total market sizes, USD, ascending and unique. */
      readonly tiers: number[];
      /** Prices in USD, one per tier; `null` where the table publishes none. */
      readonly bear: (number | null)[];
      readonly base: (number | null)[];
      readonly moon: (number | null)[];
      /** Lines read in a way worth telling (skipped prices, a column order learnt from a header). */
      readonly warnings: string[];
    }
  | { readonly ok: false; readonly error: string; /** 1-based; 0 when the problem is the whole text. */ readonly line: number };

type Failure = Extract<PastedTable, { ok: false }>;

/** The most rows and characters a paste may hold. */
export const PASTE_LIMITS = Object.freeze({ rows: 24, chars: 10_000 });

const DEFAULT_COLUMNS: readonly CaseName[] = ['bear', 'base', 'moon'];

/** More case names a header may use (too common in prose to label prices there). */
const HEADER_LABEL: Readonly<Record<string, CaseName>> = {
  ...LABEL,
  low: 'bear',
  pessimistic: 'bear',
  mid: 'base',
  middle: 'base',
  neutral: 'base',
  high: 'moon',
  optimistic: 'moon',
};
const HEADER_WORDS = new Set(
  'tier tiers market cap caps mcap mc capitalization capitalisation size total crypto case cases scenario scenarios price prices usd at the and of in prediction predictions level t trillion token value'.split(
    ' ',
  ),
);

const TIER_WORDS = new Set(['tier', 'tiers', 'market', 'cap', 'mcap', 'mc', 'size']);

const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/;
const LIST_MARKER = /^\s*(?:[-*•+]|\d{1,2}[.)])\s+/;

interface Row {
  readonly tier: number;
  readonly cells: Readonly<Record<CaseName, number | null>>;
}

interface State {
  columns: readonly CaseName[];
  /** The line of the header that set `columns`, 0 for the default order. */
  columnsLine: number;
  pending: { readonly tier: number; readonly text: string; readonly line: number } | null;
  readonly rows: Row[];
  readonly seen: Map<number, number>;
  readonly warnings: string[];
}

const fail = (line: number, error: string): Failure => ({ ok: false, error: line > 0 ? `Line ${line}: ${error}` : error, line });

const countWord = (n: number): string => ['no', 'one', 'two', 'three'][n] ?? String(n);

/** The case order a header line names ("Tier | Moon | Base | Bear"), or null when the line is not a header. */
function headerColumns(line: string): CaseName[] | 'duplicate' | null {
  if (/\d/.test(line)) return null;
  const words = (line.match(WORD) ?? []).map((w) => w.toLowerCase());
  const columns = words.flatMap((w) => (HEADER_LABEL[w] === undefined ? [] : [HEADER_LABEL[w]]));
  const other = words.filter((w) => HEADER_LABEL[w] === undefined && !HEADER_WORDS.has(w)).length;
  if (columns.length === 0 || other > 2 || words.length > 12) return null;
  // One case alone ("Bear case") is a header only beside a column name ("Tier | Moon").
  if (columns.length === 1 && !words.some((w) => TIER_WORDS.has(w))) return null;
  return new Set(columns).size === columns.length ? columns : 'duplicate';
}

/**
 * Prices labelled by the case words beside them ("$1.53 (bear), $1.86 (base)" or "bear: $1.53, base: $1.86"):
 * each price takes the first case word after it (or the last before it); used only when every price gets a
 * different case, else null and the columns decide.
 */
function labelled(prices: Value[], labels: LineTokens['labels'], lineLength: number): Record<CaseName, number | null> | null {
  if (labels.length === 0 || prices.length === 0 || prices.length > 3) return null;
  const attempt = (pick: (i: number) => CaseName | undefined): Record<CaseName, number | null> | null => {
    const cells: Record<CaseName, number | null> = { bear: null, base: null, moon: null };
    for (const [i, p] of prices.entries()) {
      const c = pick(i);
      if (c === undefined || cells[c] !== null) return null;
      cells[c] = p.price;
    }
    return cells;
  };
  const after = (i: number): CaseName | undefined => {
    const from = prices[i]?.end ?? 0;
    const to = prices[i + 1]?.start ?? lineLength;
    return labels.find((l) => l.start >= from && l.start < to)?.c;
  };
  const before = (i: number): CaseName | undefined => {
    const from = prices[i - 1]?.end ?? 0;
    const to = prices[i]?.start ?? 0;
    return labels.findLast((l) => l.start >= from && l.start < to)?.c;
  };
  return attempt(after) ?? attempt(before);
}

/** The row's cells from the line's values, by case words or else by the columns; a string on error. */
function cellsOf(state: State, t: LineTokens, lineLength: number): Record<CaseName, number | null> | string {
  const prices = t.values.filter((v) => v.price !== null);
  const byLabel = labelled(prices, t.labels, lineLength);
  if (byLabel !== null) return byLabel;
  const n = state.columns.length;
  // All prices present: stray dashes ("8T Market Cap - $0.94 ...") are punctuation, not cells.
  const used = prices.length === n ? prices : t.values;
  if (used.length !== n) {
    const header = state.columnsLine > 0 ? `, as the header on line ${state.columnsLine} says` : '';
    return prices.length > n
      ? `found ${prices.length} prices; expected ${countWord(n)} (${state.columns.join(', ')}${header})`
      : `expected a market size such as 16T, then ${countWord(n)} prices (write - for one not published${header})`;
  }
  const cells: Record<CaseName, number | null> = { bear: null, base: null, moon: null };
  state.columns.forEach((c, i) => {
    cells[c] = used[i]?.price ?? null;
  });
  return cells;
}

function addRow(state: State, tier: number, text: string, line: number, cells: Record<CaseName, number | null>): Failure | null {
  const first = state.seen.get(tier);
  if (first !== undefined) return fail(line, `${text} appears twice (also on line ${first}); each tier takes one line`);
  if (state.rows.length >= PASTE_LIMITS.rows) return fail(line, `a table holds at most ${PASTE_LIMITS.rows} tiers`);
  state.seen.set(tier, line);
  state.rows.push({ tier, cells });
  if (Object.values(cells).every((p) => p === null)) state.warnings.push(`Line ${line}: ${text} has no published price`);
  return null;
}

const noPrices = (p: NonNullable<State['pending']>): Failure => fail(p.line, `found no prices for ${p.text} (expected them on that line or the next)`);

/** Reads one line into the state: a header, a row, a tier waiting for its prices, or nothing. */
function readLine(state: State, raw: string, line: number): Failure | null {
  const text = raw.replace(/[\u00a0\u2007\u2009\u200a\u202f]/g, ' ').replace(LIST_MARKER, '');
  if (text.trim() === '') return null;
  const columns = headerColumns(text);
  if (columns === 'duplicate') return fail(line, 'the header names a case twice');
  if (columns !== null) {
    state.columns = columns;
    state.columnsLine = line;
    if (columns.join() !== DEFAULT_COLUMNS.join()) state.warnings.push(`Line ${line}: columns read as ${columns.join(', ')}`);
    return null;
  }
  const t = lineTokens(text);
  if (typeof t === 'string') return fail(line, t);
  const prices = t.values.filter((v) => v.price !== null).length;
  const { pending } = state;
  if (t.tier === null) {
    if (prices === 0) return null;
    if (pending !== null) {
      state.pending = null;
      const cells = cellsOf(state, t, text.length);
      return typeof cells === 'string' ? fail(line, cells) : addRow(state, pending.tier, pending.text, pending.line, cells);
    }
    if (/^\s*[$\d.]/.test(text)) return fail(line, `expected a market size such as 16T, then ${countWord(state.columns.length)} prices`);
    state.warnings.push(`Line ${line}: skipped prices without a market size`);
    return null;
  }
  if (pending !== null) {
    if (pending.tier !== t.tier.value) return noPrices(pending);
    if (prices === 0) return null; // the same tier again in prose ("The 8T tier ..."): still waiting
    state.pending = null;
  }
  if (prices === 0 && t.values.length !== state.columns.length) {
    // A heading ("8T Market Cap - ADA Price Prediction:"): the prices follow on the next line.
    state.pending = { tier: t.tier.value, text: t.tier.text, line };
    return null;
  }
  const cells = cellsOf(state, t, text.length);
  return typeof cells === 'string' ? fail(line, cells) : addRow(state, t.tier.value, t.tier.text, line, cells);
}

/** Whether a piece of a line is a row of its own: it names a market size (or cannot be read, so its error is told). */
function namesTier(part: string): boolean {
  const t = lineTokens(part);
  return typeof t === 'string' || t.tier !== null;
}

/**
 * A line holding several rows separated by `;` ("8T: 0.94 / 1.05 / 1.16; 16T: 1.53 / 1.86 / 2.20") as
 * its rows; any other line (a `;` between the prices of one tier, say) as itself.
 */
function rowsOfLine(line: string): string[] {
  if (!line.includes(';')) return [line];
  const parts = line.split(';');
  return parts.filter(namesTier).length >= 2 ? parts : [line];
}

/**
 * Reads a published table pasted by a person. One tier per line (or several on one line, separated by `;`:
 * `8T: 0.94 / 1.05 / 1.16; 16T: 1.53 / 1.86 / 2.20`): a market size (`8T`, `$8T`,
 * `8 trillion`, `500B`, `8,000B`) and three prices (`$1,234.56`, `0.94`, `2.5e-7`), separated by spaces,
 * tabs, `|`, `/`, `,` or words (`16T Market Cap: $1.53 | $1.86 | $2.20`). Also read:
 * - a header (`Tier Bear Base Moon`, `Market cap | Moon | Base | Bear`): skipped, and its case order
 *   (bull/high = moon, low = bear, mid = base) used for the rows after it; a header may name fewer cases;
 * - `-`, `–`, `—`, `n/a`, `null`, `none` for a price not published;
 * - prose: a heading line with the tier (`8T Market Cap - ADA Price Prediction:`) and the prices on the
 *   next line, and prices labelled by case words (`$1.53 (bear), $1.86 (base)`, `bear: $1.53`);
 *   shares and multiples (`+137%`, `3.2x`), blank lines and lines without numbers are ignored.
 * A comma before exactly three digits is a thousands separator (`1,234`), so write `1.2, 345` with a space.
 * Rows come back sorted by tier. Never throws: anything else is `{ ok: false, error, line }` naming the
 * 1-based line (0 for the whole text): a line that is not a tier with its prices, a duplicate tier, a
 * negative or zero price, more than 24 rows or 10,000 characters, or no row at all.
 */
export function parsePublishedTable(text: string): PastedTable {
  if (typeof text !== 'string') return fail(0, 'Paste the table as text');
  if (text.length > PASTE_LIMITS.chars) {
    return fail(0, `The text is ${text.length.toLocaleString('en-US')} characters long; paste at most 10,000 (the table alone)`);
  }
  const state: State = { columns: DEFAULT_COLUMNS, columnsLine: 0, pending: null, rows: [], seen: new Map(), warnings: [] };
  const lines = text.split(LINE_BREAK);
  for (const [i, raw] of lines.entries()) {
    for (const part of rowsOfLine(raw)) {
      const failure = readLine(state, part, i + 1);
      if (failure !== null) return failure;
    }
  }
  if (state.pending !== null) return noPrices(state.pending);
  if (state.rows.length === 0) {
    return fail(0, 'No table found: paste one line per market size, such as "16T 1.53 1.86 2.20"');
  }
  const rows = [...state.rows].sort((a, b) => a.tier - b.tier);
  return {
    ok: true,
    tiers: rows.map((r) => r.tier),
    bear: rows.map((r) => r.cells.bear),
    base: rows.map((r) => r.cells.base),
    moon: rows.map((r) => r.cells.moon),
    warnings: state.warnings,
  };
}
