import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PASTE_LIMITS, parsePublishedTable, type PastedTable } from '../../src/data/paste-table.ts';

const T = 1e12;
const seedTiers = [8 * T, 16 * T, 23 * T, 31 * T];
const cardanoCells = {
  bear: [0.94, 1.53, 2.11, 2.7],
  base: [1.05, 1.86, 2.67, 3.48],
  moon: [1.16, 2.2, 3.23, 4.27],
};

/** The table of an ok result (failing the test with the parser's message otherwise). */
function table(text: string): Extract<PastedTable, { ok: true }> {
  const result = parsePublishedTable(text);
  if (!result.ok) throw new Error(`expected a table, got ${result.error}`);
  return result;
}

function failure(text: string): Extract<PastedTable, { ok: false }> {
  const result = parsePublishedTable(text);
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result)}`);
  return result;
}

/** The scenario section of the published Cardano analysis, as copied from the page. */
const cardanoProse = `Token Metrics price prediction scenarios span four market cap tiers, each representing different levels of crypto market maturity and liquidity:

8T Market Cap - ADA Price Prediction:

At an eight trillion dollar total crypto market cap, ADA price prediction projects to $0.94 in bear conditions, $1.05 in the base case, and $1.16 in bullish scenarios.

16T Market Cap - ADA Price Prediction:

Doubling the market to sixteen trillion expands the price prediction range to $1.53 (bear), $1.86 (base), and $2.20 (moon).

23T Market Cap - ADA Price Prediction:

At twenty-three trillion, the price prediction scenarios show $2.11, $2.67, and $3.23 respectively.

31T Market Cap - ADA Price Prediction:

In the maximum liquidity scenario of thirty one trillion, ADA price predictions could reach $2.70 (bear), $3.48 (base), or $4.27 (moon).

Each tier in our price prediction framework assumes progressively stronger market conditions, with the base case reflecting steady growth and the moon case requiring sustained bull market dynamics.`;

describe('parsePublishedTable: the seed tables', () => {
  it('reads the Cardano analysis as published (heading line, then prose with the three prices)', () => {
    expect(table(cardanoProse)).toEqual({ ok: true, tiers: seedTiers, ...cardanoCells, warnings: [] });
  });

  it('reads Cardano one line per tier, in the four pasted forms', () => {
    const text = ['8T  0.94  1.05  1.16', '16T Market Cap: $1.53 | $1.86 | $2.20', '23T\t2.11\t2.67\t3.23', '$31T, $2.70, $3.48, $4.27'].join('\n');
    expect(table(text)).toEqual({ ok: true, tiers: seedTiers, ...cardanoCells, warnings: [] });
  });

  it('reads a Tron-like partial table with dashes as nulls', () => {
    const text = 'Market cap | Bear | Base | Moon\n8T | - | - | -\n16T | — | – | n/a\n23T | - | - | $1.02\n31T | N/A | - | $1.31\n';
    const result = table(text);
    expect(result.tiers).toEqual(seedTiers);
    expect(result.bear).toEqual([null, null, null, null]);
    expect(result.base).toEqual([null, null, null, null]);
    expect(result.moon).toEqual([null, null, 1.02, 1.31]);
    expect(result.warnings).toEqual(['Line 2: 8T has no published price', 'Line 3: 16T has no published price']);
  });

  it('refuses the Tron prose, which names tiers without their prices, at the first such tier', () => {
    const tronProse = `8T Market Cap - TRX Price Prediction:

At an 8 trillion dollar total crypto market cap, our TRX price prediction framework projects specific targets in bear, base, and bullish scenarios. The 8T tier reflects conservative market conditions with steady stablecoin transfer adoption.

 16T Market Cap - TRX Price Prediction:`;
    expect(failure(tronProse)).toEqual({ ok: false, line: 1, error: 'Line 1: found no prices for 8T (expected them on that line or the next)' });
  });
});

describe('parsePublishedTable: forms people paste', () => {
  it.each([
    ['8T 0.94 1.05 1.16', 8 * T],
    ['8 trillion 0.94 1.05 1.16', 8 * T],
    ['$8T 0.94 1.05 1.16', 8 * T],
    ['8,000B 0.94 1.05 1.16', 8 * T],
    ['500B 0.94 1.05 1.16', 500e9],
    ['12.5t 0.94 1.05 1.16', 12.5 * T],
    ['750 billion: 0.94, 1.05, 1.16', 750e9],
    ['| 8T | $0.94 | $1.05 | $1.16 |', 8 * T],
    ['- 8T 0.94 1.05 1.16', 8 * T],
  ])('reads the tier of %j', (text, tier) => {
    expect(table(text)).toMatchObject({ tiers: [tier], bear: [0.94], base: [1.05], moon: [1.16] });
  });

  it('reads thousands separators, exponents and K prices', () => {
    expect(table('16T $1,234.56 $12,345 $1,000,000')).toMatchObject({ bear: [1234.56], base: [12345], moon: [1e6] });
    expect(table('16T 2.5e-7 3e-7 0.0000004')).toMatchObject({ bear: [2.5e-7], base: [3e-7], moon: [4e-7] });
    expect(table('16T $250K $300K $1.2M')).toMatchObject({ bear: [250e3], base: [300e3], moon: [1.2e6] });
  });

  it('skips a header and learns its column order', () => {
    const result = table('Tier  Moon  Base  Bear\n16T  2.20  1.86  1.53');
    expect(result).toMatchObject({ bear: [1.53], base: [1.86], moon: [2.2] });
    expect(result.warnings).toEqual(['Line 1: columns read as moon, base, bear']);
    expect(table('Market cap | Low | Mid | High\n16T | 1.53 | 1.86 | 2.2')).toMatchObject({ bear: [1.53], base: [1.86], moon: [2.2] });
  });

  it('reads a header with one case and one price per row', () => {
    expect(table('Tier | Moon\n23T | 1.02\n31T | 1.31')).toMatchObject({ tiers: [23 * T, 31 * T], bear: [null, null], moon: [1.02, 1.31] });
  });

  it('reads prices labelled by case words, before or after, in any order', () => {
    expect(table('16T: moon $2.20, bear $1.53, base $1.86')).toMatchObject({ bear: [1.53], base: [1.86], moon: [2.2] });
    expect(table('16T: $2.20 (bull), $1.53 (bear), $1.86 (base)')).toMatchObject({ bear: [1.53], base: [1.86], moon: [2.2] });
    expect(table('23T: moon $1.02')).toMatchObject({ bear: [null], base: [null], moon: [1.02] });
  });

  it('ignores blank lines, prose without numbers, shares and multiples, and stray dashes beside three prices', () => {
    const text = '\n\nADA price prediction\n\n16T Market Cap - $1.53 (+137%) | $1.86 (2.9x) | $2.20\r\n\r\n';
    expect(table(text)).toMatchObject({ tiers: [16 * T], bear: [1.53], base: [1.86], moon: [2.2], warnings: [] });
  });

  it('sorts rows by tier', () => {
    expect(table('31T 2.70 3.48 4.27\n8T 0.94 1.05 1.16\n16T 1.53 1.86 2.20')).toMatchObject({
      tiers: [8 * T, 16 * T, 31 * T],
      bear: [0.94, 1.53, 2.7],
    });
  });

  it('warns about, and skips, a prose line with prices but no tier', () => {
    const result = table('Current price: $0.2971.\n23T - - 1.02');
    expect(result.moon).toEqual([1.02]);
    expect(result.warnings).toEqual(['Line 1: skipped prices without a market size']);
  });
});

/** `n` lines of one tier each: 1T, 2T, ... */
const rows = (n: number): string => Array.from({ length: n }, (_, i) => `${i + 1}T 1 2 3`).join('\n');

describe('parsePublishedTable: what it refuses, naming the line', () => {
  it.each([
    ['8T 0.94 1.05 1.16\n16T 1.53 1.86\n23T 2.11 2.67 3.23', 2, 'Line 2: expected a market size such as 16T, then three prices'],
    ['8T 0.94 1.05 1.16\n\n16 1.53 1.86 2.20', 3, 'Line 3: expected a market size such as 16T, then three prices'],
    ['8T 0.94 1.05 1.16 1.30', 1, 'Line 1: found 4 prices; expected three (bear, base, moon)'],
    ['16T 1.53 1.86 2.20\n16,000B 1.5 1.8 2.2', 2, 'Line 2: 16,000B appears twice (also on line 1)'],
    ['16T -1.53 1.86 2.20', 1, 'Line 1: -1.53 is negative'],
    ['16T 0 1.86 2.20', 1, 'Line 1: 0 is not a price above 0'],
    ['0T 1 2 3', 1, 'Line 1: 0T is not a market size'],
    ['8T 1 2 3 and 16T', 1, 'Line 1: found two market sizes (8T and 16T)'],
    ['Tier Bear Bear Moon\n8T 1 2 3', 1, 'Line 1: the header names a case twice'],
    ['Tier | Moon\n8T 1 2 3', 2, 'as the header on line 1 says'],
    ['8T Market Cap - ADA Price Prediction:\n', 1, 'Line 1: found no prices for 8T'],
  ])('%j', (text, line, message) => {
    const result = failure(text);
    expect(result.line).toBe(line);
    expect(result.error).toContain(message);
  });

  it.each(['', '   \n\n', 'hello world', 'Bear in mind that nothing here is a table.'])('finds no table in %j', (text) => {
    expect(failure(text)).toEqual({ ok: false, line: 0, error: expect.stringMatching(/^No table found/) });
  });

  it(`refuses more than ${PASTE_LIMITS.rows} rows at the first row too many`, () => {
    expect(table(rows(24)).tiers).toHaveLength(24);
    expect(failure(rows(25))).toMatchObject({ line: 25, error: 'Line 25: a table holds at most 24 tiers' });
  });

  it(`refuses more than ${PASTE_LIMITS.chars.toLocaleString('en-US')} characters`, () => {
    const text = `8T 0.94 1.05 1.16\n${' '.repeat(PASTE_LIMITS.chars)}`;
    expect(failure(text)).toMatchObject({ line: 0, error: expect.stringContaining('at most 10,000') });
    expect(table(text.slice(0, PASTE_LIMITS.chars)).tiers).toEqual([8 * T]);
  });
});

/** Fails unless a failure names a line and a table has finite positive, ascending tiers and prices. */
function expectSound(result: PastedTable): void {
  if (!result.ok) {
    expect(Number.isInteger(result.line) && result.line >= 0).toBe(true);
    expect(result.error.length).toBeGreaterThan(0);
    return;
  }
  expect(result.tiers.length).toBeGreaterThan(0);
  expect(result.tiers.length).toBeLessThanOrEqual(PASTE_LIMITS.rows);
  result.tiers.forEach((tier, i) => {
    expect(Number.isFinite(tier) && tier > 0).toBe(true);
    if (i > 0) expect(tier).toBeGreaterThan(result.tiers[i - 1] ?? Infinity);
  });
  for (const column of [result.bear, result.base, result.moon]) {
    expect(column).toHaveLength(result.tiers.length);
    for (const p of column) expect(p === null || (Number.isFinite(p) && p > 0)).toBe(true);
  }
}

describe('parsePublishedTable never throws', () => {
  it('on random text and random unicode', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 })), (text) => {
        expectSound(parsePublishedTable(text));
      }),
      { numRuns: 300 },
    );
    expect.hasAssertions();
  });

  it('on random lines built from table pieces', () => {
    const piece = fc.constantFrom(
      '8T',
      '$16T',
      '23 trillion',
      '500B',
      '8,000B',
      '0.94',
      '$1,234.56',
      '1e999',
      '2.5e-7',
      '-',
      '—',
      'n/a',
      '|',
      ',',
      '\t',
      'Bear',
      'base',
      'moon',
      'bullish',
      'Tier',
      'Market cap',
      '(+137%)',
      '3x',
      '-1',
      '0',
      ' ',
      '\n',
      '$',
      '.',
      '1,2',
      '99999999T',
    );
    let tables = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        for (const text of [pieces.join(' '), pieces.join('')]) {
          const result = parsePublishedTable(text);
          expectSound(result);
          if (result.ok) tables += 1;
        }
      }),
      { numRuns: 1000 },
    );
    // The pieces do make tables, so the soundness checks on ok results ran.
    expect(tables).toBeGreaterThan(20);
  });

  it('on input that is not text at all', () => {
    expect(parsePublishedTable(undefined as unknown as string)).toMatchObject({ ok: false, line: 0 });
  });
});

describe('parsePublishedTable: several tiers on one line', () => {
  it('reads tier: bear / base / moon rows separated by ; or newlines', () => {
    expect(table('8T: 0.94 / 1.05 / 1.16; 16T: 1.53 / 1.86 / 2.20')).toEqual({
      ok: true,
      tiers: [8 * T, 16 * T],
      bear: [0.94, 1.53],
      base: [1.05, 1.86],
      moon: [1.16, 2.2],
      warnings: [],
    });
    expect(table('8T: 0.94 / 1.05 / 1.16; 16T: 1.53 / 1.86 / 2.20;\n23T: 2.11 / 2.67 / 3.23; 31T: 2.70 / 3.48 / 4.27;')).toEqual({
      ok: true,
      tiers: seedTiers,
      ...cardanoCells,
      warnings: [],
    });
  });

  it('keeps a ; between the prices of one tier as a separator of cells', () => {
    expect(table('16T: $1.53; $1.86; $2.20')).toMatchObject({ tiers: [16 * T], bear: [1.53], base: [1.86], moon: [2.2] });
  });

  it('names the line of a bad row in a one-line paste', () => {
    expect(failure('8T: 0.94 / 1.05 / 1.16; 16T: 1.53 / -1.86 / 2.20')).toMatchObject({ line: 1, error: 'Line 1: -1.86 is negative; prices must be above 0' });
    expect(failure('8T: 0.94 / 1.05 / 1.16; 8T: 1 / 2 / 3')).toMatchObject({ line: 1, error: expect.stringContaining('8T appears twice') });
  });
});
