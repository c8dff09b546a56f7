/**
 * CSV in RFC 4180 form, for the "Export CSV" buttons, and a reader for tests and round trips.
 * The writer also defuses spreadsheet formula injection (OWASP "CSV injection"): token names and
 * symbols come from third-party APIs, and a cell such as `=HYPERLINK(...)` must stay text.
 */

/** One cell: text, a number (written in full precision) or null (an empty cell). */
export type CsvCell = string | number | null;

/**
 * The columns a scenario export starts with, the same in every view that writes one (a token's table, a
 * comparison): the token, the tier (label and USD), the case, and its capture with where it came from.
 */
export const SCENARIO_CSV_COLUMNS = ['token', 'symbol', 'tier', 'tier_usd', 'case', 'capture', 'capture_source'] as const;

const CRLF = '\r\n';

/** Characters that make a spreadsheet read a text cell as a formula (or hide its start). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A plain decimal number, which a spreadsheet reads as that number whatever its sign: never a formula. */
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

const NEEDS_QUOTES = /[",\r\n]/;

/** The text of one cell before quoting. */
function cellText(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell)) return `'${cell}`;
  return cell;
}

function quoted(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Writes rows as CSV (RFC 4180): fields separated by commas, each record ended by CRLF
 * (the last one too); a field holding a comma, quote, CR or LF is quoted, with quotes doubled.
 * - `null` -> an empty field; a number -> `String(n)` (full precision, `1e-7` stays `1e-7`);
 *   `NaN` and `±Infinity` -> an empty field, never the words.
 * - A text cell starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` so spreadsheets keep it as
 *   text; numbers, and text that is a plain number such as `-1.5`, are left as they are.
 * - A record holding one empty field is written `""` so that it is not read back as a blank line.
 * No rows -> "". Ragged rows are written as given.
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<CsvCell>>): string {
  return rows
    .map((row) => {
      const fields = row.map((cell) => quoted(cellText(cell)));
      return (fields.length === 1 && fields[0] === '' ? '""' : fields.join(',')) + CRLF;
    })
    .join('');
}

/**
 * Reads CSV text into rows of strings (RFC 4180, read leniently): CRLF, LF or CR end a record; a final
 * line break does not start another record; a leading byte-order mark is skipped; quotes inside an
 * unquoted field are kept as text; an unclosed quoted field runs to the end of the text. Never throws.
 * "" -> []. Formula guards written by `toCsv` (the leading `'`) are kept: this reads, it does not undo.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let atFieldStart = true;
  let i = 0;
  const endRecord = (): void => {
    row.push(field);
    rows.push(row);
    row = [];
    field = '';
    atFieldStart = true;
  };
  while (i < src.length) {
    const ch = src[i] ?? '';
    if (inQuotes) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') inQuotes = false;
      else field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && atFieldStart) {
      inQuotes = true;
      atFieldStart = false;
    } else if (ch === ',') {
      row.push(field);
      field = '';
      atFieldStart = true;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      if (ch === '\r' && src[i + 1] === '\n') i += 1;
    } else {
      field += ch;
      atFieldStart = false;
    }
    i += 1;
  }
  // Text after the last line break (or a record still open) is the last record.
  if (!atFieldStart || field !== '' || row.length > 0 || inQuotes) endRecord();
  return rows;
}

/**
 * A CSV file's contents as a Blob (`text/csv;charset=utf-8`) with a UTF-8 byte-order mark, which Excel
 * needs to read "—", "€" or accented names correctly.
 */
export function csvBlob(csv: string): Blob {
  return new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
}
