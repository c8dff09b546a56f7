import { describe, expect, it, vi } from 'vitest';
import { currentHref, matchPath, navigate, subscribeLocation } from '../../src/lib/location.ts';

describe('matchPath', () => {
  it.each([
    ['/token/:id', '/token/cardano', { id: 'cardano' }],
    ['/token/:id', '/token/avalanche-2/', { id: 'avalanche-2' }],
    ['/token/:id', '/token/a%20b', { id: 'a b' }],
    ['/settings', '/settings', {}],
    ['/token/:id', '/token', null],
    ['/token/:id', '/token/a/b', null],
    ['/token/:id', '/token/%E0%A4%A', null],
    ['/settings', '/setting', null],
  ])('%s vs %s', (pattern, path, expected) => {
    expect(matchPath(pattern, path)).toEqual(expected);
  });
});

describe('navigate', () => {
  it('changes the URL and tells subscribers once', () => {
    const listener = vi.fn<() => void>();
    const unsubscribe = subscribeLocation(listener);
    navigate('/token/tron?m=16e12');
    expect(currentHref()).toBe('/token/tron?m=16e12');
    navigate('/token/tron?m=16e12');
    expect(listener).toHaveBeenCalledTimes(1);
    navigate('/', { replace: true });
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    navigate('/settings');
    expect(listener).toHaveBeenCalledTimes(2);
  });
});
