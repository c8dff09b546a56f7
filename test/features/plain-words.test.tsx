import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { formatUsdCompact } from '../../src/lib/format.ts';
import { useBrowserStore } from '../../src/state/browser-store.ts';
import { useScenarioStore } from '../../src/state/scenario-store.ts';
import { useScreenStore } from '../../src/state/screen-store.ts';
import { renderApp } from '../app/render-app.tsx';
import { snapshotJson } from '../msw.ts';

const snap = snapshotJson as unknown as { market: { totalMarketCap: number; asOf: string } };

beforeEach(() => {
  useScenarioStore.setState(useScenarioStore.getInitialState(), true);
  useBrowserStore.setState(useBrowserStore.getInitialState(), true);
  useScreenStore.setState({ ...useScreenStore.getInitialState(), watchlist: [] }, true);
});

async function openList(search = '') {
  renderApp(`/${search}`);
  return screen.findByRole('table', { name: 'Tokens' });
}

async function openCardano(search = '') {
  renderApp(`/token/cardano${search}`);
  await screen.findByRole('heading', { level: 1, name: 'Cardano (ADA)' });
  return screen.findByRole('table', { name: 'Scenario bands' });
}

describe('the token browser in plain words', () => {
  it('says in one sentence what it answers, with today’s total market and its date', async () => {
    await openList();
    const intro = screen.getByText(/^What would each token be worth if the whole crypto market grew/);
    expect(intro).toHaveTextContent(`Today's total crypto market is ${formatUsdCompact(snap.market.totalMarketCap)} (${snap.market.asOf.slice(0, 10)}`);
  });

  it('explains a column’s term beside its sort button, which keeps the term as its name', async () => {
    const user = userEvent.setup();
    const table = await openList();
    const header = within(table).getByRole('columnheader', { name: /^Needs/ });
    expect(within(header).getByRole('button', { name: 'Needs' })).toBeInTheDocument();
    await user.hover(within(header).getByRole('button', { name: 'Explain' }));
    expect(await screen.findByRole('tooltip')).toHaveTextContent(/^Needs: the total crypto market size/);
  });

  it('hides and shows columns from "Columns"', async () => {
    const user = userEvent.setup();
    const table = await openList();
    await user.click(screen.getByRole('button', { name: 'Columns' }));
    await user.click(screen.getByRole('checkbox', { name: 'Symbol' }));
    expect(table).toHaveClass('hide-symbol');
    await user.click(screen.getByRole('checkbox', { name: 'Symbol' }));
    expect(table).not.toHaveClass('hide-symbol');
  });

  it('links each token in the screener’s scenario (market size, case, captures)', async () => {
    const table = await openList('?m=23T&case=moon&cap=same');
    expect(within(table).getByRole('link', { name: 'Cardano' })).toHaveAttribute('href', '/token/cardano?m=23T&case=moon&cap=same');
  });
});

describe('typed values out of range name the range and what was used', () => {
  it('the screener bar’s market size: 999999T shows 100T and says so', async () => {
    const user = userEvent.setup();
    await openList();
    const size = screen.getByRole('textbox', { name: 'Market size' });
    await user.clear(size);
    await user.type(size, '999999T{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('999999T is above the largest market size the model takes (100T); showing 100T.');
    expect(screen.getByRole('slider', { name: 'Total market size' })).toHaveAttribute('aria-valuetext', '100T');
  });

  it('the detail view’s market size: 0.1T shows 500B and says so', async () => {
    const user = userEvent.setup();
    await openCardano();
    const size = screen.getByRole('textbox', { name: 'Market size' });
    await user.clear(size);
    await user.type(size, '0.1T{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('0.1T is below the smallest market size the model takes (500B); showing 500B.');
    expect(screen.getByRole('slider', { name: 'Total market size' })).toHaveAttribute('aria-valuetext', '500B');
  });

  it('the share: 100% shows 50%, naming the max', async () => {
    const user = userEvent.setup();
    await openCardano();
    const share = screen.getByRole('textbox', { name: 'Share' });
    await user.clear(share);
    await user.type(share, '100%{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('100% is above the largest market share the model takes (50%); showing 50%.');
    expect(screen.getByRole('slider', { name: 'Market share' })).toHaveAttribute('aria-valuetext', '50%');
  });

  it('"Add tier 999999T" is refused with the range named, and the tiers stay', async () => {
    const user = userEvent.setup();
    const table = await openCardano();
    await user.type(screen.getByRole('textbox', { name: 'Add tier' }), '999999T{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('999999T is outside the market sizes the model takes (500B to 100T); no tier added.');
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((th) => th.textContent),
    ).toEqual(['8T', '16T', '23T', '31T']);
  });

  it('a target price past the engine’s limits names them', async () => {
    const user = userEvent.setup();
    await openCardano();
    await user.type(screen.getByRole('textbox', { name: 'Target price' }), '1e20');
    await waitFor(() => expect(document.body).toHaveTextContent('"1e20" is outside the prices the model takes (between $1e-15 and $1Q)'));
  });
});

describe('the detail view opened from the screener', () => {
  it('marks the carried case, uses the carried captures and links back to the same scenario', async () => {
    const table = await openCardano('?m=23T&case=moon&cap=same');
    expect(screen.getByRole('slider', { name: 'Total market size' })).toHaveAttribute('aria-valuetext', '23T');
    expect(within(table).getByRole('columnheader', { name: 'Moon' })).toHaveClass('chosen');
    expect(screen.getByRole('slider', { name: 'Base capture' })).toHaveAttribute('aria-valuetext', '0.75');
    expect(screen.getByRole('link', { name: '← All tokens at 23T, Moon' })).toHaveAttribute('href', '/?m=23T&case=moon&cap=same');
  });
});
