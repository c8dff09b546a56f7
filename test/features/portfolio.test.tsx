import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CAPTURES, portfolioValue, portfolioToday, type PortfolioLine } from '../../src/engine/index.ts';
import { useHoldingsStore } from '../../src/state/holdings-store.ts';
import { renderApp } from '../app/render-app.tsx';
import { snapshotJson } from '../msw.ts';

interface SnapToken {
  id: string;
  name: string;
  symbol: string;
  price: number;
  circulatingSupply: number | null;
}
const snap = snapshotJson as unknown as {
  tokens: SnapToken[];
  market: { totalMarketCap: number };
  observed: Record<string, { bear: number; base: number; moon: number }>;
};
const tok = (id: string): SnapToken => {
  const t = snap.tokens.find((x) => x.id === id);
  if (!t?.circulatingSupply) throw new Error(`${id} missing`);
  return t;
};
const line = (id: string, amount: number): PortfolioLine => {
  const t = tok(id);
  return {
    kind: 'scenario',
    token: { price: t.price, circulatingSupply: t.circulatingSupply ?? 0, totalMarketCap: snap.market.totalMarketCap },
    captures: snap.observed[id] ?? DEFAULT_CAPTURES,
    amount,
  };
};
const usd = (n: number): string => `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

beforeEach(() => {
  useHoldingsStore.setState(useHoldingsStore.getInitialState(), true);
});

describe('portfolio', () => {
  it('adds tokens by name or symbol, takes typed amounts, and values the portfolio with each token its own captures', async () => {
    const user = userEvent.setup();
    renderApp('/portfolio');
    const picker = await screen.findByRole('combobox', { name: 'Token' });
    for (const name of ['Cardano', 'TRX', 'tether']) {
      await user.type(picker, name);
      await user.click(screen.getByRole('button', { name: 'Add holding' }));
    }
    await user.type(screen.getByRole('textbox', { name: 'Amount of Cardano' }), '1,500{Enter}');
    await user.type(screen.getByRole('textbox', { name: 'Amount of TRON' }), '2.5k{Enter}');
    await user.type(screen.getByRole('textbox', { name: 'Amount of Tether USDt' }), '2e3{Enter}');
    const holdings = screen.getByRole('table', { name: 'Holdings' });
    expect(
      within(holdings)
        .getAllByRole('rowheader')
        .map((r) => r.textContent),
    ).toEqual(['Cardano ADA', 'TRON TRX', 'Tether USDt USDT']);
    expect(useHoldingsStore.getState().holdings.map((h) => h.amount)).toEqual([1500, 2500, 2000]);
    await user.type(picker, 'no such coin{Enter}');
    expect(screen.getByText(/^No loaded token is called "no such coin"/)).toHaveAttribute('role', 'alert');
    await user.clear(picker);
    await user.type(picker, 'ADA{Enter}');
    expect(screen.getByText('Cardano is already in your holdings.')).toBeInTheDocument();

    const lines: PortfolioLine[] = [line('cardano', 1500), line('tron', 2500), { kind: 'pegged', price: 1, today: tok('tether').price, amount: 2000 }];
    const table = screen.getByRole('table', { name: 'Portfolio scenarios' });
    expect(within(table).getByRole('row', { name: /^Today/ })).toHaveTextContent(usd(portfolioToday(lines)));
    const row16 = within(table).getByRole('row', { name: /^16T/ });
    const [bear, base, moon] = within(row16).getAllByRole('cell');
    expect(bear).toHaveTextContent(usd(portfolioValue(lines, 'bear', 16e12)));
    expect(base).toHaveTextContent(usd(portfolioValue(lines, 'base', 16e12)));
    expect(moon).toHaveTextContent(usd(portfolioValue(lines, 'moon', 16e12)));
    expect(screen.getByRole('figure', { name: 'Portfolio value chart' })).toBeInTheDocument();

    // Who carries it: sortable by share; the stablecoin stays pegged.
    const parts = screen.getByRole('table', { name: /Contributions/ });
    expect(within(parts).getByRole('row', { name: /Tether/ })).toHaveTextContent('pegged');
    await user.click(within(parts).getByRole('button', { name: /Token/ }));
    expect(
      within(parts)
        .getAllByRole('rowheader')
        .map((r) => r.textContent),
    ).toEqual(['Cardano ADA', 'Tether USDt USDT', 'TRON TRX']);
  });

  it('refuses a negative or unreadable amount with a message, and keeps the last good one', async () => {
    const user = userEvent.setup();
    useHoldingsStore.getState().add({ id: 'cardano', name: 'Cardano', symbol: 'ADA' }, 100);
    renderApp('/portfolio');
    const box = await screen.findByRole('textbox', { name: 'Amount of Cardano' });
    await user.clear(box);
    await user.type(box, '-5{Enter}');
    expect(screen.getByText(/^Amount of Cardano: An amount cannot be negative \("-5"\)/)).toHaveAttribute('role', 'alert');
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(useHoldingsStore.getState().holdings[0]?.amount).toBe(100);
    await user.clear(box);
    await user.type(box, 'lots{Enter}');
    expect(screen.getByText(/^Amount of Cardano: "lots" is not an amount: use a number such as 1500, 1,500, 1.5k or 2e6/)).toHaveAttribute('role', 'alert');
    await user.clear(box);
    await user.type(box, '1.5k{Enter}');
    expect(screen.queryByText(/Amount of Cardano:/)).toBeNull();
    expect(useHoldingsStore.getState().holdings[0]?.amount).toBe(1500);
  });

  it('imports a pasted CSV, lists an unknown symbol, asks which DOGE, and loses nothing on a bad paste', async () => {
    const user = userEvent.setup();
    useHoldingsStore.getState().add({ id: 'cardano', name: 'Cardano', symbol: 'ADA' }, 100);
    renderApp('/portfolio');
    const area = await screen.findByRole('textbox', { name: 'Paste holdings' });
    await user.type(area, 'nothing useful here');
    await user.click(screen.getByRole('button', { name: 'Import holdings' }));
    expect(screen.getByText(/Nothing imported.*your holdings are unchanged/)).toBeInTheDocument();
    expect(useHoldingsStore.getState().holdings).toHaveLength(1);
    expect(area).toHaveValue('nothing useful here');

    await user.clear(area);
    area.focus();
    await user.paste('Asset,Balance\nBTC,0.5\nETH,"1,200"\nNOTACOIN,5\nDOGE,1000\n');
    await user.click(screen.getByRole('button', { name: 'Import holdings' }));
    expect(screen.getByRole('list', { name: 'Not found' })).toHaveTextContent('“NOTACOIN” (line 4)');
    expect(useHoldingsStore.getState().holdings.map((h) => [h.id, h.amount])).toEqual([
      ['cardano', 100],
      ['bitcoin', 0.5],
      ['ethereum', 1200],
    ]);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Token for DOGE' }), 'dogecoin');
    await user.click(screen.getByRole('button', { name: 'Add DOGE' }));
    expect(useHoldingsStore.getState().holdings.at(-1)).toEqual({ id: 'dogecoin', name: 'Dogecoin', symbol: 'DOGE', amount: 1000 });
  });

  it('keeps a token that left the list with "no price", never $0, and says the totals exclude it', async () => {
    useHoldingsStore.getState().add({ id: 'gone-coin', name: 'Gone Coin', symbol: 'GONE' }, 50);
    useHoldingsStore.getState().add({ id: 'cardano', name: 'Cardano', symbol: 'ADA' }, 100);
    renderApp('/portfolio');
    const holdings = await screen.findByRole('table', { name: 'Holdings' });
    const gone = within(holdings).getByRole('row', { name: /Gone Coin/ });
    expect(gone).toHaveTextContent('no price');
    expect(gone).not.toHaveTextContent('$0');
    expect(screen.getByText(/Worth/)).toHaveTextContent('Totals exclude Gone Coin: no price.');
  });

  it('answers a target value per case', async () => {
    const user = userEvent.setup();
    useHoldingsStore.getState().add({ id: 'cardano', name: 'Cardano', symbol: 'ADA' }, 10_000);
    renderApp('/portfolio');
    const box = await screen.findByRole('textbox', { name: 'Target value' });
    await user.type(box, '$20k{Enter}');
    expect(screen.getByRole('status', { name: 'Target value answer' })).toHaveTextContent(
      /^\$20,000\.00 needs a total crypto market of: bear .+; base .+; moon .+\.$/,
    );
    await user.clear(box);
    await user.type(box, '-3{Enter}');
    expect(screen.getAllByRole('alert').some((a) => /cannot be negative/.test(a.textContent ?? ''))).toBe(true);
  });

  it('offers the holdings of a link without touching those on the device until asked', async () => {
    const user = userEvent.setup();
    useHoldingsStore.getState().add({ id: 'cardano', name: 'Cardano', symbol: 'ADA' }, 100);
    renderApp('/portfolio?holdings=bitcoin:0.5,cardano:300');
    const offer = await screen.findByRole('region', { name: 'Holdings in this link' });
    expect(offer).toHaveTextContent("Cardano would take the link's amount");
    expect(useHoldingsStore.getState().holdings).toEqual([{ id: 'cardano', name: 'Cardano', symbol: 'ADA', amount: 100 }]);
    await user.click(within(offer).getByRole('button', { name: "Add the link's holdings to mine" }));
    expect(useHoldingsStore.getState().holdings.map((h) => [h.id, h.amount])).toEqual([
      ['cardano', 300],
      ['bitcoin', 0.5],
    ]);
    expect(screen.queryByRole('region', { name: 'Holdings in this link' })).toBeNull();
    // Once chosen, the address drops the link's holdings: a reload does not ask again.
    await waitFor(() => expect(window.location.search).toBe(''));
  });

  it('keeps the tier, case and target in the address, and names a value it ignored', async () => {
    const user = userEvent.setup();
    useHoldingsStore.getState().add({ id: 'cardano', name: 'Cardano', symbol: 'ADA' }, 10_000);
    const first = renderApp('/portfolio?source=snapshot&tier=31T&case=moon&t=20k');
    expect(await screen.findByRole('status', { name: 'Target value answer' })).toHaveTextContent(/^\$20,000\.00 needs/);
    expect(screen.getByRole('textbox', { name: 'Target value' })).toHaveValue('20k');
    expect(screen.getByRole('radio', { name: '31T' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Moon' })).toBeChecked();
    expect(screen.getByRole('table', { name: 'Contributions' })).toHaveTextContent('At 31T, moon case');

    // Each choice reaches the address (after the pause every view's address waits for), keys it does not own kept.
    await user.click(screen.getByRole('radio', { name: '8T' }));
    expect(screen.getByText(/Worth/)).toHaveTextContent('if the crypto market reaches 8T');
    await user.click(screen.getByRole('radio', { name: 'Bear' }));
    const box = screen.getByRole('textbox', { name: 'Target value' });
    await user.clear(box);
    await user.type(box, '1.5M{Enter}');
    await waitFor(() => expect(window.location.search).toBe('?source=snapshot&tier=8T&case=bear&t=1.5M'));
    // The copied link is up to date at once, before the address bar is.
    await user.click(screen.getByRole('radio', { name: 'Moon' }));
    await user.click(screen.getByRole('button', { name: 'Copy link with amounts' }));
    expect(new URL(await navigator.clipboard.readText()).search).toBe('?holdings=cardano:10000&tier=8T&case=moon&t=1.5M');
    // Back to the defaults: the address leaves them out.
    await user.click(screen.getByRole('radio', { name: '16T' }));
    await user.click(screen.getByRole('radio', { name: 'Base' }));
    await user.clear(box);
    await user.tab();
    await waitFor(() => expect(window.location.search).toBe('?source=snapshot'));
    first.unmount();

    renderApp('/portfolio?tier=17T&case=sideways&t=-4');
    const notes = await screen.findByRole('note', { name: 'Link notices' });
    expect(notes).toHaveTextContent('tier "17T" is not one of 8T, 16T, 23T, 31T; showing 16T.');
    expect(notes).toHaveTextContent('case "sideways" is not bear, base or moon; showing base.');
    expect(notes).toHaveTextContent('t: A target value cannot be negative');
    // The link shows in the form it was used in.
    await waitFor(() => expect(window.location.search).toBe(''));
    // A choice of the key a notice was about clears that notice.
    await user.click(screen.getByRole('radio', { name: '23T' }));
    expect(notes).not.toHaveTextContent('tier "17T"');
    expect(notes).toHaveTextContent('case "sideways"');
  });

  it('reads a link to /portfolio followed from the view itself as a new arrival', async () => {
    const user = userEvent.setup();
    useHoldingsStore.getState().add({ id: 'cardano', name: 'Cardano', symbol: 'ADA' }, 10_000);
    renderApp('/portfolio?tier=8T&t=20k');
    expect(await screen.findByRole('radio', { name: '8T' })).toBeChecked();
    await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Portfolio' }));
    expect(screen.getByRole('radio', { name: '16T' })).toBeChecked();
    expect(screen.getByRole('textbox', { name: 'Target value' })).toHaveValue('');
    expect(screen.getByText(/Worth/)).toHaveTextContent('if the crypto market reaches 16T');
  });
});
