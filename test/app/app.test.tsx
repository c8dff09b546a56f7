import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from './render-app.tsx';

describe('the app shell and its routes', () => {
  it('/ lists the tokens with a link to each', async () => {
    renderApp('/');
    const table = await screen.findByRole('table', { name: 'Tokens' });
    const links = within(table).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toContain('/token/cardano');
    expect(screen.getByRole('status')).toHaveTextContent(/^500 tokens · .+ · prices of 2026-01-09, \d+ months old$/);
    expect(screen.getAllByText(/Not financial advice/)).toHaveLength(1);
  });

  it('/token/cardano shows the heading and the 4 x 3 scenario table', async () => {
    renderApp('/token/cardano');
    expect(await screen.findByRole('heading', { level: 1, name: 'Cardano (ADA)' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Scenario bands' });
    const rowHeaders = within(table)
      .getAllByRole('rowheader')
      .map((th) => th.textContent);
    expect(rowHeaders).toEqual(['8T', '16T', '23T', '31T']);
    const cells = within(table).getAllByRole('cell');
    expect(cells).toHaveLength(12);
    for (const cell of cells) expect(cell.textContent).toMatch(/^\$[\d.]+ [\d.]+x$/);
    expect(screen.getAllByText(/Not financial advice/)).toHaveLength(1);
  });

  it('clicking a token opens it without a reload, and back returns', async () => {
    const user = userEvent.setup();
    renderApp('/');
    const table = await screen.findByRole('table', { name: 'Tokens' });
    await user.click(within(table).getByRole('link', { name: 'TRON' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'TRON (TRX)' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/token/tron');
    window.history.back();
    await waitFor(() => expect(window.location.pathname).toBe('/'));
    expect(await screen.findByRole('table', { name: 'Tokens' })).toBeInTheDocument();
  });

  it('a sub-cent token never shows $0', async () => {
    renderApp('/token/shiba-inu');
    const table = await screen.findByRole('table', { name: 'Scenario bands' });
    for (const cell of within(table).getAllByRole('cell')) {
      expect(cell.textContent).not.toMatch(/\$0(\.0+)?\s/);
      expect(cell.textContent).toMatch(/\$0\.0[₀-₉]+\d+/);
    }
  });

  it('unknown tokens and pages say so', async () => {
    renderApp('/token/%E0%A4%A');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    renderApp('/token/nope');
    expect(await screen.findByRole('heading', { level: 1, name: 'Token not found' })).toBeInTheDocument();
  });

  it('/settings renders', async () => {
    renderApp('/settings');
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
  });
});
