import { describe, expect, it } from 'vitest';
import { captureKeyStep } from '../../src/features/token-detail/capture-sliders.tsx';
import { carriedQuery, readCarried, screenerHref } from '../../src/state/carry.ts';

describe('the screener’s scenario carried to a token and back', () => {
  it('writes only what differs from the defaults', () => {
    expect(carriedQuery({ marketSize: 16e12, scenarioCase: 'base', captureMode: 'token', horizon: 'circ' })).toBe('');
    expect(carriedQuery({ marketSize: 23e12, scenarioCase: 'moon', captureMode: 'same', horizon: 'max' })).toBe('?m=23T&case=moon&cap=same&h=max');
    expect(carriedQuery({ marketSize: null, scenarioCase: null, captureMode: 'tm', horizon: 'circ' })).toBe('?cap=tm');
  });

  it('reads the case and captures back, and anything else as none', () => {
    expect(readCarried('?case=moon&cap=tm')).toEqual({ scenarioCase: 'moon', captureMode: 'tm' });
    expect(readCarried('?case=<b>&cap=all')).toEqual({ scenarioCase: null, captureMode: 'token' });
  });

  it('links back to / with the keys the screener reads, and no others', () => {
    expect(screenerHref('?m=23T&case=moon&cap=same&h=max&bear=0.5&tiers=8T')).toBe('/?m=23T&case=moon&cap=same&h=max');
    expect(screenerHref('?bear=0.5')).toBe('/');
  });
});

describe('a capture slider’s arrow keys', () => {
  it.each([
    [0.62, 'ArrowRight', false, 0.65],
    [0.62, 'ArrowLeft', false, 0.6],
    [0.65, 'ArrowUp', false, 0.7],
    [0.65, 'ArrowDown', true, 0.64],
    [0.62, 'ArrowUp', true, 0.63],
    [3, 'ArrowRight', false, 3],
    [0, 'ArrowLeft', true, 0],
  ])('%s with %s (Shift %s) -> %s', (value, key, shift, next) => {
    expect(captureKeyStep(value, key, shift)).toBe(next);
  });
  it('leaves other keys to the slider', () => expect(captureKeyStep(0.5, 'PageUp', false)).toBeNull());
});
