import { describe, expect, it } from 'vitest';
import { classifyPegs } from '../../src/data/pegs.ts';

interface T {
  id: string;
  name: string;
  symbol: string;
  price: number;
  categories: string[];
}
const t = (id: string, name: string, symbol: string, price: number, categories: string[] = []): T => ({ id, name, symbol, price, categories });

const MAJORS = [t('bitcoin', 'Bitcoin', 'BTC', 91_000), t('ethereum', 'Ethereum', 'ETH', 3_100), t('solana', 'Solana', 'SOL', 140)];

function pegOf(token: T, others: T[] = MAJORS) {
  return classifyPegs([...others, token]).get(token.id) ?? null;
}

describe('classifyPegs', () => {
  it.each([
    ['a tagged USD stablecoin at its peg', t('tether', 'Tether USDt', 'USDT', 0.999, ['stablecoin']), { kind: 'pegged', to: 'USD', price: 1 }],
    ['an untagged dollar token named so (a live CoinGecko row has no tags)', t('usdf', 'Aster USDF', 'USDF', 0.998), { kind: 'pegged', to: 'USD', price: 1 }],
    ['DAI, whose symbol and name do not say USD', t('dai', 'Dai', 'DAI', 1.0002), { kind: 'pegged', to: 'USD', price: 1 }],
    [
      'a euro stablecoin, kept at today’s price',
      t('euro-coin', 'EURC', 'EURC', 1.163, ['stablecoin', 'eur-stablecoin']),
      { kind: 'pegged', to: 'EUR', price: 1.163 },
    ],
    ['a gold token', t('pax-gold', 'PAX Gold', 'PAXG', 4_505, ['tokenized-gold']), { kind: 'pegged', to: 'gold', price: 4_505 }],
    [
      'a yield-bearing dollar above $1',
      t('ondo-us-dollar-yield', 'Ondo US Dollar Yield', 'USDY', 1.118, ['stablecoin']),
      { kind: 'pegged', to: 'USD', price: 1.118 },
    ],
    ['wrapped bitcoin at bitcoin’s price', t('wrapped-bitcoin', 'Wrapped Bitcoin', 'WBTC', 90_900), { kind: 'tracks', underlying: 'bitcoin' }],
    ['a staked token named so', t('binance-staked-sol', 'Binance Staked SOL', 'BNSOL', 148), { kind: 'tracks', underlying: 'solana' }],
  ])('%s', (_, token, expected) => {
    expect(pegOf(token)).toMatchObject(expected);
  });

  it.each([
    ['a chain token the stablecoin tag over-includes (price far from $1)', t('plasma-like', 'Plasma', 'XPL', 0.15, ['stablecoin'])],
    ['a lending receipt tagged stablecoin at $0.02', t('venus-busd', 'Venus BUSD', 'vBUSD', 0.022, ['stablecoin'])],
    ['a dollar token off its peg (a depeg is not a peg)', t('broken-usd', 'Broken USD', 'BUSDX', 0.82, ['stablecoin'])],
    ['a coin whose symbol contains ETH but whose price is nowhere near it', t('ethereum-pow-iou', 'EthereumPoW', 'ETHW', 1.2)],
    ['a governance token of a staking protocol', t('ether-fi-ethfi', 'ether.fi', 'ETHFI', 0.75, ['staking'])],
    ['a proof-of-stake coin carrying the staking tag', t('cardano', 'Cardano', 'ADA', 0.3972, ['staking'])],
    ['a wrapped token far off its underlying', t('wrapped-bitcoin', 'Wrapped Bitcoin', 'WBTC', 30_000)],
  ])('leaves out %s', (_, token) => {
    expect(pegOf(token)).toBeNull();
  });

  it('points a derivative of a derivative at the root: wstETH tracks stETH, which tracks Ethereum', () => {
    const steth = t('staked-ether', 'Lido Staked Ether', 'STETH', 3_098);
    const wsteth = t('wrapped-steth', 'Wrapped stETH', 'WSTETH', 3_780);
    const pegs = classifyPegs([...MAJORS, steth, wsteth]);
    expect(pegs.get('wrapped-steth')).toMatchObject({ kind: 'tracks', underlying: 'ethereum', label: 'tracks Ethereum' });
    expect(pegs.get('staked-ether')).toMatchObject({ kind: 'tracks', underlying: 'ethereum' });
  });

  it('leaves every ordinary token of a list out of the map', () => {
    const pegs = classifyPegs([...MAJORS, t('cardano', 'Cardano', 'ADA', 0.4), t('tron', 'TRON', 'TRX', 0.29)]);
    expect(pegs.size).toBe(0);
  });
});
