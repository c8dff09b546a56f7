import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CAPTURES, requiredMarketSize, scenarioCell, tierLabel } from '../../src/engine/index.ts';
import { formatMultiple } from '../../src/lib/format.ts';
import { renderApp } from '../app/render-app.tsx';
import { snapshotJson } from '../msw.ts';

interface SnapToken { id: string; name: string; price: number; circulatingSupply: number | null; maxSupply: number | null }
const snap = snapshotJson as unknown as { tokens: SnapToken[]; market: { totalMarketCap: number } };
const input = (id: string, horizon: 'circ' | 'max' = 'circ') => {
  const t = snap.tokens.find((x) => x.id === id);
  if (!t?.circulatingSupply) throw new Error(`${id} missing`);
  const base = { price: t.price, circulatingSupply: t.circulatingSupply, totalMarketCap: snap.market.totalMarketCap };
  return horizon === 'max' && t.maxSupply && t.maxSupply > t.circulatingSupply ? { ...base, horizonSupply: t.maxSupply } : base;
};

describe('compare', () => {
  it('shows each token\'s multiples per tier and the market size each needs', async () => {
    renderApp('/compare?ids=cardano,tron,ripple&h=max');
    const table = await screen.findByRole('table', { name: 'Multiples' }, { timeout: 5000 });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent?.trim())).toEqual(['ADA', 'TRX', 'XRP']);
    const xrp = input('ripple', 'max');
    const cells = within(rows[2] as HTMLElement).getAllByRole('cell');
    expect(cells[1]?.textContent).toContain(formatMultiple(scenarioCell(xrp, DEFAULT_CAPTURES.base, 16e12).multiple));
    const needs10 = requiredMarketSize(xrp, DEFAULT_CAPTURES.base, xrp.price * 10);
    expect(cells.at(-1)?.textContent).toBe(needs10 === null ? 'beyond reach' : tierLabel(needs10));
    expect(screen.getByRole('figure', { name: 'Compare chart' })).toBeInTheDocument();
    expect(screen.queryByRole('note')).toBeNull(); // dilution sets them apart: no "all alike" note
  });

  it('adds and removes tokens and keeps them in the link', async () => {
    const user = userEvent.setup();
    renderApp('/compare?ids=cardano');
    await screen.findByRole('table', { name: 'Multiples' }, { timeout: 5000 });
    await user.type(screen.getByRole('combobox', { name: 'Add token' }), 'TRX{Enter}');
    expect(new URLSearchParams(window.location.search).get('ids')).toBe('cardano,tron');
    await user.type(screen.getByRole('combobox', { name: 'Add token' }), 'nonexistent coin{Enter}');
    expect(await screen.findByText(/No loaded token is called/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remove Cardano' }));
    expect(new URLSearchParams(window.location.search).get('ids')).toBe('tron');
  });

  it('says when shared captures make every token alike, and ignores unknown ids', async () => {
    renderApp('/compare?ids=cardano,tron,not-a-token');
    await screen.findByRole('table', { name: 'Multiples' }, { timeout: 5000 });
    expect(screen.getByText(/every token's multiple is the same/)).toBeInTheDocument();
    expect(screen.getByRole('note', { name: 'Link notices' })).toHaveTextContent('No token "not-a-token" is loaded');
  });
});
