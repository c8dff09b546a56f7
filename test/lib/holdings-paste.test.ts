import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHoldingsPaste } from '../../src/lib/holdings-paste.ts';

const pairs = (text: string) => parseHoldingsPaste(text).holdings.map((h) => [h.text, h.amount]);

describe('parseHoldingsPaste', () => {
  it.each([
    [
      'symbol,amount lines',
      'BTC,0.5\nADA,1500',
      [
        ['BTC', 0.5],
        ['ADA', 1500],
      ],
    ],
    [
      'name amount lines',
      'Cardano 1,500\nShiba Inu 2e6',
      [
        ['Cardano', 1500],
        ['Shiba Inu', 2e6],
      ],
    ],
    [
      'amount first',
      '0.5 BTC\n1.5k ADA',
      [
        ['BTC', 0.5],
        ['ADA', 1500],
      ],
    ],
    [
      'tabs and semicolons',
      'BTC\t0.5\nETH;2',
      [
        ['BTC', 0.5],
        ['ETH', 2],
      ],
    ],
    [
      'a grouped amount after a comma',
      'ADA,"1,500"\nXRP,1,500',
      [
        ['ADA', 1500],
        ['XRP', 1500],
      ],
    ],
    [
      'blank lines and CRLF',
      '\r\nBTC 1\r\n\r\nETH 2\r\n',
      [
        ['BTC', 1],
        ['ETH', 2],
      ],
    ],
  ])('%s', (_name, text, expected) => {
    expect(pairs(text)).toEqual(expected);
  });

  it('reads an exchange CSV by its header, columns in any order', () => {
    const csv = 'Date,Balance,Fee,Asset\n2026-01-01,0.5,0,BTC\n2026-01-01,"1,500",0,ADA\n';
    const r = parseHoldingsPaste(csv);
    expect(r.shape).toMatch(/CSV.*"Asset".*"Balance"/);
    expect(r.holdings.map((h) => [h.text, h.amount, h.lines])).toEqual([
      ['BTC', 0.5, [2]],
      ['ADA', 1500, [3]],
    ]);
  });

  it('sums a token listed on several lines', () => {
    expect(pairs('Coin,Amount\nBTC,0.25\nbtc,0.25\nETH,1')).toEqual([
      ['BTC', 0.5],
      ['ETH', 1],
    ]);
  });

  it('lists lines it cannot read, with their numbers, and keeps the rest', () => {
    const r = parseHoldingsPaste('BTC,0.5\nADA,-3\nnonsense\nETH,two');
    expect(pairs('BTC,0.5\nADA,-3\nnonsense\nETH,two')).toEqual([['BTC', 0.5]]);
    expect(r.errors.map((e) => e.line)).toEqual([2, 3, 4]);
    expect(r.errors[0]?.message).toMatch(/Line 2 \(ADA\): An amount cannot be negative/);
    expect(r.errors[1]?.message).toMatch(/Line 3 \("nonsense"\) needs a token and an amount/);
  });

  it('never throws and never yields NaN or a negative amount (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const r = parseHoldingsPaste(text);
        for (const h of r.holdings) expect(Number.isFinite(h.amount) && h.amount >= 0).toBe(true);
      }),
    );
  });
});
