import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { classifyPegs } from '../../src/data/pegs.ts';
import { publishedCaptures } from '../../src/data/published.ts';
import type { PublishedScenario } from '../../src/data/types.ts';
import { DEFAULT_CAPTURES, requiredMarketSize, scenarioCell, type ScenarioCase } from '../../src/engine/index.ts';
import { formatMultiple } from '../../src/lib/format.ts';
import { useBrowserStore } from '../../src/state/browser-store.ts';
import { parseScreenSearch, serializeScreenSearch, useScreenStore, DEFAULT_SCREEN } from '../../src/state/screen-store.ts';
import { renderApp } from '../app/render-app.tsx';
import { snapshotJson } from '../msw.ts';

interface SnapToken {
  id: string;
  name: string;
  symbol: string;
  price: number;
  marketCap: number | null;
  circulatingSupply: number | null;
  categories: string[];
}
const snap = snapshotJson as unknown as {
  tokens: SnapToken[];
  market: { totalMarketCap: number };
  grades: Record<string, { tmGrade?: { rating: string } }>;
  observed: Record<string, Record<ScenarioCase, number>>;
  published: Record<string, PublishedScenario>;
};
const pegged = new Set([...classifyPegs(snap.tokens)].filter(([, p]) => p.kind === 'pegged').map(([id]) => id));

/** The multiple a token shows by default ("Per token"): its observed capture, else the default; none when pegged. */
function ownMultiple(t: SnapToken, c: ScenarioCase, m: number): number | null {
  if (pegged.has(t.id)) return null;
  return engineMultiple(t, snap.observed[t.id]?.[c] ?? DEFAULT_CAPTURES[c], m);
}

function engineMultiple(t: SnapToken, capture: number, m: number): number | null {
  const supply = t.circulatingSupply ?? (t.marketCap !== null ? t.marketCap / t.price : null);
  if (!supply) return null;
  return scenarioCell({ price: t.price, circulatingSupply: supply, totalMarketCap: snap.market.totalMarketCap }, capture, m).multiple;
}

beforeEach(() => {
  useBrowserStore.setState(useBrowserStore.getInitialState(), true);
  useScreenStore.setState({ ...useScreenStore.getInitialState(), watchlist: [] }, true);
});

const table = () => screen.getByRole('table', { name: 'Tokens' });
const bodyRows = () =>
  within(table())
    .getAllByRole('row')
    .filter((r) => within(r).queryAllByRole('cell').length > 0);
function cellOf(row: HTMLElement, header: string): string {
  const headers = within(table()).getAllByRole('columnheader');
  const index = headers.findIndex((h) => within(h).queryByRole('button', { name: header }) !== null);
  return within(row).getAllByRole('cell')[index]?.textContent ?? '';
}

/** Cardano's row (a search for it shows it). */
const cardanoRow = () => bodyRows().find((r) => within(r).queryByRole('link', { name: 'Cardano' })) as HTMLElement;

/** The market size `/` reads from `?m=value`. */
const m = (value: string) => parseScreenSearch(`?m=${encodeURIComponent(value)}`).params.marketSize;

describe('screener on /', () => {
  it('computes Multiple and Needs for every row with the engine, and sorts by them', async () => {
    const user = userEvent.setup();
    renderApp('/?m=16T&case=moon&x=10');
    await screen.findByRole('table', { name: 'Tokens' });
    await waitFor(() => expect(screen.getByRole('radio', { name: 'Moon' })).toBeChecked());
    expect(screen.getByRole('slider', { name: 'Total market size' })).toHaveAttribute('aria-valuetext', '16T');
    await user.click(within(table()).getByRole('button', { name: 'Multiple' }));
    await waitFor(() => expect(within(table()).getByRole('button', { name: 'Multiple' }).closest('th')).toHaveAttribute('aria-sort', 'descending'));
    // The list follows the scenario a beat behind (deferred): wait for the order to settle.
    const best = Math.max(...snap.tokens.map((t) => ownMultiple(t, 'moon', 16e12) ?? 0));
    await waitFor(() => expect(cellOf(bodyRows()[0] as HTMLElement, 'Multiple')).toBe(formatMultiple(best)));
    const first = bodyRows()[0] as HTMLElement;
    const name = within(first).getByRole('link').textContent;
    const token = snap.tokens.find((t) => t.name === name);
    if (!token) throw new Error(`${name} not in the snapshot`);
    const expected = ownMultiple(token, 'moon', 16e12);
    expect(cellOf(first, 'Multiple')).toBe(formatMultiple(expected));
    // Largest first: no token's engine multiple beats it.
    expect(expected).toBeCloseTo(best, 9);
    const moon = snap.observed[token.id]?.moon ?? DEFAULT_CAPTURES.moon;
    const needs = requiredMarketSize(
      { price: token.price, circulatingSupply: token.circulatingSupply ?? 1, totalMarketCap: snap.market.totalMarketCap },
      moon,
      token.price * 10,
    );
    expect(cellOf(first, 'Needs')).not.toBe('');
    expect(needs === null ? cellOf(first, 'Needs') === 'beyond reach' : cellOf(first, 'Needs') !== 'beyond reach').toBe(true);
  });

  it('filters by "multiple at least", moves with the slider, and writes the URL', async () => {
    renderApp('/');
    await screen.findByRole('table', { name: 'Tokens' });
    fireEvent.change(screen.getByRole('slider', { name: 'Total market size' }), { target: { value: '200' } });
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('m')).toBe('100T'));
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Multiple at least' }), { target: { value: '30' } });
    const count = snap.tokens.filter((t) => (ownMultiple(t, 'base', 100e12) ?? 0) >= 30).length;
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(`${count} of ${snap.tokens.length} tokens match`));
  });

  it('opens one link with its rating filter and order (the largest base multiples at 16T among one rating), and writes changes back', async () => {
    // The snapshot's TM Grades are Sell and Strong Sell (live grades bring Buy): the same link shape either way.
    renderApp('/?m=16T&rating=sell&sort=multiple-desc');
    await screen.findByRole('table', { name: 'Tokens' });
    expect(screen.getByRole('combobox', { name: 'Rating' })).toHaveValue('Sell');
    expect(within(table()).getByRole('button', { name: 'Multiple' }).closest('th')).toHaveAttribute('aria-sort', 'descending');
    const buy = snap.tokens.filter((t) => snap.grades[t.id]?.tmGrade?.rating === 'Sell');
    expect(buy.length).toBeGreaterThan(0);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(`${buy.length} of ${snap.tokens.length} tokens match`));
    const best = Math.max(...buy.map((t) => ownMultiple(t, 'base', 16e12) ?? 0));
    expect(cellOf(bodyRows()[0] as HTMLElement, 'Multiple')).toBe(formatMultiple(best));
    // Garbage in those keys is ignored; a change is written back (defaults left out).
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search tokens' }), { target: { value: 'ada' } });
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('q')).toBe('ada'));
    expect(new URLSearchParams(window.location.search).get('rating')).toBe('Sell');
    expect(new URLSearchParams(window.location.search).get('sort')).toBe('multiple-desc');
  });

  it('takes Token Metrics’ fitted captures where a table is published once that is chosen, and from a link', async () => {
    const user = userEvent.setup();
    const ada = snap.tokens.find((t) => t.id === 'cardano');
    if (!ada?.circulatingSupply) throw new Error('cardano not in the snapshot');
    const fitted = publishedCaptures(snap.published.cardano, ada.circulatingSupply, DEFAULT_CAPTURES);
    if (!fitted) throw new Error('no fit for cardano');
    const { unmount } = renderApp('/?q=cardano');
    await screen.findByRole('table', { name: 'Tokens' });
    await waitFor(() => expect(cellOf(cardanoRow(), 'Capture')).not.toMatch(/Token Metrics/));
    await user.click(screen.getByRole('radio', { name: 'Token Metrics where published' }));
    await waitFor(() => expect(cellOf(cardanoRow(), 'Capture')).toMatch(/Token Metrics/));
    expect(cellOf(cardanoRow(), 'Multiple')).toBe(formatMultiple(engineMultiple(ada, fitted.base, 16e12)));
    unmount();

    renderApp('/?q=cardano&cap=tm');
    await screen.findByRole('table', { name: 'Tokens' });
    await waitFor(() => expect(cellOf(cardanoRow(), 'Capture')).toMatch(/Token Metrics/));
    expect(cellOf(cardanoRow(), 'Multiple')).toBe(formatMultiple(engineMultiple(ada, fitted.base, 16e12)));
  });

  it('stars tokens, keeps them on this device, and filters the watchlist', async () => {
    const user = userEvent.setup();
    renderApp('/');
    await screen.findByRole('table', { name: 'Tokens' });
    const star = within(table()).getByRole('button', { name: 'Watch Bitcoin' });
    expect(star).toHaveAttribute('aria-pressed', 'false');
    await user.click(star);
    await user.click(within(table()).getByRole('button', { name: 'Watch Ethereum' }));
    expect(within(table()).getByRole('button', { name: 'Watch Bitcoin' })).toHaveAttribute('aria-pressed', 'true');
    expect(JSON.parse(window.localStorage.getItem('capbands.watchlist.v1') ?? '[]')).toEqual(['bitcoin', 'ethereum']);
    await user.click(screen.getByRole('checkbox', { name: /Watchlist only/ }));
    await waitFor(() => expect(bodyRows()).toHaveLength(2));
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('watch')).toBe('bitcoin,ethereum'));
  });

  it("reads a shared watchlist link and survives garbage in the bar's keys", () => {
    expect(parseScreenSearch('?watch=cardano,tron').params.watchOnly).toBe(true);
    expect(parseScreenSearch('?watch=cardano,tron').watch).toEqual(['cardano', 'tron']);
    const junk = parseScreenSearch('?m=NaN&case=<script>&x=-5&min=Infinity&watch=%00,../../etc');
    expect(junk.params).toMatchObject({
      marketSize: DEFAULT_SCREEN.marketSize,
      scenarioCase: 'base',
      targetMultiple: DEFAULT_SCREEN.targetMultiple,
      minMultiple: 0,
    });
    expect(junk.watch).toEqual([]);
    const p = {
      ...DEFAULT_SCREEN,
      marketSize: 23e12,
      scenarioCase: 'moon' as const,
      targetMultiple: 10,
      minMultiple: 5,
      captureMode: 'tm' as const,
      horizon: 'max' as const,
      watchOnly: true,
    };
    const back = parseScreenSearch(serializeScreenSearch(p, ['cardano'], '?source=coingecko'));
    expect(back.params).toEqual(p);
    expect(serializeScreenSearch(DEFAULT_SCREEN, null)).toBe('');
  });

  it('reads m= as the detail view does: units, a dollar sign, commas, an exponent; a plain number is dollars', () => {
    expect(m('16T')).toBe(16e12);
    expect(m('$23,000,000,000,000')).toBe(23e12);
    expect(m('1.6e+13')).toBe(1.6e13);
    expect(m('31000000000000usd')).toBe(31e12);
    // Written back exactly (a size no unit rounds to).
    const odd = { ...DEFAULT_SCREEN, marketSize: 16123456789012.5 };
    expect(parseScreenSearch(serializeScreenSearch(odd, null)).params.marketSize).toBe(odd.marketSize);
    expect(m('x'.repeat(100))).toBe(DEFAULT_SCREEN.marketSize);
  });
});
