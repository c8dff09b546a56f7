import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvBlob, parseCsv, toCsv, type CsvCell } from '../../src/lib/csv.ts';

describe('toCsv', () => {
  it('writes a header and rows with CRLF after every record', () => {
    expect(
      toCsv([
        ['Tier', 'Bear', 'Base', 'Moon'],
        ['8T', 0.94, 1.05, 1.16],
      ]),
    ).toBe('Tier,Bear,Base,Moon\r\n8T,0.94,1.05,1.16\r\n');
  });

  it('writes no text for no rows', () => {
    expect(toCsv([])).toBe('');
  });

  it.each<[CsvCell, string]>([
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\ronly', '"cr\ronly"'],
    ['plain text', 'plain text'],
    ['', ''],
  ])('quotes %j only when it must: %s', (cell, field) => {
    expect(toCsv([[cell, 'x']])).toBe(`${field},x\r\n`);
  });

  it.each<[CsvCell, string]>([
    [null, ''],
    [Number.NaN, ''],
    [Number.POSITIVE_INFINITY, ''],
    [Number.NEGATIVE_INFINITY, ''],
    [0.1 + 0.2, '0.30000000000000004'],
    [8.736837489831246e-6, '0.000008736837489831246'],
    [1e-7, '1e-7'],
    [31e12, '31000000000000'],
    [-5, '-5'],
    [-0, '0'],
  ])('writes %s as %j', (cell, field) => {
    expect(toCsv([['x', cell]])).toBe(`x,${field}\r\n`);
  });

  it.each([
    ['=HYPERLINK("http://evil","click")', `"'=HYPERLINK(""http://evil"",""click"")"`],
    ["+cmd|' /C calc'!A0", `'+cmd|' /C calc'!A0`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1:A2)', `'@SUM(A1:A2)`],
    ['\t=1', `'\t=1`],
    ['\r=1', `"'\r=1"`],
  ])('defuses the formula %j', (cell, field) => {
    expect(toCsv([[cell]])).toBe(`${field}\r\n`);
  });

  it('leaves numbers and plain-number text unguarded, whatever their sign', () => {
    expect(toCsv([[-1.5, '-1.5', '+2', '-3e-7', 'a=b']])).toBe('-1.5,-1.5,+2,-3e-7,a=b\r\n');
  });

  it('writes a record of one empty field as "" so that it is not a blank line', () => {
    expect(toCsv([['a'], [''], [null]])).toBe('a\r\n""\r\n""\r\n');
    expect(parseCsv(toCsv([['a'], [''], [null]]))).toEqual([['a'], [''], ['']]);
  });
});

describe('parseCsv', () => {
  it.each([
    ['', []],
    ['a', [['a']]],
    [
      'a,b\r\nc,d\r\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'a,b\nc,d',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    ['a\rb\r', [['a'], ['b']]],
    ['a,\r\n', [['a', '']]],
    [',', [['', '']]],
    ['"a,b","c""d"', [['a,b', 'c"d']]],
    ['"multi\r\nline",x', [['multi\r\nline', 'x']]],
    ['\uFEFFa,b', [['a', 'b']]],
    ['a"b,c', [['a"b', 'c']]],
    ['"open,to the end', [['open,to the end']]],
    ['a\r\n\r\nb', [['a'], [''], ['b']]],
  ])('reads %j', (text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });

  it('round-trips any rows of safe text', () => {
    const safe = fc.string({ unit: 'binary', maxLength: 12 }).filter((s) => !/^[=+\-@\t\r]/.test(s));
    const row = fc.array(safe, { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), (rows) => {
        expect(parseCsv(toCsv(rows))).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips numbers as their full-precision text', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 6 }), (nums) => {
        const [read] = parseCsv(toCsv([nums]));
        expect(read?.map(Number)).toEqual(nums.map((n) => (Object.is(n, -0) ? 0 : n)));
      }),
    );
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(Array.isArray(parseCsv(text))).toBe(true);
      }),
    );
  });
});

/** jsdom's Blob has no arrayBuffer(): read it the way browsers always could. */
function blobBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsArrayBuffer(blob);
  });
}

describe('csvBlob', () => {
  it('is UTF-8 CSV with a byte-order mark for Excel', async () => {
    const blob = csvBlob('a,—\r\n');
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const bytes = await blobBytes(blob);
    expect(Array.from(bytes.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('a,—\r\n');
  });
});
