import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CAPTURES, DEFAULT_TIERS, requiredMarketSize, scenarioTable, tierLabel, type Captures } from '../../src/engine/index.ts';
import { shareFor } from '../../src/features/token-detail/scenario-view.ts';
import { reachSentence } from '../../src/features/token-detail/target-price.tsx';
import { formatPrice, formatShare } from '../../src/lib/format.ts';
import { navigate } from '../../src/lib/location.ts';
import { useScenarioStore } from '../../src/state/scenario-store.ts';
import { renderApp } from '../app/render-app.tsx';
import { snapshotJson } from '../msw.ts';

interface SnapToken {
  id: string;
  price: number;
  circulatingSupply: number | null;
  maxSupply: number | null;
}
const snap = snapshotJson as unknown as { tokens: SnapToken[]; market: { totalMarketCap: number }; observed: Record<string, Captures> };
/** Cardano's own captures: what its view opens with when the link sets none. */
const adaOwn: Captures = {
  bear: snap.observed['cardano']?.bear ?? NaN,
  base: snap.observed['cardano']?.base ?? NaN,
  moon: snap.observed['cardano']?.moon ?? NaN,
};
const ada = snap.tokens.find((t) => t.id === 'cardano');
if (!ada?.circulatingSupply) throw new Error('cardano missing from the snapshot');
const adaInput = { price: ada.price, circulatingSupply: ada.circulatingSupply, totalMarketCap: snap.market.totalMarketCap };

beforeEach(() => {
  useScenarioStore.setState(useScenarioStore.getInitialState(), true);
});

async function openCardano(search = '') {
  renderApp(`/token/cardano${search}`);
  await screen.findByRole('heading', { level: 1, name: 'Cardano (ADA)' });
  return screen.findByRole('table', { name: 'Scenario bands' });
}

describe('token detail', () => {
  it("shows the engine's table for the snapshot token, the chart and every control by name", async () => {
    const table = await openCardano();
    // With no captures in the link, the token's own (observed) captures drive its table.
    expect(adaOwn.base).not.toBe(DEFAULT_CAPTURES.base);
    expect(useScenarioStore.getState().captures).toEqual(adaOwn);
    const expected = scenarioTable(adaInput, adaOwn, DEFAULT_TIERS);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(4);
    rows.forEach((row, i) => {
      const cells = within(row).getAllByRole('cell');
      expect(cells[1]?.textContent).toContain(formatPrice(expected[i]?.base.price));
    });
    expect(screen.getByRole('figure', { name: 'Price bands chart' })).toBeInTheDocument();
    for (const name of ['Total market size', 'Market share', 'Bear capture', 'Base capture', 'Moon capture']) {
      expect(screen.getByRole('slider', { name })).toBeInTheDocument();
    }
    expect(screen.getByRole('slider', { name: 'Total market size' })).toHaveAttribute('aria-valuetext', '16T');
    expect(screen.getByRole('textbox', { name: 'Target price' })).toBeInTheDocument();
    expect(screen.getAllByText(/Not financial advice/)).toHaveLength(1);
    expect(document.body.textContent).not.toMatch(/NaN|Infinity/);
  });

  it('keeps a stablecoin at its peg: $1.00 in every cell, no multiple, no sliders', async () => {
    renderApp('/token/tether');
    await screen.findByRole('heading', { level: 1, name: /Tether/ });
    const table = await screen.findByRole('table', { name: 'Scenario bands' });
    const cells = within(table).getAllByRole('cell');
    expect(cells).toHaveLength(12);
    for (const cell of cells) expect(cell).toHaveTextContent(/^\$1\.00 pegged$/);
    expect(screen.getByRole('note')).toHaveTextContent('pegged to USD');
    expect(screen.queryByRole('slider', { name: 'Total market size' })).toBeNull();
  });

  it('moves the market size and writes it into the URL', async () => {
    await openCardano();
    const slider = screen.getByRole('slider', { name: 'Total market size' });
    fireEvent.change(slider, { target: { value: '200' } });
    expect(slider).toHaveAttribute('aria-valuetext', '100T');
    // The sentences follow (a deferred render); their region is busy only while they catch up.
    const answers = screen.getByRole('region', { name: 'Answers' });
    expect(await screen.findByText(/^At a 100T total market:/)).toBeInTheDocument();
    expect(answers).toHaveAttribute('aria-busy', 'false');
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('m')).toBe('100T'));
  });

  it('follows market-size steps in the slider, its box and the share at once, then in the chart and the sentences', async () => {
    await openCardano();
    const slider = screen.getByRole('slider', { name: 'Total market size' });
    const answers = screen.getByRole('region', { name: 'Answers' });
    const shareBefore = screen.getByRole('slider', { name: 'Market share' }).getAttribute('aria-valuetext');
    fireEvent.change(slider, { target: { value: String(Number((slider as HTMLInputElement).value) + 1) } });
    fireEvent.change(slider, { target: { value: String(Number((slider as HTMLInputElement).value) + 20) } });
    const marketSize = useScenarioStore.getState().marketSize;
    const label = tierLabel(marketSize);
    expect(slider).toHaveAttribute('aria-valuetext', label);
    expect(screen.getByRole('textbox', { name: 'Market size' })).toHaveValue(label);
    // The share follows the base case, so it moves with the market size.
    const share = shareFor(adaInput, useScenarioStore.getState());
    expect(screen.getByRole('slider', { name: 'Market share' })).toHaveAttribute('aria-valuetext', formatShare(share));
    expect(screen.getByRole('textbox', { name: 'Share' })).toHaveValue(formatShare(share));
    expect(formatShare(share)).not.toBe(shareBefore);
    // The chart's mark, its text alternative and the sentences tell the new point.
    expect(await screen.findByText(new RegExp(`^At a ${label} total market:`))).toBeInTheDocument();
    expect(answers).toHaveAttribute('aria-busy', 'false');
    const chart = screen.getByRole('figure', { name: 'Price bands chart' });
    expect(chart).toHaveAccessibleDescription(expect.stringMatching(new RegExp(`your point \\$[\\d.,]+ at ${label}[;.]`)));
  });

  it('takes a typed market size and share, and says what it cannot read', async () => {
    const user = userEvent.setup();
    await openCardano();
    const size = screen.getByRole('textbox', { name: 'Market size' });
    await user.clear(size);
    await user.type(size, '23T{Enter}');
    expect(screen.getByRole('slider', { name: 'Total market size' })).toHaveAttribute('aria-valuetext', '23T');
    await user.clear(size);
    await user.type(size, 'lots{Enter}');
    expect(await screen.findByText(/is not a market size such as 16T/)).toBeInTheDocument();
    expect(screen.getByRole('slider', { name: 'Total market size' })).toHaveAttribute('aria-valuetext', '23T');
    const share = screen.getByRole('textbox', { name: 'Share' });
    await user.clear(share);
    await user.type(share, '0.5%{Enter}');
    expect(screen.getByRole('slider', { name: 'Market share' })).toHaveAttribute('aria-valuetext', '0.5%');
  });

  it('keeps the captures ordered when bear passes base', async () => {
    await openCardano('?bear=0.5&base=0.75&moon=1');
    fireEvent.change(screen.getByRole('slider', { name: 'Bear capture' }), { target: { value: '180' } }); // 0.9
    expect(screen.getByRole('slider', { name: 'Bear capture' })).toHaveAttribute('aria-valuetext', '0.9');
    expect(screen.getByRole('slider', { name: 'Base capture' })).toHaveAttribute('aria-valuetext', '0.9');
    expect(screen.getByRole('slider', { name: 'Moon capture' })).toHaveAttribute('aria-valuetext', '1');
  });

  it('answers a target price in one sentence per case, labels the fixed-share answer, draws it and keeps it in the link', async () => {
    const user = userEvent.setup();
    await openCardano();
    const box = screen.getByRole('textbox', { name: 'Target price' });
    const answer = screen.getByRole('status', { name: 'Target answer' });
    expect(answer).toHaveAttribute('aria-live', 'polite');
    await user.type(box, '2');
    for (const c of ['bear', 'base', 'moon'] as const) {
      const m = requiredMarketSize(adaInput, adaOwn[c], 2);
      const name = `${c[0]?.toUpperCase()}${c.slice(1)} case`;
      expect(answer).toHaveTextContent(`${name}: ${reachSentence(m, adaInput.totalMarketCap)}.`);
    }
    const share = shareFor(adaInput, useScenarioStore.getState());
    expect(answer).toHaveTextContent(`At your share of ${formatShare(share)} (a fixed share of any market size, not a case):`);
    expect(screen.getByRole('figure', { name: 'Price bands chart' })).toHaveAccessibleDescription(expect.stringMatching(/Target \$2\.00: bear at/));
    await waitFor(() => expect(window.location.search).toContain('t=2'));
    await user.clear(box);
    await user.type(box, 'ten bucks');
    expect(answer).toHaveTextContent('"ten bucks" is not a price such as 2.50. A target is a price in USD above 0');
    expect(box).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(window.location.search).not.toContain('t='));
  });

  it('says no case reaches a target beyond the model’s range, naming the range', async () => {
    const user = userEvent.setup();
    await openCardano();
    await user.type(screen.getByRole('textbox', { name: 'Target price' }), '500');
    expect(screen.getByRole('status', { name: 'Target answer' })).toHaveTextContent(
      "Bear case: cannot reach it within the model's range of total market sizes (500B to 100T).",
    );
  });

  it('opens a link with a target: the box, the answer and the chart say it; a bad target gets a notice naming what is allowed', async () => {
    await openCardano('?t=1.5');
    expect(screen.getByRole('textbox', { name: 'Target price' })).toHaveValue('1.5');
    expect(screen.getByRole('status', { name: 'Target answer' })).toHaveTextContent(/^To reach \$1\.50/);
    expect(screen.getByRole('figure', { name: 'Price bands chart' })).toHaveAccessibleDescription(expect.stringContaining('Target $1.50'));
    // A link read again (back or forward) brings its own target into the box.
    act(() => useScenarioStore.getState().loadFromSearch('?t=3'));
    expect(screen.getByRole('textbox', { name: 'Target price' })).toHaveValue('3');
    expect(screen.getByRole('status', { name: 'Target answer' })).toHaveTextContent(/^To reach \$3\.00/);
    act(() => useScenarioStore.getState().loadFromSearch(''));
    expect(screen.getByRole('textbox', { name: 'Target price' })).toHaveValue('');
  });

  it('tells why a target in the link was not used', async () => {
    await openCardano('?t=-3');
    expect(screen.getByRole('note', { name: 'Link notices' })).toHaveTextContent(
      'Target price "-3" in the link is not a price; a target is a price in USD above 0, such as t=2.5',
    );
    expect(screen.getByRole('textbox', { name: 'Target price' })).toHaveValue('');
  });

  it('answers "10x from today" for all three cases', async () => {
    await openCardano();
    const tenX = screen.getByText(/^10x from today is/);
    for (const c of ['bear', 'base', 'moon'] as const) {
      expect(tenX).toHaveTextContent(`the ${c} case ${reachSentence(requiredMarketSize(adaInput, adaOwn[c], adaInput.price * 10), adaInput.totalMarketCap)}`);
    }
  });

  it('adds and removes tiers', async () => {
    const user = userEvent.setup();
    const table = await openCardano();
    await user.type(screen.getByRole('textbox', { name: 'Add tier' }), '12T{Enter}');
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((th) => th.textContent),
    ).toEqual(['8T', '12T', '16T', '23T', '31T']);
    await user.click(screen.getByRole('button', { name: 'Remove 23T' }));
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((th) => th.textContent),
    ).toEqual(['8T', '12T', '16T', '31T']);
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('tiers')).toBe('8T,12T,16T,31T'));
  });

  it('opens a shared link exactly, and quietly repairs a malformed one', async () => {
    await openCardano('?m=23T&bear=0.6&base=0.7&moon=1.2&h=max');
    expect(screen.getByRole('slider', { name: 'Total market size' })).toHaveAttribute('aria-valuetext', '23T');
    expect(screen.getByRole('slider', { name: 'Moon capture' })).toHaveAttribute('aria-valuetext', '1.2');
    expect(screen.getByRole('radio', { name: /Max supply/ })).toBeChecked();
    useScenarioStore.setState(useScenarioStore.getInitialState(), true);
  });

  it('repairs garbage in the link with a notice and no NaN', async () => {
    await openCardano('?m=NaN&moon=-4&tiers=<script>&s=9');
    const notices = await screen.findByRole('note', { name: 'Link notices' });
    expect(notices.textContent).toMatch(/Market size "NaN" in the link was not understood; using 16T/);
    expect(screen.getByRole('slider', { name: 'Total market size' })).toHaveAttribute('aria-valuetext', '16T');
    expect(screen.getByRole('slider', { name: 'Market share' })).toHaveAttribute('aria-valuetext', '50%');
    // The notices quote what the link held (as text); everything the app computed is clean.
    const computed = (document.body.textContent ?? '').replace(notices.textContent ?? '', '');
    expect(computed).not.toMatch(/NaN|Infinity|<script>/);
    expect(document.body.querySelector('main script')).toBeNull();
  });

  it("fits the captures to Token Metrics' published table", async () => {
    const user = userEvent.setup();
    await openCardano();
    await user.click(screen.getByRole('button', { name: 'Token Metrics published' }));
    expect(screen.getByText(/Fitted bear, base, moon from Token Metrics' published table/)).toBeInTheDocument();
    const bear = Number(screen.getByRole('slider', { name: 'Bear capture' }).getAttribute('aria-valuetext'));
    const moon = Number(screen.getByRole('slider', { name: 'Moon capture' }).getAttribute('aria-valuetext'));
    expect(bear).toBeGreaterThan(0.4);
    expect(bear).toBeLessThan(0.5);
    expect(moon).toBeGreaterThan(0.75);
    expect(moon).toBeLessThan(0.85);
  });

  it('shows grades with their words and says "not available" for missing ones', async () => {
    await openCardano();
    const grades = screen.getByRole('region', { name: 'Grades' });
    expect(grades.textContent).toMatch(/29\.72\s*Sell/);
    expect(grades.textContent).toMatch(/77\.21\s*Emerging/);
    expect(grades.textContent).toContain('Security: not available');
    expect(grades.textContent).not.toMatch(/: 0\b/);
  });
});

const isMarketSize = (e: Element): boolean => e instanceof HTMLInputElement && e.type === 'range' && e.labels?.[0]?.textContent === 'Total market size';

/** Every value the "Total market size" slider showed, in order, from the moment it is in the document. */
function watchMarketSizeValues(): { values: string[]; stop: () => void } {
  const values: string[] = [];
  const seen = new WeakSet<Element>();
  const record = (e: Element, value: string | null): void => {
    if (value !== null && isMarketSize(e)) values.push(value);
  };
  const observer = new MutationObserver((mutations) => {
    for (const m of mutations) {
      // An attribute change: the value it had before (what was on screen), once per change.
      if (m.type === 'attributes' && m.target instanceof Element) record(m.target, m.oldValue);
      for (const node of m.addedNodes) {
        if (!(node instanceof Element)) continue;
        for (const e of [node, ...node.querySelectorAll('[aria-valuetext]')]) {
          if (seen.has(e)) continue;
          seen.add(e);
          // Inserted: the value it was inserted with is the oldest value of its first attribute change, if any.
          const first = mutations.find((x) => x.type === 'attributes' && x.target === e);
          record(e, first ? first.oldValue : e.getAttribute('aria-valuetext'));
        }
      }
    }
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeOldValue: true, attributeFilter: ['aria-valuetext'] });
  return { values, stop: () => observer.disconnect() };
}

describe('arriving by a link', () => {
  it("the first render of the page already shows the link's scenario, not the previous one", async () => {
    // The list first, so the data is loaded and the detail page renders its scenario in its first render.
    renderApp('/');
    const table = await screen.findByRole('table', { name: 'Tokens' });
    // What another token's page left in the store.
    useScenarioStore.getState().loadFromSearch('?m=40T&moon=2');
    expect(within(table).getByRole('link', { name: 'Cardano' })).toBeInTheDocument();
    const watch = watchMarketSizeValues();
    act(() => navigate('/token/cardano?m=23T&moon=1.2'));
    await screen.findByRole('heading', { level: 1, name: 'Cardano (ADA)' });
    await waitFor(() => expect(watch.values.length).toBeGreaterThan(0));
    watch.stop();
    expect(watch.values).toEqual(['23T']);
    expect(screen.getByRole('slider', { name: 'Moon capture' })).toHaveAttribute('aria-valuetext', '1.2');
  });

  it('writes a repaired link back to the address, and moving between two tokens warns about nothing', async () => {
    const errors = vi.spyOn(console, 'error');
    try {
      await openCardano('?m=abc&moon=9');
      // The link's captures differ from the token's own, so all three are written (the link reads the same anywhere).
      await waitFor(() => expect(window.location.search).toBe('?bear=0.5&base=0.75&moon=3'));
      // Straight to another token's link (as back/forward can): the new page reads its own link.
      act(() => navigate('/token/tron?m=31T'));
      await screen.findByRole('heading', { level: 1, name: 'TRON (TRX)' });
      expect(await screen.findByRole('slider', { name: 'Total market size' })).toHaveAttribute('aria-valuetext', '31T');
      expect(screen.getByRole('slider', { name: 'Moon capture' })).not.toHaveAttribute('aria-valuetext', '3');
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });
});

async function paste(text: string, price: string, market: string) {
  const user = userEvent.setup();
  await openCardano();
  await user.click(screen.getByText('Import published table'));
  await user.click(screen.getByRole('textbox', { name: 'Published table' }));
  await user.paste(text);
  await user.clear(screen.getByRole('textbox', { name: 'Price when published' }));
  await user.type(screen.getByRole('textbox', { name: 'Price when published' }), price);
  await user.clear(screen.getByRole('textbox', { name: 'Total market when published' }));
  await user.type(screen.getByRole('textbox', { name: 'Total market when published' }), market);
  await user.click(screen.getByRole('button', { name: 'Fit captures' }));
}

describe('Import published table', () => {
  it("fits the Cardano table as published back to the model doc's captures within half a cent", async () => {
    await paste('8T Market Cap: $0.94 | $1.05 | $1.16\n16T\t1.53\t1.86\t2.20\n23T, 2.11, 2.67, 3.23\n$31T 2.70 3.48 4.27', '0.645', '3.875T');
    const status = await screen.findByText(/^Fitted from 12 cells/);
    const got = Object.fromEntries([...(status.textContent ?? '').matchAll(/(bear|base|moon) (\d\.\d+)/g)].map((m) => [m[1], Number(m[2])]));
    expect(got.bear).toBeCloseTo(0.455, 2);
    expect(got.base).toBeCloseTo(0.628, 2);
    expect(got.moon).toBeCloseTo(0.8025, 2);
    const gap = Number(/largest gap \$([\d.]+)/.exec(status.textContent ?? '')?.[1]);
    expect(gap).toBeLessThan(0.005);
    expect(Number(screen.getByRole('slider', { name: 'Moon capture' }).getAttribute('aria-valuetext'))).toBeCloseTo(0.8025, 2);
  });

  it('fits a partial table (Tron: moon only) and leaves the rest at defaults', async () => {
    await paste('Tier | Bear | Base | Moon\n23T | - | - | $1.02\n31T | n/a | n/a | $1.31', '0.2971', '3.875T');
    const status = await screen.findByText(/^Fitted from 2 cells/);
    expect(status.textContent).toMatch(/moon 0\.48\d/);
    expect(status.textContent).toMatch(/bear and base not published/);
    const gap = Number(/largest gap \$([\d.]+)/.exec(status.textContent ?? '')?.[1]);
    expect(gap).toBeLessThan(0.005);
  });

  it('names the line of a garbage paste and changes nothing', async () => {
    await paste('8T 0.94 1.05 1.16\n12 0.5 0.6 0.7', '0.645', '3.875T');
    expect(await screen.findByRole('alert')).toHaveTextContent(/^Line 2: /);
    expect(useScenarioStore.getState().captures).toEqual(adaOwn);
  });
});
