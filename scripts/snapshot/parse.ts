/**
 * Defensive readers for the raw files: every value arrives as `unknown` and leaves as a typed
 * value or null. Nothing here reads the disk.
 */

export type Json = Record<string, unknown>;

/** The value as an object, or `{}` for anything else (arrays, null, primitives). */
export function asRecord(v: unknown): Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {};
}

/** The `data` array of an API envelope (`{status|success, data: [...]}`) as objects; [] when absent. */
export function dataRows(v: unknown): Json[] {
  const data = asRecord(v)['data'];
  return Array.isArray(data) ? data.map(asRecord) : [];
}

/** The value if it is a string, else ''. */
export function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** The date part (YYYY-MM-DD) of an ISO timestamp string; '' for anything else. */
export function day(v: unknown): string {
  const m = /^\d{4}-\d{2}-\d{2}/.exec(str(v));
  return m ? m[0] : '';
}

/**
 * A finite number from a number or a numeric string (Token Metrics sends both).
 * @returns null for '', 'N/A', NaN, the infinities and every non-numeric value.
 */
export function toFiniteNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string' || !/^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(v)) return null;
  return Number(v);
}

/**
 * A quantity that only has meaning when positive (supply, market cap, price).
 * @returns the number, or null when unknown, 0 or negative: a 0 supply in a listing means "not reported".
 */
export function toPositiveOrNull(v: unknown): number | null {
  const n = toFiniteNumber(v);
  return n !== null && n > 0 ? n : null;
}

/** Letters and digits only, lower-cased, so 'TRON' = 'Tron' while 'Curve DAO' != 'Curve DAO Token'. */
export function normName(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * RFC 4180 CSV: quoted fields, doubled quotes, commas and newlines inside quotes, LF or CRLF.
 * @returns one record per non-empty row, keyed by the header row; a short row's missing fields are ''.
 */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (quoted || (ch !== ',' && ch !== '\n' && ch !== '\r')) {
      field += ch;
    } else {
      row.push(field);
      field = '';
      if (ch !== ',') {
        if (ch === '\r' && text[i + 1] === '\n') i++;
        rows.push(row);
        row = [];
      }
    }
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  const [header = [], ...body] = rows.filter((r) => r.some((f) => f !== ''));
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}
