import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { datasetFromSnapshot } from '../../src/data/providers/snapshot.ts';
import { DEFAULT_TIERS } from '../../src/engine/index.ts';
import { portfolioCsvRows, portfolioFigureText } from '../../src/features/portfolio/portfolio-export.ts';
import { portfolioSummary } from '../../src/features/portfolio/portfolio-model.ts';
import { useHoldingsStore, type Holding } from '../../src/state/holdings-store.ts';
import { useSettingsStore } from '../../src/state/settings-store.ts';
import { renderApp } from '../app/render-app.tsx';
import { snapshotJson } from '../msw.ts';

const dataset = datasetFromSnapshot(snapshotJson);
const holdings: Holding[] = [
  { id: 'cardano', name: 'Cardano', symbol: 'ADA', amount: 1500 },
  { id: 'tether', name: 'Tether USDt', symbol: 'USDT', amount: 2000 },
  { id: 'gone-coin', name: 'Gone Coin', symbol: 'GONE', amount: 5 },
];
const summary = portfolioSummary(holdings, dataset, DEFAULT_TIERS);

const col = (rows: ReturnType<typeof portfolioCsvRows>, name: string): number => rows[0]?.indexOf(name) ?? -1;

beforeEach(() => {
  useHoldingsStore.setState(useHoldingsStore.getInitialState(), true);
});

describe('portfolio exports', () => {
  it("the figure names the holdings, the assumptions and the data's date; amounts only when asked", () => {
    const plain = portfolioFigureText(summary, dataset, false, 50_000);
    const all = [plain.title, plain.subtitle, ...plain.footer].join('\n');
    expect(plain.subtitle).toBe('Holdings: Cardano (ADA), Tether USDt (USDT)');
    expect(all).toMatch(/ADA (observed|no history: default) [\d.]+ \/ [\d.]+ \/ [\d.]+/);
    expect(all).toContain('USDT pegged to USD');
    expect(all).toContain('Totals exclude Gone Coin: no price');
    expect(all).toContain('prices as of 2026-01-09');
    expect(all).toContain('Target value: $50,000.00');
    expect(all).not.toMatch(/1,500|2,000 USDT/);
    expect(portfolioFigureText(summary, dataset, true, null).subtitle).toBe('Holdings: 1,500 ADA, 2,000 USDT');
  });

  it('the CSV fills the amount column only when asked, and lists what it left out', () => {
    const without = portfolioCsvRows(summary, dataset, false);
    expect(without.slice(1).every((r) => r[col(without, 'amount')] === null)).toBe(true);
    const withAmounts = portfolioCsvRows(summary, dataset, true);
    expect(withAmounts.find((r) => r[0] === 'Cardano')?.[col(withAmounts, 'amount')]).toBe(1500);
    expect(withAmounts.at(-1)).toEqual(expect.arrayContaining(['Gone Coin', 'left out: no price: not in the loaded list']));
    const total = withAmounts.find((r) => r[0] === 'Portfolio total' && r[3] === '16T' && r[5] === 'base');
    expect(total?.[col(withAmounts, 'value_usd')]).toBe(summary.rows[1]?.base.value);
  });

  it('"Copy link with amounts" copies the holdings and nothing else (never a key)', async () => {
    const user = userEvent.setup();
    useSettingsStore.getState().setKey('coingeckoKey', 'CG-secret-key-123');
    for (const h of holdings.slice(0, 2)) useHoldingsStore.getState().add(h, h.amount);
    renderApp('/portfolio?source=snapshot');
    await user.click(await screen.findByRole('button', { name: 'Copy link with amounts' }));
    const link = await navigator.clipboard.readText();
    expect(new URL(link).pathname).toBe('/portfolio');
    expect(new URL(link).search).toBe('?holdings=cardano:1500,tether:2000');
    expect(link).not.toContain('secret');
    useSettingsStore.getState().setKey('coingeckoKey', '');
  });
});
