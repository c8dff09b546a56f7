import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CAPTURES, DEFAULT_TIERS, requiredMarketSize, scenarioTable, tierLabel } from '../../src/engine/index.ts';
import { BandChart, type UserPoint, type UserPointStore } from '../../src/features/token-detail/band-chart.tsx';
import type * as ChartSeries from '../../src/features/token-detail/chart-series.ts';
import { bandSeries, bandTooltipText, logTicks, marketAxis, priceDomain, priceFloor } from '../../src/features/token-detail/chart-series.ts';
import { formatPrice, formatUsdCompact } from '../../src/lib/format.ts';
import { MARKET_TICKS, ada, bandChartProps } from '../fixtures/band-chart.ts';

// Spy on the series builder (calling through) to see when the chart rebuilds its data.
vi.mock('../../src/features/token-detail/chart-series.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof ChartSeries>();
  return { ...actual, bandSeries: vi.fn<typeof actual.bandSeries>(actual.bandSeries) };
});

const T = 1e12;
/** Shiba Inu in the in-code sample (2026-01-09). */
const shib = { price: 0.000008736837489831246, circulatingSupply: 589244029684438.4, totalMarketCap: 3107124772651.9556 };

const plain = (price: number): string => formatPrice(price, { subscriptZeros: false });

function texts(container: HTMLElement, selector: string): string[] {
  return [...container.querySelectorAll(selector)].map((el) => el.textContent);
}

/** Half a chart label's narrowest width: at 11 px a letter or figure is at least half as wide as it is high. */
const minHalfWidth = (text: string): number => (text.length * 11 * 0.5) / 2;

const xTicks = (c: HTMLElement): string[] => texts(c, '.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value');

beforeEach(() => {
  vi.mocked(bandSeries).mockClear();
});

describe('BandChart', () => {
  it('is a figure named "Price bands chart" whose text alternative gives each tier’s prices', () => {
    render(<BandChart {...bandChartProps()} />);
    const figure = screen.getByRole('figure', { name: 'Price bands chart' });
    const rows = scenarioTable(ada, DEFAULT_CAPTURES, DEFAULT_TIERS);
    for (const row of rows) {
      expect(figure).toHaveAccessibleDescription(
        expect.stringContaining(`at ${tierLabel(row.tier)} bear ${plain(row.bear.price)}, base ${plain(row.base.price)}, moon ${plain(row.moon.price)}`),
      );
    }
    expect(figure).toHaveAccessibleDescription(expect.stringContaining(`today ${plain(ada.price)}`));
    expect(figure).toHaveAccessibleDescription(expect.stringMatching(/your point \$2\.00 at 16T\.$/));
    expect(figure).toHaveClass('band-chart');
  });

  it('draws one chart svg in the figure, titled, for an export to find', () => {
    const { container } = render(<BandChart {...bandChartProps()} />);
    const svgs = container.querySelectorAll('figure.band-chart svg.recharts-surface');
    expect(svgs).toHaveLength(1);
    expect(svgs[0]?.querySelector('title')?.textContent).toBe('ADA price bands');
    expect(svgs[0]?.querySelector('desc')?.textContent).toMatch(/^ADA price bands from \$500B to \$100T total market: at 8T/);
  });

  it('labels the market-size axis "$16T"-style at 1-2-5 ticks', () => {
    const { container } = render(<BandChart {...bandChartProps()} />);
    const { min, max } = marketAxis(ada.totalMarketCap, DEFAULT_TIERS);
    expect(texts(container, '.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value')).toEqual(logTicks(min, max).map(formatUsdCompact));
    expect(texts(container, '.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value')).toEqual(MARKET_TICKS);
  });

  it('keeps the market-size axis at the slider’s range wherever the user’s point goes (no rescale during a drag)', () => {
    const { container, rerender } = render(<BandChart {...bandChartProps({ userPoint: { marketSize: 0.5 * T, price: 0.2 } })} />);
    const first = xTicks(container);
    for (const m of [3 * T, 40 * T, 70 * T, 100 * T]) {
      rerender(<BandChart {...bandChartProps({ userPoint: { marketSize: m, price: 1 } })} />);
      expect(xTicks(container)).toEqual(first);
    }
    expect(first.at(0)).toBe('$500B');
    expect(first.at(-1)).toBe('$100T');
  });

  it('widens the market-size axis only for a tier outside the slider’s range', () => {
    const { container } = render(<BandChart {...bandChartProps({ tiers: [16 * T, 300 * T] })} />);
    expect(texts(container, '.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value').at(-1)).toBe('$500T');
  });

  it('draws a target price as a line labelled with the price, and marks the market size each case needs', () => {
    const { container } = render(<BandChart {...bandChartProps({ target: 2 })} />);
    const labels = texts(container, 'text');
    expect(labels).toContain('Target $2.00');
    for (const c of ['bear', 'base', 'moon'] as const) {
      const m = requiredMarketSize(ada, DEFAULT_CAPTURES[c], 2);
      if (m === null) throw new Error('the sample reaches $2 in every case');
      if (m <= 100 * T) expect(labels).toContain(`${c} ${tierLabel(m)}`);
    }
    const figure = screen.getByRole('figure', { name: 'Price bands chart' });
    expect(figure).toHaveAccessibleDescription(expect.stringMatching(/Target \$2\.00: bear at [\d.]+T, base at [\d.]+T, moon at [\d.]+T\.$/));
    expect(screen.getByText('Target price')).toBeInTheDocument();
  });

  it('draws target labels over the diamonds and keeps close ones apart: a label with no room above or below the line is left out, its dot stays', () => {
    // Cardano with Token Metrics' captures and a $1.50 target: the cases need 14T, 17T and 22.3T, close on a 640 px chart.
    const captures = { bear: 0.45, base: 0.622, moon: 0.795 };
    const published = [{ m: 23.3 * T, price: 2, case: 'bear' as const }];
    const { container } = render(<BandChart {...bandChartProps({ width: 640, height: 300, captures, target: 1.5, published })} />);
    // An SVG paints in document order: the labels come after (over) the lines and the published diamonds.
    const diamond = container.querySelector('.recharts-scatter .recharts-symbols');
    const hitLabel = container.querySelector('.band-chart-target-hits text');
    if (!diamond || !hitLabel) throw new Error('the chart draws a published diamond and a target label');
    expect(diamond.compareDocumentPosition(hitLabel) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const labels = [...container.querySelectorAll('.band-chart-target-hits text')].map((el) => ({
      text: el.textContent,
      x: Number(el.getAttribute('x')),
      y: Number(el.getAttribute('y')),
    }));
    expect(container.querySelectorAll('.band-chart-target-hits circle')).toHaveLength(3);
    expect(labels.length).toBeGreaterThanOrEqual(2);
    for (const [i, a] of labels.entries()) {
      for (const b of labels.slice(i + 1)) {
        if (a.y === b.y) expect(Math.abs(a.x - b.x), `${a.text} and ${b.text}`).toBeGreaterThanOrEqual(minHalfWidth(a.text) + minHalfWidth(b.text));
      }
    }
  });

  it('keeps a compact chart (a phone’s width) to the lines, dots and the target’s label', () => {
    const published = [{ m: 15.5 * T, price: 1.6, case: 'base' as const }];
    const { container } = render(<BandChart {...bandChartProps({ width: 360, height: 220, target: 2, published })} />);
    const labels = texts(container, 'text');
    expect(labels).toContain('Target $2.00');
    expect(labels.filter((t) => /^(TM|bear|base|moon) |^Cases meet/.test(t))).toEqual([]);
    expect(container.querySelectorAll('.band-chart-target-hits circle').length).toBeGreaterThan(0);
  });

  it('draws no target line without a target', () => {
    const { container } = render(<BandChart {...bandChartProps()} />);
    expect(texts(container, 'text').some((t) => t.startsWith('Target'))).toBe(false);
    expect(screen.queryByText('Target price')).toBeNull();
  });

  it('writes each tier’s base price at the tier and notes where the cases meet today', () => {
    const { container } = render(<BandChart {...bandChartProps()} />);
    const labels = texts(container, 'text');
    const rows = scenarioTable(ada, DEFAULT_CAPTURES, DEFAULT_TIERS);
    // At 800 px the 8T and 16T labels fit; 23T and 31T sit too close for both prices.
    for (const row of rows.slice(0, 2)) expect(labels).toContain(formatPrice(row.base.price));
    expect(labels).toContain('Cases meet at today’s 3.11T'.replace('’', "'"));
    expect(screen.getByText(/The cases meet at today's 3\.11T market and \$0\.3972/)).toBeInTheDocument();
  });

  it('labels the price axis as prices, without subscript zeros for a sub-cent token', () => {
    const { container } = render(<BandChart {...bandChartProps({ token: shib, symbol: 'SHIB', userPoint: null })} />);
    const ticks = texts(container, '.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value');
    const series = bandSeries(shib, DEFAULT_CAPTURES, marketAxis(shib.totalMarketCap, DEFAULT_TIERS), 80, DEFAULT_TIERS);
    const y = priceDomain(series, [shib.price], priceFloor(shib.price));
    expect(ticks).toEqual(logTicks(y.min, y.max, 8).map((v) => formatPrice(v, { subscriptZeros: false })));
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    expect(ticks).toContain('$0.00001');
    for (const t of ticks) expect(t).toMatch(/^\$0\.0{3,}[1-9]$/);
    expect(ticks).toEqual(['$0.000001', '$0.00001', '$0.0001']);
  });

  it('writes sub-cent prices in plain digits in the text alternative', () => {
    render(<BandChart {...bandChartProps({ token: shib, symbol: 'SHIB', userPoint: null })} />);
    const base16 = scenarioTable(shib, DEFAULT_CAPTURES, [16 * T])[0]?.base.price ?? Number.NaN;
    const figure = screen.getByRole('figure', { name: 'Price bands chart' });
    expect(figure).toHaveAccessibleDescription(expect.stringContaining(`base ${plain(base16)}`));
    expect(figure).toHaveAccessibleDescription(expect.stringContaining('today $0.000008737 at $3.11T'));
    expect(figure).toHaveAccessibleDescription(expect.not.stringMatching(/[₀-₉]/));
  });

  it('marks today’s price, each tier and the user’s point', () => {
    const { container } = render(<BandChart {...bandChartProps()} />);
    const labels = texts(container, '.recharts-reference-line text, .band-chart-user text, .recharts-label');
    expect(labels).toContain(`Today ${formatPrice(ada.price)}`);
    for (const tier of DEFAULT_TIERS) expect(labels).toContain(tierLabel(tier));
    expect(labels).toContain('You $2.00');
  });

  it('shows published points labelled with the market size they were published at, and says so in the text alternative', () => {
    const published = [
      { m: 7.75 * T, price: 0.8, case: 'bear' as const },
      { m: 15.5 * T, price: 1.6, case: 'base' as const },
      { m: 31 * T, price: 4, case: 'moon' as const },
    ];
    const { container } = render(<BandChart {...bandChartProps({ published })} />);
    expect(container.querySelectorAll('.recharts-scatter-symbol')).toHaveLength(3);
    expect(screen.getByRole('figure', { name: 'Price bands chart' })).toHaveAccessibleDescription(expect.stringContaining('3 published points marked'));
    expect(texts(container, 'text')).toEqual(expect.arrayContaining(['TM 7.75T', 'TM 15.5T', 'TM 31T']));
    expect(screen.getByText('TM published, at the market sizes it used')).toBeInTheDocument();
  });

  it('names pasted points as such', () => {
    const { container } = render(<BandChart {...bandChartProps({ published: [{ m: 15.5 * T, price: 1.6, case: 'base' }], publishedName: 'Pasted' })} />);
    expect(texts(container, 'text')).toContain('Pasted 15.5T');
  });

  it('reads the hovered market size as text, from the keyboard', () => {
    const { container } = render(<BandChart {...bandChartProps()} />);
    const surface = screen.getByRole('application');
    fireEvent.keyDown(surface, { key: 'ArrowRight' });
    const { min } = marketAxis(ada.totalMarketCap, DEFAULT_TIERS);
    expect(container.querySelector('.band-chart-tooltip')).toHaveTextContent(bandTooltipText(ada, DEFAULT_CAPTURES, min));
  });

  it('does not rebuild the series when only the user’s point moves (or inputs are re-created equal)', async () => {
    const { rerender } = render(<BandChart {...bandChartProps()} />);
    expect(bandSeries).toHaveBeenCalledTimes(1);
    rerender(
      <BandChart
        {...bandChartProps({ token: { ...ada }, captures: { ...DEFAULT_CAPTURES }, tiers: [...DEFAULT_TIERS], userPoint: { marketSize: 9 * T, price: 1.1 } })}
      />,
    );
    expect(bandSeries).toHaveBeenCalledTimes(1);
    // The caption names the point once it rests.
    await waitFor(() =>
      expect(screen.getByRole('figure', { name: 'Price bands chart' })).toHaveAccessibleDescription(expect.stringContaining('your point $1.10 at 9T')),
    );
    rerender(<BandChart {...bandChartProps({ captures: { ...DEFAULT_CAPTURES, moon: 1.2 } })} />);
    expect(bandSeries).toHaveBeenCalledTimes(2);
  });

  it('moves its mark when the user’s point moves, and the drawn lines stay as they were', () => {
    const { container, rerender } = render(<BandChart {...bandChartProps()} />);
    const d = container.querySelector('.recharts-line path')?.getAttribute('d');
    const cx = container.querySelector('.band-chart-user circle')?.getAttribute('cx');
    rerender(<BandChart {...bandChartProps({ userPoint: { marketSize: 20 * T, price: 2.5 } })} />);
    expect(container.querySelector('.recharts-line path')?.getAttribute('d')).toBe(d);
    const mark = container.querySelector('.band-chart-user');
    expect(mark?.querySelector('circle')?.getAttribute('cx')).not.toBe(cx);
    expect(Number(mark?.querySelector('circle')?.getAttribute('cx'))).toBeGreaterThan(Number(cx));
    expect(mark).toHaveTextContent('You $2.50');
  });

  it('follows a store of the user’s point: its mark at once, its text alternative a beat behind', async () => {
    let current: UserPoint = { marketSize: 16 * T, price: 2 };
    const listeners = new Set<() => void>();
    const store: UserPointStore = {
      getState: () => current,
      subscribe: (listener) => {
        listeners.add(listener);
        return () => void listeners.delete(listener);
      },
    };
    const { container } = render(<BandChart {...bandChartProps({ userPoint: store })} />);
    const mark = () => container.querySelector('.band-chart-user');
    const cx = Number(mark()?.querySelector('circle')?.getAttribute('cx'));
    expect(mark()).toHaveTextContent('You $2.00');
    act(() => {
      current = { marketSize: 20 * T, price: 2.5 };
      for (const listener of listeners) listener();
    });
    expect(mark()).toHaveTextContent('You $2.50');
    expect(Number(mark()?.querySelector('circle')?.getAttribute('cx'))).toBeGreaterThan(cx);
    await waitFor(() =>
      expect(screen.getByRole('figure', { name: 'Price bands chart' })).toHaveAccessibleDescription(expect.stringContaining('your point $2.50 at 20T')),
    );
  });

  it('draws the user’s point over the chart at recharts’ own scales: on a tier at today’s price, it sits where the two lines cross', () => {
    const tier = 16 * T;
    const { container } = render(<BandChart {...bandChartProps({ userPoint: { marketSize: tier, price: ada.price } })} />);
    const lines = [...container.querySelectorAll('.recharts-reference-line line')];
    const vertical = lines.find((l) => l.getAttribute('x') === String(tier));
    const today = lines.find((l) => l.getAttribute('y') === String(ada.price));
    const circle = container.querySelector('svg.band-chart-overlay .band-chart-user circle');
    expect(vertical && today && circle).toBeTruthy();
    expect(Number(circle?.getAttribute('cx'))).toBeCloseTo(Number(vertical?.getAttribute('x1')), 6);
    expect(Number(circle?.getAttribute('cy'))).toBeCloseTo(Number(today?.getAttribute('y1')), 6);
    // Not inside recharts' drawing: a step of the point leaves the drawing alone.
    expect(container.querySelector('svg.recharts-surface .band-chart-user')).toBeNull();
  });

  it('widens the price axis for a point above it, and draws the point there', () => {
    const { container, rerender } = render(<BandChart {...bandChartProps()} />);
    const top = (): number =>
      Math.max(...texts(container, '.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value').map((t) => Number(t.replace(/[$,]/g, ''))));
    const before = top();
    rerender(<BandChart {...bandChartProps({ userPoint: { marketSize: 16 * T, price: 500 } })} />);
    expect(top()).toBeGreaterThanOrEqual(500);
    expect(before).toBeLessThan(500);
    expect(container.querySelector('.band-chart-user')).toHaveTextContent('You $500');
  });

  it('draws a band that falls to 0 (capture above 1 below today’s market) without NaN', () => {
    const { container } = render(
      <BandChart {...bandChartProps({ captures: { bear: 1, base: 2, moon: 3 }, userPoint: { marketSize: 0.5 * T, price: 0.01 } })} />,
    );
    expect(container.querySelector('.recharts-area-area')?.getAttribute('d')).toBeTruthy();
    expect(container.innerHTML).not.toMatch(/NaN|Infinity/);
  });

  it('names the problem instead of crashing on an invalid token', () => {
    render(<BandChart {...bandChartProps({ token: { ...ada, price: 0 } })} />);
    expect(screen.getByRole('figure', { name: 'Price bands chart' })).toHaveTextContent(/Chart unavailable: .*price/);
  });

  it('keeps its figure and text alternative without a fixed width (ResponsiveContainer)', () => {
    const { width: _width, ...rest } = bandChartProps();
    render(<BandChart {...rest} />);
    expect(screen.getByRole('figure', { name: 'Price bands chart' })).toHaveAccessibleDescription(expect.stringContaining('at 16T'));
  });
});
