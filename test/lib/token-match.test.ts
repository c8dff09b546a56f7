import { describe, expect, it } from 'vitest';
import { findToken, matchTokens } from '../../src/lib/token-match.ts';

const tokens = [
  { id: 'bitcoin', name: 'Bitcoin', symbol: 'BTC' },
  { id: 'cardano', name: 'Cardano', symbol: 'ADA' },
  { id: 'usd-coin', name: 'USDC', symbol: 'USDC' },
  { id: 'bridged-usdc', name: 'Bridged USDC', symbol: 'USDC' },
];

describe('matchTokens', () => {
  it.each([
    ['cardano', ['cardano']],
    ['  Cardano ', ['cardano']],
    ['ada', ['cardano']],
    ['usdc', ['usd-coin']], // the name wins over the shared symbol
    ['nothing', []],
    ['', []],
  ])('%s', (text, ids) => {
    expect(matchTokens(tokens, text).map((t) => t.id)).toEqual(ids);
  });

  it('lists every token that shares a symbol, in rank order', () => {
    const shared = [...tokens, { id: 'ada-2', name: 'Another ADA', symbol: 'ADA' }];
    expect(matchTokens(shared, 'ADA').map((t) => t.id)).toEqual(['cardano', 'ada-2']);
    expect(findToken(shared, 'ADA')?.id).toBe('cardano');
  });
});
