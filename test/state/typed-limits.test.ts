import { describe, expect, it } from 'vitest';
import { parseMarketSize, parsePrice } from '../../src/engine/index.ts';
import { typedCapture, typedMarketSize, typedShare, typedTier } from '../../src/state/typed-limits.ts';

const T = 1e12;

describe('a typed market size (screener bar and detail view) takes the slider’s 0.5T..100T', () => {
  it.each([
    ['16T', 16 * T],
    ['500B', 0.5 * T],
    ['$100 trillion', 100 * T],
  ])('takes %s as it is, with no message', (text, value) => {
    expect(typedMarketSize(text)).toEqual({ ok: true, value, message: null });
  });

  it.each([
    ['999999T', 100 * T, '999999T is above the largest market size the model takes (100T); showing 100T.'],
    ['1e30', 100 * T, '1e30 is above the largest market size the model takes (100T); showing 100T.'],
    ['1e999', 100 * T, '1e999 is above the largest market size the model takes (100T); showing 100T.'],
    ['100B', 0.5 * T, '100B is below the smallest market size the model takes (500B); showing 500B.'],
    ['0', 0.5 * T, '0 is below the smallest market size the model takes (500B); showing 500B.'],
  ])('moves %s into the range and says so', (text, value, message) => {
    expect(typedMarketSize(text)).toEqual({ ok: true, value, message });
  });

  it('refuses what is not a market size, saying what it takes', () => {
    expect(typedMarketSize('lots')).toEqual({ ok: false, message: '"lots" is not a market size such as 16T or 500B.' });
  });
});

describe('a typed share takes the slider’s 0.001%..50%', () => {
  it('takes 0.5% as it is', () => {
    expect(typedShare('0.5%')).toEqual({ ok: true, value: 0.005, message: null });
  });
  it.each([
    ['100%', 0.5, '100% is above the largest market share the model takes (50%); showing 50%.'],
    ['250', 0.5, '250 is above the largest market share the model takes (50%); showing 50%.'],
    ['0%', 0.00001, '0% is below the smallest market share the model takes (0.001%); showing 0.001%.'],
  ])('moves %s into the range, naming the max or min', (text, value, message) => {
    expect(typedShare(text)).toEqual({ ok: true, value, message });
  });
  it('refuses a negative share', () => {
    expect(typedShare('-2%')).toEqual({ ok: false, message: '"-2%" is not a share such as 0.5%.' });
  });
});

describe('a typed capture takes the sliders’ 0..3', () => {
  it('takes 0.75', () => expect(typedCapture('0.75')).toEqual({ ok: true, value: 0.75, message: null }));
  it('moves 7 to 3 and says so', () =>
    expect(typedCapture('7')).toEqual({ ok: true, value: 3, message: '7 is above the largest capture the model takes (3); showing 3.' }));
  it('refuses text, naming the range', () =>
    expect(typedCapture('high')).toEqual({ ok: false, message: '"high" is not a capture such as 0.75 (from 0 to 3).' }));
});

describe('"Add tier" takes a market size within the slider’s range, and refuses one outside it', () => {
  it('adds 12T', () => expect(typedTier('12T', [16 * T])).toEqual({ ok: true, value: 12 * T, message: null }));
  it.each(['999999T', '1e30', '100B'])('refuses %s, naming the range', (text) => {
    expect(typedTier(text, [16 * T])).toEqual({ ok: false, message: `${text} is outside the market sizes the model takes (500B to 100T); no tier added.` });
  });
  it('refuses a tier already there', () => expect(typedTier('16T', [16 * T])).toEqual({ ok: false, message: '16T is already a tier.' }));
});

describe('the engine’s readers name the range they refuse', () => {
  it('a market size past the engine’s limits', () => {
    expect(() => parseMarketSize('1e30')).toThrow('"1e30" is outside the market sizes the model takes ($1 to $1000Q)');
  });
  it('a target price past the engine’s limits', () => {
    expect(() => parsePrice('1e20')).toThrow('"1e20" is outside the prices the model takes (between $1e-15 and $1Q)');
  });
});
