import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BAND_CHART_EXPORT, BandChart } from '../../src/features/token-detail/band-chart.tsx';
import { EXPORT_SIZE, SOCIAL_SIZE, figureSvg, type FigureText } from '../../src/lib/chart-export.ts';
import { bandChartProps } from '../fixtures/band-chart.ts';

const text: FigureText = {
  title: 'Cardano (ADA): price if the crypto market reaches each size',
  subtitle: 'Tiers 8T, 16T',
  footer: ['Captures: bear 0.5, base 0.75, moon 1.'],
  legend: [{ label: 'Base', color: '#2e86de', kind: 'thick' }],
  dataAsOf: '2026-01-09T00:00:00.000Z',
};
const NOW = new Date('2026-12-04T05:00:00Z');

function parse(svg: string): Element {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc.documentElement;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('figureSvg', () => {
  it('finds the chart by the data attribute its view sets, not by a library’s class names', () => {
    document.body.innerHTML = `
      <div data-export-chart="other"><svg viewBox="0 0 10 10"><text>wrong chart</text></svg></div>
      <div data-export-chart="mine" data-export-omit=".hover-only">
        <svg viewBox="0 0 100 50"><text class="drawn">drawn</text><g class="hover-only"><text>cursor</text></g></svg>
        <svg data-export-overlay=""><g><text>You $1.00</text></g></svg>
      </div>`;
    const root = parse(figureSvg('mine', text, EXPORT_SIZE, NOW));
    const chart = root.querySelector(':scope > svg');
    expect(chart?.textContent).toContain('drawn');
    expect(chart?.textContent).toContain('You $1.00');
    expect(chart?.textContent).not.toContain('cursor');
    expect(root.textContent).not.toContain('wrong chart');
    expect(() => figureSvg('missing', text, EXPORT_SIZE, NOW)).toThrow('the chart is not on screen');
  });

  it('exports the detail view’s band chart in the social format (1200 x 675) with the data’s day, the target and the disclaimer', () => {
    render(<BandChart {...bandChartProps({ target: 1.5 })} />);
    // A keyboard hover draws the tooltip's cursor: it stays out of the picture.
    fireEvent.keyDown(screen.getByRole('application'), { key: 'ArrowRight' });
    expect(document.querySelector('[data-export-chart] svg .recharts-tooltip-cursor')).not.toBeNull();
    const root = parse(figureSvg(BAND_CHART_EXPORT, text, SOCIAL_SIZE, NOW));
    expect([root.getAttribute('width'), root.getAttribute('height')]).toEqual(['1200', '675']);
    const all = root.textContent ?? '';
    expect(all).toContain('Data of 2026-01-09, made 2026-12-04');
    expect(all).toContain('Not financial advice');
    expect(all).toContain('Target $1.50');
    expect(all).toContain('You $2.00');
    expect(root.querySelector('.recharts-tooltip-cursor, .recharts-tooltip-wrapper')).toBeNull();
  });

  it('says "Not financial advice" in the report format too, and leaves out a data day it cannot read', () => {
    document.body.innerHTML = '<div data-export-chart="c"><svg viewBox="0 0 10 10"></svg></div>';
    const root = parse(figureSvg('c', { ...text, dataAsOf: 'unknown' }, EXPORT_SIZE, NOW));
    expect([root.getAttribute('width'), root.getAttribute('height')]).toEqual(['900', '620']);
    expect(root.textContent).toContain('Not financial advice');
    expect(root.textContent).toContain('made 2026-12-04');
    expect(root.textContent).not.toContain('Data of');
  });
});
