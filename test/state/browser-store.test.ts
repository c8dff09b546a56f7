import { describe, expect, it } from 'vitest';
import { INITIAL_BROWSER, parseBrowserSearch, writeBrowserSearch } from '../../src/state/browser-store.ts';

describe('browser state in the link of /', () => {
  it('reads search, rating, signal, category and order, case-insensitively', () => {
    expect(parseBrowserSearch('?q=eth&rating=strong%20buy&signal=BULLISH&cat=Layer%201&sort=marketCap-asc')).toEqual({
      search: 'eth',
      rating: 'Strong Buy',
      signal: 'Bullish',
      category: 'Layer 1',
      sortKey: 'marketCap',
      sortDir: 'asc',
    });
  });

  it('gives a key alone its natural direction, and ignores what it cannot read', () => {
    expect(parseBrowserSearch('?sort=multiple')).toEqual({ sortKey: 'multiple', sortDir: 'desc' });
    expect(parseBrowserSearch('?sort=name')).toEqual({ sortKey: 'name', sortDir: 'asc' });
    expect(parseBrowserSearch('?rating=<script>&signal=up&sort=__proto__-desc')).toEqual({});
    expect(parseBrowserSearch(`?q=${'x'.repeat(500)}`)?.search).toHaveLength(100);
  });

  it('is null for a link without these keys, so the store keeps its view', () => {
    expect(parseBrowserSearch('?m=16T&case=moon')).toBeNull();
    expect(parseBrowserSearch('')).toBeNull();
  });

  it('round-trips, leaving defaults out and other keys alone', () => {
    const state = { ...INITIAL_BROWSER, search: 'sol', rating: 'Buy' as const, sortKey: 'multiple' as const, sortDir: 'desc' as const };
    const q = new URLSearchParams('?m=16T&source=snapshot&q=old');
    writeBrowserSearch(q, state);
    expect(q.get('m')).toBe('16T');
    expect(q.get('source')).toBe('snapshot');
    expect(parseBrowserSearch(`?${q.toString()}`)).toEqual({ search: 'sol', rating: 'Buy', sortKey: 'multiple', sortDir: 'desc' });
    const empty = new URLSearchParams('?q=old&rating=Buy&sort=name-asc');
    writeBrowserSearch(empty, INITIAL_BROWSER);
    expect(empty.toString()).toBe('');
  });
});
