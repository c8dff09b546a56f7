/**
 * Reads pasted holdings or an exchange's CSV export into (token text, amount) entries: `symbol,amount`,
 * `name amount` or `amount symbol` lines, or a CSV whose header names a symbol/asset column and an
 * amount/balance column in any order. Which token a text means is the caller's question (it needs the
 * token list). Pure: never throws.
 */
import { parseAmount } from './amount.ts';
import { parseCsv } from './csv.ts';

/** At most this many lines are read from one paste or file. */
export const HOLDINGS_PASTE_LIMITS = Object.freeze({ lines: 500, chars: 200_000 });

export interface PastedHolding {
  /** What names the token (a symbol, name or id), as written. */
  readonly text: string;
  readonly amount: number;
  /** 1-based line numbers it came from (a token on several lines is summed: exchanges list one per wallet). */
  readonly lines: readonly number[];
}

export interface PastedLineError {
  readonly line: number;
  readonly message: string;
}

export interface PastedHoldings {
  readonly holdings: readonly PastedHolding[];
  readonly errors: readonly PastedLineError[];
  /** How the text was read: a CSV with a header (naming the columns used), or one holding per line. */
  readonly shape: string;
}

const SYMBOL_HEADERS = ['symbol', 'asset', 'coin', 'currency', 'ticker', 'token', 'name'];
const AMOUNT_HEADERS = ['amount', 'balance', 'quantity', 'qty', 'total', 'holdings', 'holding', 'free', 'available'];

const headerKey = (cell: string): string =>
  cell
    .trim()
    .toLowerCase()
    .replace(/^'/, '')
    .replace(/[^a-z]/g, '');

/** The header's symbol and amount columns: an exact name first, then a name that starts with one ("Total Balance" -> balance). */
function findColumn(header: readonly string[], names: readonly string[]): number {
  const keys = header.map(headerKey);
  for (const name of names) {
    const exact = keys.indexOf(name);
    if (exact >= 0) return exact;
  }
  for (const name of names) {
    const loose = keys.findIndex((k) => k.includes(name));
    if (loose >= 0) return loose;
  }
  return -1;
}

function clip(text: string): string {
  const clean = text.replace(/[\p{Cc}\p{Cf}]/gu, ' ').trim();
  return clean.length > 40 ? `${clean.slice(0, 39)}…` : clean;
}

/** One free-form line: the token text and the amount text, or null when it cannot be split. */
function splitLine(line: string): { text: string; amount: string } | null {
  const strong = /[\t;]/.exec(line);
  if (strong) return swapIfAmountFirst(line.slice(0, strong.index), line.slice(strong.index + 1));
  // "Cardano 1,500": a last word that reads as an amount wins over a comma inside it.
  const spaced = /^(.*\S)\s+(\S+)$/.exec(line.trim());
  const [, left = '', right = ''] = spaced ?? [];
  if (spaced && !left.endsWith(',') && parseAmount(right).ok) return { text: left.trim(), amount: right };
  const comma = line.indexOf(',');
  if (comma >= 0) return swapIfAmountFirst(line.slice(0, comma), line.slice(comma + 1));
  return spaced ? swapIfAmountFirst(left, right) : null;
}

const unquote = (s: string): string =>
  s
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .trim();

/** "1.5 BTC" as well as "BTC 1.5": the side that reads as an amount is the amount. */
function swapIfAmountFirst(left: string, right: string): { text: string; amount: string } {
  const l = unquote(left);
  const r = unquote(right);
  if (!parseAmount(r).ok && parseAmount(l).ok) return { text: r, amount: l };
  return { text: l, amount: r };
}

/**
 * Reads pasted text or a CSV file's contents.
 * - A first row naming a symbol column (symbol, asset, coin, currency, ticker, token, name) and an amount column
 *   (amount, balance, quantity, total, free, ...) makes it a CSV read by those columns; other columns are ignored.
 * - Otherwise each non-empty line is one holding: `BTC,0.5`, `BTC 0.5`, `Cardano 1,500`, `0.5 BTC`, `ETH;2`.
 * - The same token text on several lines (case-insensitive) is summed. A line whose amount cannot be read
 *   (negative, not a number) is listed in `errors` with its number, and skipped.
 */
export function parseHoldingsPaste(input: string): PastedHoldings {
  const errors: PastedLineError[] = [];
  const text = input.length > HOLDINGS_PASTE_LIMITS.chars ? input.slice(0, HOLDINGS_PASTE_LIMITS.chars) : input;
  const rows = parseCsv(text);
  const header = rows[0] ?? [];
  const symbolCol = header.length > 1 ? findColumn(header, SYMBOL_HEADERS) : -1;
  const amountCol = header.length > 1 ? findColumn(header, AMOUNT_HEADERS) : -1;
  const isCsv = symbolCol >= 0 && amountCol >= 0 && symbolCol !== amountCol && !parseAmount(header[amountCol] ?? '').ok;
  const entries: Array<{ text: string; amount: string; line: number }> = [];
  if (isCsv) {
    rows.slice(1, HOLDINGS_PASTE_LIMITS.lines + 1).forEach((row, i) => {
      if (row.every((cell) => cell.trim() === '')) return;
      entries.push({ text: (row[symbolCol] ?? '').trim(), amount: row[amountCol] ?? '', line: i + 2 });
    });
  } else {
    text
      .split(/\r\n|\r|\n/)
      .slice(0, HOLDINGS_PASTE_LIMITS.lines)
      .forEach((raw, i) => {
        if (raw.trim() === '') return;
        const parts = splitLine(raw);
        if (!parts) errors.push({ line: i + 1, message: `Line ${i + 1} ("${clip(raw)}") needs a token and an amount, such as "ADA, 1500".` });
        else entries.push({ ...parts, line: i + 1 });
      });
  }
  const byKey = new Map<string, { text: string; amount: number; lines: number[] }>();
  for (const entry of entries) {
    if (entry.text === '') {
      errors.push({ line: entry.line, message: `Line ${entry.line} names no token.` });
      continue;
    }
    const amount = parseAmount(entry.amount);
    if (!amount.ok) {
      errors.push({ line: entry.line, message: `Line ${entry.line} (${clip(entry.text)}): ${amount.error}` });
      continue;
    }
    const key = entry.text.toLowerCase();
    const seen = byKey.get(key);
    if (seen) {
      seen.amount += amount.value;
      seen.lines.push(entry.line);
    } else byKey.set(key, { text: clip(entry.text), amount: amount.value, lines: [entry.line] });
  }
  const shape = isCsv ? `a CSV file: token from "${clip(header[symbolCol] ?? '')}", amount from "${clip(header[amountCol] ?? '')}"` : 'one holding per line';
  return { holdings: [...byKey.values()], errors: errors.sort((a, b) => a.line - b.line), shape };
}
