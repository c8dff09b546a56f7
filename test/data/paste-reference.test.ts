import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { statedReference } from '../../src/data/paste-reference.ts';
import { parsePublishedTable } from '../../src/data/paste-table.ts';

describe('statedReference', () => {
  it.each([
    ['current price $0.645', '$0.645'],
    ['Current price: $0.2971.', '$0.2971'],
    ['At current price of $0.65, a 10x would reach $6.50.', '$0.65'],
    ["Today's price is 0.3972 USD", '0.3972'],
    ['Price when published: 0.645', '0.645'],
    ['price at publication = $1,234.5', '$1,234.5'],
  ])('reads the price of %j', (text, price) => {
    expect(statedReference(text).price).toBe(price);
  });

  it.each([
    ['total crypto market cap of 3.875T', '3.875T'],
    ['a total crypto market capitalization of $3.875 trillion', '$3.875 trillion'],
    ['Total market when published: 3875B', '3875B'],
    ['total market: $3,875 billion', '$3,875 billion'],
  ])('reads the market of %j', (text, market) => {
    expect(statedReference(text).market).toBe(market);
  });

  it.each([
    'At an eight trillion dollar total crypto market cap, ADA price prediction projects to $0.94',
    'At 23 trillion total crypto market cap, the price prediction scenarios show $1.02',
    'ADA price prediction projects to $0.94 in bear conditions',
    'trading around $0.297, market cap rank #10',
    'total market cap of 3.875',
  ])('reads nothing from %j', (text) => {
    expect(statedReference(text)).toMatchObject({ price: null, market: null });
  });

  it('blanks what it read, keeping lines and columns, so the table reads as if it were not there', () => {
    const text = 'ADA current price $0.645, total crypto market cap of 3.875T.\n8T 0.94 1.05 1.16';
    const { rest } = statedReference(text);
    expect(rest).toHaveLength(text.length);
    expect(rest.split('\n')).toHaveLength(2);
    expect(rest).not.toMatch(/0\.645|3\.875/);
    // Left in, the market would be read as a tier with no prices.
    expect(parsePublishedTable(text)).toMatchObject({ ok: false, line: 1 });
    expect(parsePublishedTable(rest)).toMatchObject({ ok: true, tiers: [8e12], warnings: [] });
  });

  it('never throws, and keeps the length of any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        expect(statedReference(text).rest).toHaveLength(text.length);
      }),
      { numRuns: 300 },
    );
    expect(statedReference(undefined as unknown as string)).toEqual({ price: null, market: null, rest: '' });
  });
});
