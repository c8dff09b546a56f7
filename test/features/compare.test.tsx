import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CAPTURES, requiredMarketSize, scenarioCell, tierLabel } from '../../src/engine/index.ts';
import { formatMultiple } from '../../src/lib/format.ts';
import { renderApp } from '../app/render-app.tsx';
import { snapshotJson } from '../msw.ts';

interface SnapToken {
  id: string;
  name: string;
  price: number;
  circulatingSupply: number | null;
  maxSupply: number | null;
}
const snap = snapshotJson as unknown as { tokens: SnapToken[]; market: { totalMarketCap: number }; observed: Record<string, { base: number }> };
/** The base capture a token uses by default: its observed one, else the default. */
const ownBase = (id: string): number => snap.observed[id]?.base ?? DEFAULT_CAPTURES.base;
const input = (id: string, horizon: 'circ' | 'max' = 'circ') => {
  const t = snap.tokens.find((x) => x.id === id);
  if (!t?.circulatingSupply) throw new Error(`${id} missing`);
  const base = { price: t.price, circulatingSupply: t.circulatingSupply, totalMarketCap: snap.market.totalMarketCap };
  return horizon === 'max' && t.maxSupply && t.maxSupply > t.circulatingSupply ? { ...base, horizonSupply: t.maxSupply } : base;
};

describe('compare', () => {
  it("shows each token's multiples per tier and the market size each needs", async () => {
    renderApp('/compare?ids=cardano,tron,ripple&h=max');
    const table = await screen.findByRole('table', { name: 'Multiples' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent?.trim())).toEqual(['ADA', 'TRX', 'XRP']);
    const xrp = input('ripple', 'max');
    const cells = within(rows[2] as HTMLElement).getAllByRole('cell');
    expect(snap.observed['ripple']).toBeDefined();
    expect(cells[0]?.textContent).toMatch(/observed/);
    expect(cells[2]?.textContent).toContain(formatMultiple(scenarioCell(xrp, ownBase('ripple'), 16e12).multiple));
    const needs10 = requiredMarketSize(xrp, ownBase('ripple'), xrp.price * 10);
    expect(cells.at(-1)?.textContent).toBe(needs10 === null ? 'beyond reach' : tierLabel(needs10));
    expect(screen.getByRole('figure', { name: 'Compare chart' })).toBeInTheDocument();
    expect(screen.queryByRole('note')).toBeNull(); // dilution sets them apart: no "all alike" note
  });

  it('adds and removes tokens and keeps them in the link', async () => {
    const user = userEvent.setup();
    renderApp('/compare?ids=cardano');
    await screen.findByRole('table', { name: 'Multiples' });
    await user.type(screen.getByRole('combobox', { name: 'Add token' }), 'TRX{Enter}');
    // The address follows the view once changes pause (as every view's).
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('ids')).toBe('cardano,tron'));
    await user.type(screen.getByRole('combobox', { name: 'Add token' }), 'nonexistent coin{Enter}');
    expect(await screen.findByText(/No loaded token is called/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remove Cardano' }));
    expect(screen.queryByRole('button', { name: 'Remove Cardano' })).toBeNull();
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('ids')).toBe('tron'));
  });

  it('says when shared captures make every token alike, and ignores unknown ids', async () => {
    renderApp('/compare?ids=cardano,tron,not-a-token&cap=same');
    await screen.findByRole('table', { name: 'Multiples' });
    expect(screen.getByText(/every token's multiple is the same/)).toBeInTheDocument();
    expect(screen.getByRole('note', { name: 'Link notices' })).toHaveTextContent('No token "not-a-token" is loaded');
  });

  it("uses each token's own captures by default, names their source, and leaves a stablecoin out", async () => {
    renderApp('/compare?ids=cardano,tron,tether');
    const table = await screen.findByRole('table', { name: 'Multiples' });
    expect(screen.getByRole('radio', { name: 'Per token' })).toBeChecked();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent?.trim())).toEqual(['ADA', 'TRX']);
    expect(within(rows[0] as HTMLElement).getAllByRole('cell')[0]?.textContent).toMatch(/observed|no history/);
    const ada = within(rows[0] as HTMLElement).getAllByRole('cell')[2]?.textContent;
    expect(ada).toContain(formatMultiple(scenarioCell(input('cardano'), ownBase('cardano'), 16e12).multiple));
    expect(screen.getByRole('note', { name: 'Link notices' })).toHaveTextContent('Tether USDt is pegged to USD');
    expect(screen.queryByText(/every token's multiple is the same/)).toBeNull();
  });
});
