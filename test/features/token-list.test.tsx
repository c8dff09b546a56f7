import { act, configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useBrowserStore } from '../../src/state/browser-store.ts';
import { useSettingsStore } from '../../src/state/settings-store.ts';
import { renderApp } from '../app/render-app.tsx';
import { server, snapshotJson } from '../msw.ts';

// Other suites may share these two cores: give async queries room before calling a slow answer a failure.
configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 20_000 });

interface SnapToken {
  id: string;
  cmcId: number;
  name: string;
  symbol: string;
  rank: number;
  marketCap: number | null;
}
interface SnapFile {
  tokens: SnapToken[];
  grades: Record<string, { tmGrade?: { rating: string; value: number }; traderGrade?: { value: number }; signal?: { trend: 'bullish' | 'bearish' } }>;
}
const snap = snapshotJson as unknown as SnapFile;
const byRank = [...snap.tokens].sort((a, b) => a.rank - b.rank);
const TOTAL = snap.tokens.length;

/** What the search should find, computed from the data: name or symbol contains the text. */
function matching(tokens: readonly SnapToken[], text: string): SnapToken[] {
  const needle = text.toLowerCase();
  return tokens.filter((t) => t.name.toLowerCase().includes(needle) || t.symbol.toLowerCase().includes(needle));
}

let tableElement: HTMLElement | null = null;

/** The "Tokens" table, found by role and name once per render (role queries are slow on a big jsdom tree). */
function table(): HTMLElement {
  if (!tableElement?.isConnected) tableElement = screen.getByRole('table', { name: 'Tokens' });
  return tableElement;
}

/** Data rows in the DOM (the header row and the aria-hidden spacers left out). */
function bodyRows(): HTMLElement[] {
  return Array.from(table().querySelectorAll<HTMLElement>('tbody tr:not([aria-hidden="true"])'));
}

/** The token names of the rows in the DOM, top to bottom (each row's link). */
function shownNames(): string[] {
  return bodyRows().map((row) => row.querySelector('a[href^="/token/"]')?.textContent ?? '');
}

function status(): HTMLElement {
  const found = screen.getAllByRole('status').find((el) => /tokens/.test(el.textContent ?? ''));
  if (!found) throw new Error('no token count status');
  return found;
}

function columnIndex(name: string): number {
  const headers = within(table()).getAllByRole('columnheader');
  const index = headers.findIndex((h) => within(h).queryByRole('button', { name }) !== null);
  if (index < 0) throw new Error(`no column ${name}`);
  return index;
}

async function openList() {
  renderApp('/');
  tableElement = await screen.findByRole('table', { name: 'Tokens' });
}

beforeEach(() => {
  useBrowserStore.setState(useBrowserStore.getInitialState(), true);
  useSettingsStore.setState(useSettingsStore.getInitialState(), true);
});

/** A header's sort button (beside it, a term's "?" is named "Explain"). */
const notExplain = (name: string): boolean => name !== 'Explain';

describe('token browser on the snapshot', () => {
  it('lists the tokens by rank, says how many, and keeps far fewer rows than tokens in the DOM', async () => {
    await openList();
    expect(status()).toHaveTextContent(new RegExp(`^${TOTAL} tokens · `));
    const names = shownNames();
    expect(names.length).toBeGreaterThan(5);
    expect(names.length).toBeLessThan(60);
    // What assistive technology sees: the header row and the rows on screen, not 500.
    expect(within(table()).getAllByRole('row')).toHaveLength(names.length + 1);
    expect(names).toEqual(byRank.slice(0, names.length).map((t) => t.name));
    expect(table()).toHaveAttribute('aria-rowcount', String(TOTAL + 1));
    expect(document.body.textContent).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('filters as you type in "Search tokens"', async () => {
    const user = userEvent.setup();
    await openList();
    const search = screen.getByRole('searchbox', { name: 'Search tokens' });
    const expected = matching(snap.tokens, 'cardano');
    expect(expected.map((t) => t.id)).toContain('cardano');
    await user.type(search, 'cardano');
    await waitFor(() => expect(status()).toHaveTextContent(`${expected.length} of ${TOTAL} tokens match`));
    expect(status()).toHaveTextContent(/^1 of 500 tokens match/);
    expect(within(table()).getByRole('link', { name: 'Cardano' })).toHaveAttribute('href', '/token/cardano');
    expect(shownNames()).toEqual(expected.map((t) => t.name));

    // By symbol, case-insensitive.
    await user.clear(search);
    await user.type(search, 'TrX');
    const trx = matching(byRank, 'trx');
    await waitFor(() => expect(shownNames()).toEqual(trx.slice(0, 60).map((t) => t.name)));
    expect(shownNames()).toContain('TRON');

    await user.clear(search);
    await user.type(search, 'zzqx');
    expect(await screen.findByText(/No token matches/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear search and filters' }));
    await waitFor(() => expect(status()).toHaveTextContent(new RegExp(`^${TOTAL} tokens`)));
    expect(search).toHaveValue('');
  });

  it('keeps what is typed in the search box, and shows a search set elsewhere', async () => {
    // No pause between keys: the typing must end before the list's settle timer could fire.
    const user = userEvent.setup({ delay: null });
    await openList();
    const search = screen.getByRole('searchbox', { name: 'Search tokens' });
    await waitFor(() => expect(status()).toHaveTextContent(/tokens/));
    await user.type(search, 'tron');
    expect(search).toHaveValue('tron');
    expect(useBrowserStore.getState().search).toBe('tron');
    await waitFor(() => expect(shownNames()).toContain('TRON'));
    // The store caps a search at 100 characters; the box shows what the store holds.
    await user.clear(search);
    await user.click(search);
    await user.paste('x'.repeat(150));
    expect(search).toHaveValue('x'.repeat(100));
    // A search from elsewhere (the store, as a link sets it) replaces what the box shows.
    act(() => useBrowserStore.getState().setSearch('cardano'));
    expect(search).toHaveValue('cardano');
    await waitFor(() => expect(shownNames()).toEqual(['Cardano']));
  });

  it('filters by "Rating" and "Signal" as the snapshot grades say', async () => {
    const user = userEvent.setup();
    await openList();
    const rating = screen.getByRole('combobox', { name: 'Rating' });
    expect(
      within(rating)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Any', 'Strong Buy', 'Buy', 'Neutral', 'Sell', 'Strong Sell']);
    for (const word of ['Sell', 'Strong Sell', 'Buy']) {
      const expected = byRank.filter((t) => snap.grades[t.id]?.tmGrade?.rating === word);
      await user.selectOptions(rating, word);
      if (expected.length === 0) {
        expect(await screen.findByText(/No token matches/)).toBeInTheDocument();
      } else {
        await waitFor(() => expect(shownNames()).toEqual(expected.map((t) => t.name)));
        expect(status()).toHaveTextContent(`${expected.length} of ${TOTAL} tokens match`);
      }
    }
    await user.selectOptions(rating, 'Any');

    const signal = screen.getByRole('combobox', { name: 'Signal' });
    expect(
      within(signal)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Any', 'Bullish', 'Bearish']);
    for (const [word, trend] of [
      ['Bullish', 'bullish'],
      ['Bearish', 'bearish'],
    ] as const) {
      const expected = byRank.filter((t) => snap.grades[t.id]?.signal?.trend === trend);
      expect(expected.length).toBeGreaterThan(0);
      await user.selectOptions(signal, word);
      await waitFor(() => expect(status()).toHaveTextContent(`${expected.length} of ${TOTAL} tokens match`));
      const names = shownNames();
      expect(names).toEqual(expected.slice(0, names.length).map((t) => t.name));
      const signalCol = columnIndex('Signal');
      for (const row of bodyRows()) expect((row as HTMLTableRowElement).cells[signalCol]).toHaveTextContent(word);
    }
  });

  it('sorts by each column header button; unknown values stay last', async () => {
    const user = userEvent.setup();
    await openList();
    const headers = within(table()).getAllByRole('columnheader');
    expect(
      headers.map((h) =>
        within(h)
          .getByRole('button', { name: notExplain })
          .textContent?.replace(/[▲▼\s]+$/u, ''),
      ),
    ).toEqual(expect.arrayContaining(['Rank', 'Name', 'Symbol', 'Price', 'Market cap', '30d', 'TM Grade', 'Signal']));
    expect(headers[columnIndex('Rank')]).toHaveAttribute('aria-sort', 'ascending');

    const withCap = snap.tokens.filter((t) => t.marketCap !== null);
    const largest = withCap.reduce((a, b) => ((b.marketCap ?? 0) > (a.marketCap ?? 0) ? b : a));
    const smallest = withCap.reduce((a, b) => ((b.marketCap ?? 0) < (a.marketCap ?? 0) ? b : a));
    const cap = within(table()).getByRole('button', { name: 'Market cap' });
    await user.click(cap);
    await waitFor(() => expect(shownNames()[0]).toBe(largest.name));
    expect(cap.closest('th')).toHaveAttribute('aria-sort', 'descending');
    expect(headers[columnIndex('Rank')]).not.toHaveAttribute('aria-sort');
    await user.click(cap);
    await waitFor(() => expect(shownNames()[0]).toBe(smallest.name));
    expect(cap.closest('th')).toHaveAttribute('aria-sort', 'ascending');

    // Every header sorts: its th says so, and the list still shows rows.
    for (const header of within(table()).getAllByRole('columnheader')) {
      await user.click(within(header).getByRole('button', { name: notExplain }));
      expect(header).toHaveAttribute('aria-sort');
      expect(bodyRows().length).toBeGreaterThan(0);
    }

    // By TM Grade: the graded tokens come first in grade order, both ways; then the unknown ones by rank.
    const grade = (t: SnapToken) => snap.grades[t.id]?.tmGrade?.value ?? null;
    const graded = byRank.filter((t) => grade(t) !== null).toSorted((a, b) => (grade(b) ?? 0) - (grade(a) ?? 0));
    const ungraded = byRank.filter((t) => grade(t) === null);
    expect(graded.length).toBeGreaterThan(1);
    const tmButton = within(table()).getByRole('button', { name: 'TM Grade' });
    await user.click(within(table()).getByRole('button', { name: 'Rank' }));
    await user.click(tmButton);
    expect(tmButton.closest('th')).toHaveAttribute('aria-sort', 'descending');
    await waitFor(() => expect(shownNames().slice(0, graded.length)).toEqual(graded.map((t) => t.name)));
    expect(shownNames().slice(graded.length)).toEqual(ungraded.slice(0, shownNames().length - graded.length).map((t) => t.name));
    await user.click(tmButton);
    await waitFor(() => expect(shownNames().slice(0, graded.length)).toEqual(graded.map((t) => t.name).toReversed()));
    expect(shownNames()[graded.length]).toBe(ungraded[0]?.name);
  });

  it('shows an unknown grade as "not available", never as 0', async () => {
    await openList();
    const ungraded = byRank.slice(0, 10).find((t) => !snap.grades[t.id]?.tmGrade);
    expect(ungraded).toBeDefined();
    const row = within(table())
      .getByRole('link', { name: ungraded?.name ?? '' })
      .closest('tr');
    expect(row).not.toBeNull();
    const cells = within(row ?? document.body).getAllByRole('cell');
    let checked = 0;
    for (const column of ['TM Grade', 'Trader Grade', 'Signal']) {
      const cell = cells[columnIndex(column)];
      const grades = snap.grades[ungraded?.id ?? ''];
      const known = { 'TM Grade': grades?.tmGrade, 'Trader Grade': grades?.traderGrade, Signal: grades?.signal }[column];
      if (known) continue;
      checked += 1;
      expect(within(cell ?? document.body).getByRole('img', { name: 'not available' })).toBeInTheDocument();
      expect(cell?.textContent).not.toMatch(/\d/);
    }
    expect(checked).toBeGreaterThan(0);
    // A graded token shows its number and rating word.
    const cardano = within(table()).getByRole('link', { name: 'Cardano' }).closest('tr');
    expect(within(cardano ?? document.body).getAllByRole('cell')[columnIndex('TM Grade')]).toHaveTextContent(/^\d+\.\d (Strong )?(Buy|Neutral|Sell)$/);
  });
});

describe('token browser without data', () => {
  it('says the snapshot cannot be read instead of loading forever', async () => {
    server.use(http.get('*/data/snapshot.json', () => HttpResponse.html('<!doctype html><title>404</title>')));
    renderApp('/');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Token data unavailable from Embedded snapshot: invalid response (HTML instead of JSON). Showing nothing: reload the page to try again.',
    );
    expect(await screen.findByText('No token data to show.')).toBeInTheDocument();
    expect(screen.queryByText('Loading…')).toBeNull();
  });
});

/** The snapshot with every token cloned `copies` times (unique ids, ranks and names). */
function enlarged(copies: number) {
  const file = structuredClone(snapshotJson) as unknown as SnapFile & Record<string, unknown>;
  const base = file.tokens;
  const tokens = [...base];
  for (let k = 1; k < copies; k++) {
    for (const t of base) tokens.push({ ...t, id: `${t.id}-copy${k}`, cmcId: t.cmcId + k * 1_000_000, name: `${t.name} ${k}`, rank: t.rank + k * base.length });
  }
  return { ...file, tokens };
}

describe('token browser with 5,000 tokens', () => {
  it('keeps the DOM small and the search right', async () => {
    const big = enlarged(10);
    server.use(http.get('*/data/snapshot.json', () => HttpResponse.json(big)));
    const user = userEvent.setup();
    await openList();
    expect(status()).toHaveTextContent(/^5000 tokens · /);
    expect(within(table()).getAllByRole('row').length).toBeLessThan(60);

    await user.type(screen.getByRole('searchbox', { name: 'Search tokens' }), 'cardano');
    const expected = matching(
      big.tokens.toSorted((a, b) => a.rank - b.rank),
      'cardano',
    );
    expect(expected).toHaveLength(10);
    await waitFor(() => expect(status()).toHaveTextContent(`${expected.length} of 5000 tokens match`));
    expect(shownNames()).toEqual(expected.map((t) => t.name));
    expect(bodyRows().length).toBeLessThan(60);

    await user.click(within(table()).getByRole('button', { name: 'Rank' }));
    await waitFor(() => expect(shownNames()).toEqual(expected.map((t) => t.name).toReversed()));
  });
});
