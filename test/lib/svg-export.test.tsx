import { render } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BandChart } from '../../src/features/token-detail/band-chart.tsx';
import {
  REVOKE_AFTER_MS,
  downloadBlob,
  exportFileName,
  standaloneSvg,
  svgToPngBlob,
  type PngCanvas,
  type PngDeps,
  type SvgExportOptions,
} from '../../src/lib/svg-export.ts';
import { MARKET_TICKS, bandChartProps } from '../fixtures/band-chart.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
const THEME = ':root { --bear: #c0392b; --base: #2e86de; --moon: #27ae60; --muted: #6b7280; --fg: #111111; --bg: #fafafa; }';

const options: SvgExportOptions = {
  width: 1000,
  height: 600,
  title: 'Cardano (ADA) price bands',
  subtitle: 'Price against total crypto market size, log scales',
  footer: ['Captures: bear 0.5, base 0.75, moon 1; supply: circulating', 'Source: CoinGecko, as of 2026-01-09', 'Not financial advice'],
  legend: [
    { label: 'Bear', color: 'var(--bear)' },
    { label: 'Base', color: 'var(--base)' },
    { label: 'Moon', color: 'var(--moon)' },
  ],
  background: 'var(--bg)',
  foreground: 'var(--fg)',
  mutedColor: 'var(--muted)',
  fontFamily: 'Inter, system-ui, sans-serif',
};

/** A small chart-like svg with everything the export must handle: styles from CSS, variables, and things to strip. */
const PROBE = `
<style>
  .probe .line { stroke-width: 3px; stroke-dasharray: 4 4; opacity: 0.5; fill-opacity: 0.25; }
  .probe .thick, .probe .same { stroke-width: 5px; }
  .probe text { font-size: 13px; font-family: Inter, sans-serif; font-weight: 700; text-anchor: end; dominant-baseline: middle; fill: var(--fg); }
</style>
<div class="probe" style="--scoped: #123456"><svg class="recharts-surface" role="application" tabindex="0" width="400" height="200" viewBox="0 0 400 200" style="width: 100%; height: 100%">
  <defs><clipPath id="clip"><rect width="10" height="10"/></clipPath></defs>
  <g clip-path="url(#clip)"><path class="line" stroke="var(--bear)" d="M0 0L10 10"/></g>
  <circle class="scoped" fill="var(--scoped)" r="1"/>
  <g class="thick"><path class="same" stroke-width="9" d="M0 0"/></g>
  <path class="band" fill="var(--missing, var(--moon))" style="stroke: var(--nowhere); stroke-width: 2px" d="M0 0"/>
  <text class="tick" x="5" y="5" onclick="alert(1)">$1.53</text>
  <image href="https://example.com/logo.png" width="10" height="10"/>
  <image href="data:image/png;base64,AAAA" width="10" height="10"/>
  <use href="#clip"/>
  <a href="https://evil.example/"><text class="link">link</text></a>
  <rect class="pattern" style="fill: url(https://example.com/pattern.svg#p); stroke: #000000" width="5" height="5"/>
  <rect class="remote" fill="url(http://example.com/x.svg#clip)" width="5" height="5"/>
  <g class="recharts-tooltip-cursor"><path d="M1 1"/></g>
  <foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml">tip</div></foreignObject>
  <script>alert(1)</script>
  <style>@import url(https://example.com/x.css);</style>
  <!-- a comment -->
</svg></div>`;

function mountProbe(): SVGSVGElement {
  document.body.innerHTML = PROBE;
  const svg = document.querySelector('svg');
  if (!(svg instanceof SVGSVGElement)) throw new Error('probe svg missing');
  return svg;
}

/** Parses the export the way an image viewer would; fails the test on any XML error. */
function parse(text: string): SVGSVGElement {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  const root = doc.documentElement;
  expect(root.namespaceURI).toBe(SVG_NS);
  return root as unknown as SVGSVGElement;
}

/** The wrapper's own text lines (outside the chart), in document order. */
const ownTexts = (root: Element): string[] => [...root.children].filter((el) => el.localName === 'text').map((el) => el.textContent);

let theme: HTMLStyleElement;
beforeEach(() => {
  theme = document.createElement('style');
  theme.textContent = THEME;
  document.head.append(theme);
});
afterEach(() => {
  theme.remove();
  document.body.innerHTML = '';
});

describe('standaloneSvg: the frame around the chart', () => {
  it('is a standalone SVG document of the asked size, on the background color', () => {
    const root = parse(standaloneSvg(mountProbe(), options));
    expect(root.localName).toBe('svg');
    expect([root.getAttribute('width'), root.getAttribute('height'), root.getAttribute('viewBox')]).toEqual(['1000', '600', '0 0 1000 600']);
    const background = root.querySelector(':scope > rect');
    expect(background?.getAttribute('fill')).toBe('#fafafa');
    expect(background?.getAttribute('width')).toBe('1000');
  });

  it('puts the title and subtitle above the chart, and the legend and footer below it', () => {
    const root = parse(standaloneSvg(mountProbe(), options));
    expect(root.querySelector(':scope > title')?.textContent).toBe(options.title);
    expect(ownTexts(root)).toEqual([options.title, options.subtitle, 'Bear', 'Base', 'Moon', ...options.footer]);
    const chart = root.querySelector(':scope > svg');
    const chartTop = Number(chart?.getAttribute('y'));
    const chartBottom = chartTop + Number(chart?.getAttribute('height'));
    const ys = [...root.children].filter((el) => el.localName === 'text').map((el) => Number(el.getAttribute('y')));
    expect(ys.slice(0, 2).every((y) => y < chartTop)).toBe(true);
    expect(ys.slice(2).every((y) => y > chartBottom && y <= 600)).toBe(true);
    expect(chart?.getAttribute('viewBox')).toBe('0 0 400 200');
  });

  it('draws each legend sample as what it stands for: a line, a shaded area, a dot, a diamond', () => {
    const legend = [
      { label: 'Base', color: 'var(--base)', kind: 'thick' as const },
      { label: 'Bear to moon band', color: 'var(--base)', kind: 'area' as const },
      { label: 'Your point', color: 'var(--fg)', kind: 'dot' as const },
      { label: 'Published', color: 'var(--moon)', kind: 'diamond' as const },
    ];
    const root = parse(standaloneSvg(mountProbe(), { ...options, legend }));
    const samples = [...root.children].filter((el) => ['line', 'rect', 'circle', 'path'].includes(el.localName)).slice(1);
    expect(samples.map((el) => el.localName)).toEqual(['line', 'rect', 'circle', 'path']);
    expect(samples[0]?.getAttribute('stroke')).toBe('#2e86de');
    expect(samples[1]?.getAttribute('fill-opacity')).toBe('0.2');
  });

  it('writes the corner line (the data’s day) at the top right', () => {
    const root = parse(standaloneSvg(mountProbe(), { ...options, corner: 'Data of 2026-01-09, made 2026-12-04' }));
    const corner = [...root.children].find((el) => el.textContent === 'Data of 2026-01-09, made 2026-12-04');
    expect(corner?.getAttribute('text-anchor')).toBe('end');
    expect(Number(corner?.getAttribute('y'))).toBeLessThan(40);
  });

  it('puts the corner line under the subtitle when the title leaves no room beside it', () => {
    const title = 'A very long token name that fills the top line (VERYLONG): price if the crypto market reaches each size';
    const root = parse(standaloneSvg(mountProbe(), { ...options, title, corner: 'Data of 2026-01-09, made 2026-12-04' }));
    const texts = [...root.children].filter((el) => el.localName === 'text');
    const corner = texts.find((el) => el.textContent === 'Data of 2026-01-09, made 2026-12-04');
    expect(corner?.getAttribute('text-anchor')).toBeNull();
    expect(Number(corner?.getAttribute('y'))).toBeGreaterThan(Number(texts[1]?.getAttribute('y')));
    expect(Number(corner?.getAttribute('y'))).toBeLessThan(Number(root.querySelector(':scope > svg')?.getAttribute('y')));
  });

  it('draws the legend as colored swatches with the resolved colors', () => {
    const root = parse(standaloneSvg(mountProbe(), options));
    const swatches = [...root.querySelectorAll(':scope > rect')].slice(1);
    expect(swatches.map((r) => r.getAttribute('fill'))).toEqual(['#c0392b', '#2e86de', '#27ae60']);
  });

  it('wraps a legend too wide for one row, and a footer line too long for the width', () => {
    const footer = ['word '.repeat(60).trim()];
    const narrow = { ...options, width: 200, footer, legend: [...options.legend, { label: 'Bear to moon band', color: '#ccc' }] };
    const root = parse(standaloneSvg(mountProbe(), narrow));
    const legendYs = new Set([...root.querySelectorAll(':scope > rect')].slice(1).map((r) => r.getAttribute('y')));
    expect(legendYs.size).toBeGreaterThan(1);
    const footerLines = ownTexts(root).slice(2 + narrow.legend.length);
    expect(footerLines.length).toBeGreaterThan(1);
    expect(footerLines.join(' ')).toBe(footer[0]);
  });

  it('escapes text: markup in a title stays text, and characters XML cannot hold are dropped', () => {
    const title = '<script>alert("x")</script> & \'co\' \u0001\uD800';
    const out = standaloneSvg(mountProbe(), { ...options, title, footer: ['a < b > c & d'] });
    expect(out).not.toContain('<script');
    const root = parse(out);
    expect(root.querySelector(':scope > title')?.textContent).toBe('<script>alert("x")</script> & \'co\' ');
    expect(ownTexts(root)).toContain('a < b > c & d');
  });

  it('parses for any title, subtitle, footer and legend text', () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 });
    // A one-path chart: what is tested here is the frame's text, and jsdom's styles are slow to compute.
    document.body.innerHTML = '<svg width="10" height="10"><path d="M0 0"/></svg>';
    const svg = document.querySelector('svg');
    if (!(svg instanceof SVGSVGElement)) throw new Error('no svg');
    fc.assert(
      fc.property(text, text, fc.array(text, { maxLength: 3 }), fc.array(text, { maxLength: 4 }), (title, subtitle, footer, labels) => {
        const legend = labels.map((label) => ({ label, color: '#000' }));
        parse(standaloneSvg(svg, { ...options, title, subtitle, footer, legend }));
      }),
      { numRuns: 50 },
    );
    expect.hasAssertions();
  });
});

describe('standaloneSvg: the chart inside', () => {
  it('inlines the computed styles of the live chart', () => {
    const root = parse(standaloneSvg(mountProbe(), options));
    const line = root.querySelector('path.line')?.getAttribute('style') ?? '';
    for (const decl of ['stroke-width: 3px', 'stroke-dasharray: 4 4', 'opacity: 0.5', 'fill-opacity: 0.25']) expect(line).toContain(decl);
    const tick = root.querySelector('text.tick')?.getAttribute('style') ?? '';
    for (const decl of [
      'font-size: 13px',
      'font-family: Inter, sans-serif',
      'font-weight: 700',
      'text-anchor: end',
      'dominant-baseline: middle',
      'fill: #111111',
    ]) {
      expect(tick).toContain(decl);
    }
  });

  it('writes an inherited style once, on the parent, when the child shows the same (whatever its attribute said)', () => {
    const root = parse(standaloneSvg(mountProbe(), options));
    expect(root.querySelector('g.thick')?.getAttribute('style')).toContain('stroke-width: 5px');
    const same = root.querySelector('path.same');
    expect(same?.hasAttribute('stroke-width')).toBe(false);
    expect(same?.getAttribute('style') ?? '').not.toContain('stroke-width');
  });

  it('resolves every CSS variable, through fallbacks, and gives an unresolvable color the foreground', () => {
    const out = standaloneSvg(mountProbe(), options);
    expect(out).not.toContain('var(');
    const root = parse(out);
    expect(root.querySelector('path.line')?.getAttribute('stroke')).toBe('#c0392b');
    expect(root.querySelector('path.band')?.getAttribute('fill')).toBe('#27ae60');
    expect(root.querySelector('path.band')?.getAttribute('style')).toBe('stroke: #111111; stroke-width: 2px');
    // A variable set on an ancestor of the chart, not on the root.
    expect(root.querySelector('circle.scoped')?.getAttribute('fill')).toBe('#123456');
  });

  it('removes interactive parts: role="application", tabindex, handlers, what the view says to omit (a tooltip), scripts', () => {
    expect(standaloneSvg(mountProbe(), options)).toContain('recharts-tooltip-cursor');
    const out = standaloneSvg(mountProbe(), { ...options, omit: '.recharts-tooltip-cursor' });
    for (const bit of ['role="application"', 'tabindex', 'onclick', 'recharts-tooltip-cursor', 'foreignObject', '<script', '<style', '<!--']) {
      expect(out).not.toContain(bit);
    }
    expect(parse(out).querySelector('text.tick')?.textContent).toBe('$1.53');
  });

  it('strips external references and keeps references inside the document', () => {
    const out = standaloneSvg(mountProbe(), options);
    expect(out).not.toMatch(/<image|href="(?!#)|url\((?!#)|@import|example\.com/);
    const root = parse(out);
    expect(root.querySelector('g[clip-path]')?.getAttribute('clip-path')).toBe('url(#clip)');
    expect(root.querySelector('use')?.getAttribute('href')).toBe('#clip');
    expect(root.querySelector('a')?.hasAttribute('href')).toBe(false);
    expect(root.querySelector('rect.pattern')?.getAttribute('style')).toBe('stroke: #000000');
    expect(root.querySelector('rect.remote')?.hasAttribute('fill')).toBe(false);
    const chart = root.querySelector(':scope > svg')?.getAttribute('style') ?? '';
    expect(chart).not.toMatch(/width|height/);
  });

  it('leaves the live chart as it was', () => {
    const svg = mountProbe();
    const before = svg.outerHTML;
    standaloneSvg(svg, options);
    expect(svg.outerHTML).toBe(before);
  });

  it('exports the real band chart: its title, ticks and case colors, with nothing interactive or unresolved', () => {
    const { container } = render(<BandChart {...bandChartProps()} />);
    const svg = container.querySelector('figure.band-chart svg.recharts-surface');
    if (!(svg instanceof SVGSVGElement)) throw new Error('no chart svg');
    expect(svg.getAttribute('role')).toBe('application');
    const out = standaloneSvg(svg, options);
    expect(out).not.toMatch(/var\(|role="application"|tabindex/);
    const chart = parse(out).querySelector(':scope > svg');
    expect(chart?.querySelector('title')?.textContent).toBe('ADA price bands');
    expect([...(chart?.querySelectorAll('.recharts-xAxis-tick-labels text') ?? [])].map((t) => t.textContent)).toEqual(MARKET_TICKS);
    const strokes = [...(chart?.querySelectorAll('path.recharts-line-curve') ?? [])].map((p) => p.getAttribute('stroke'));
    expect(strokes).toEqual(['#c0392b', '#2e86de', '#27ae60']);
  });

  it('leaves out a hidden part of an overlay (the user’s point while it waits for the axes)', () => {
    const { container } = render(<BandChart {...bandChartProps({ userPoint: null })} />);
    const svg = container.querySelector('figure.band-chart svg.recharts-surface');
    if (!(svg instanceof SVGSVGElement)) throw new Error('no chart svg');
    const overlay = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    overlay.innerHTML = '<g class="hidden-mark" display="none"><text>You $9.99</text></g><g class="shown-mark"><text>You $1.00</text></g>';
    const chart = parse(standaloneSvg(svg, { ...options, overlays: [overlay] })).querySelector(':scope > svg');
    expect(chart?.querySelector('.hidden-mark')).toBeNull();
    expect(chart?.querySelector('.shown-mark')?.textContent).toBe('You $1.00');
  });

  it('draws the user’s point, which the page draws over the chart, on top of the exported chart', () => {
    const { container } = render(<BandChart {...bandChartProps()} />);
    const svg = container.querySelector('figure.band-chart svg.recharts-surface');
    const overlay = container.querySelector('figure.band-chart svg.band-chart-overlay');
    if (!(svg instanceof SVGSVGElement) || !overlay) throw new Error('no chart svg or overlay');
    const live = overlay.querySelector('.band-chart-user circle');
    const without = parse(standaloneSvg(svg, options)).querySelector(':scope > svg');
    expect(without?.querySelector('.band-chart-user')).toBeNull();
    const chart = parse(standaloneSvg(svg, { ...options, overlays: [overlay] })).querySelector(':scope > svg');
    const mark = chart?.querySelector('.band-chart-user');
    expect(mark?.textContent).toBe('You $2.00');
    // Last, so drawn on top; at the same place in the chart's coordinates; colors resolved.
    expect(chart?.lastElementChild).toBe(mark);
    expect(mark?.querySelector('circle')?.getAttribute('cx')).toBe(live?.getAttribute('cx'));
    expect(mark?.querySelector('circle')?.getAttribute('fill')).toBe('#111111');
  });
});

/** A fake canvas that records what is drawn on it. */
function fakeDeps(overrides: { blob?: Blob | null; context?: boolean; toBlobThrows?: boolean; loadFails?: boolean } = {}) {
  const calls = { canvas: [] as number[][], drawn: [] as unknown[][], urls: [] as string[], types: [] as Array<string | undefined> };
  const image = { fake: 'image' } as unknown as CanvasImageSource;
  const deps: PngDeps = {
    createCanvas: (width, height): PngCanvas => {
      calls.canvas.push([width, height]);
      return {
        getContext: () => (overrides.context === false ? null : { drawImage: (...args: unknown[]) => void calls.drawn.push(args) }),
        toBlob: (callback, type) => {
          if (overrides.toBlobThrows) throw new DOMException('Tainted canvases may not be exported.', 'SecurityError');
          calls.types.push(type);
          callback(overrides.blob === undefined ? new Blob(['png'], { type: 'image/png' }) : overrides.blob);
        },
      };
    },
    loadImage: (url) => {
      calls.urls.push(url);
      return overrides.loadFails ? Promise.reject(new Error('decode error')) : Promise.resolve(image);
    },
  };
  return { deps, calls, image };
}

describe('svgToPngBlob', () => {
  const svgText = '<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="600"><text>#1 50% &amp; ü</text></svg>';

  it('draws the SVG, as a data URL, on a canvas twice its size and encodes a PNG', async () => {
    const { deps, calls, image } = fakeDeps();
    const blob = await svgToPngBlob(svgText, 1000, 600, undefined, deps);
    expect(blob.type).toBe('image/png');
    expect(calls.canvas).toEqual([[2000, 1200]]);
    expect(calls.drawn).toEqual([[image, 0, 0, 2000, 1200]]);
    expect(calls.types).toEqual(['image/png']);
    const prefix = 'data:image/svg+xml;charset=utf-8,';
    expect(calls.urls[0]?.startsWith(prefix)).toBe(true);
    expect(decodeURIComponent(calls.urls[0]?.slice(prefix.length) ?? '')).toBe(svgText);
  });

  it("takes another scale, and lowers one that would pass Safari's canvas limit", async () => {
    const { deps, calls } = fakeDeps();
    await svgToPngBlob(svgText, 1000, 600, 3, deps);
    await svgToPngBlob(svgText, 4000, 4000, 2, deps);
    expect(calls.canvas[0]).toEqual([3000, 1800]);
    const [w = 0, h = 0] = calls.canvas[1] ?? [];
    expect(w * h).toBeLessThanOrEqual(16_777_216);
    expect(w).toBeGreaterThanOrEqual(4000);
  });

  it.each([
    ['the image does not load', { loadFails: true }, /^PNG export failed: the SVG did not load as an image \(decode error\)$/],
    ['there is no 2D context', { context: false }, /^PNG export failed: the browser gave no 2D canvas$/],
    ['toBlob gives null', { blob: null }, /^PNG export failed: the canvas gave no image \(toBlob returned null\)$/],
    ['toBlob throws', { toBlobThrows: true }, /^PNG export failed: the canvas refused to export \(Tainted canvases/],
  ])('fails clearly when %s', async (_name, overrides, message) => {
    const { deps } = fakeDeps(overrides);
    await expect(svgToPngBlob(svgText, 1000, 600, 2, deps)).rejects.toThrow(message);
  });

  it.each([
    [0, 600, 2],
    [1000, Number.NaN, 2],
    [1000, 600, -1],
    [Number.POSITIVE_INFINITY, 600, 2],
  ])('refuses the size %s x %s at scale %s before loading anything', async (w, h, scale) => {
    const { deps, calls } = fakeDeps();
    await expect(svgToPngBlob(svgText, w, h, scale, deps)).rejects.toThrow(/^PNG export failed: the size/);
    expect(calls.urls).toEqual([]);
  });
});

describe('exportFileName', () => {
  it.each([
    ['ADA', '2026-11-23T12:00:00Z', 'png', 'capbands-ada-2026-11-23.png'],
    ['ADA', '2026-11-23T23:30:00-05:00', 'svg', 'capbands-ada-2026-11-24.svg'],
    ['$PEPE', '2026-01-09T00:00:00Z', 'csv', 'capbands-pepe-2026-01-09.csv'],
    ['../../etc/passwd', '2026-01-09T00:00:00Z', 'png', 'capbands-etcpasswd-2026-01-09.png'],
    ['USD₮', '2026-01-09T00:00:00Z', 'png', 'capbands-usd-2026-01-09.png'],
    ['ÉTH', '2026-01-09T00:00:00Z', 'png', 'capbands-eth-2026-01-09.png'],
    ['BTC.b', '2026-01-09T00:00:00Z', 'png', 'capbands-btcb-2026-01-09.png'],
    ['', '2026-01-09T00:00:00Z', 'csv', 'capbands-2026-01-09.csv'],
    ['ADA', 'not a date', 'png', 'capbands-ada.png'],
  ] as const)('%j on %s as %s -> %s', (symbol, iso, ext, name) => {
    expect(exportFileName(symbol, new Date(iso), ext)).toBe(name);
  });

  it.each([
    [{ dataDay: '2026-01-09' }, 'capbands-ada-data-2026-01-09-made-2026-12-04.png'],
    [{ tag: 'social', dataDay: '2026-01-09' }, 'capbands-ada-social-data-2026-01-09-made-2026-12-04.png'],
    [{ tag: 'social', dataDay: null }, 'capbands-ada-social-2026-12-04.png'],
    [{ tag: '../x', dataDay: '2026-01-09T00:00:00Z' }, 'capbands-ada-x-2026-12-04.png'],
  ])('names the data’s day and the format: %j -> %s', (extra, name) => {
    expect(exportFileName('ADA', new Date('2026-12-04T05:00:00Z'), 'png', extra)).toBe(name);
  });

  it('is always a short, safe file name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.date({ noInvalidDate: false }), fc.constantFrom('png', 'svg', 'csv'), (symbol, date, ext) => {
        const name = exportFileName(symbol, date, ext);
        expect(name).toMatch(/^capbands(-[a-z0-9_][a-z0-9_-]{0,30}[a-z0-9_]|-[a-z0-9_])?(-\d{4}-\d{2}-\d{2})?\.(png|svg|csv)$/);
        expect(name.endsWith(`.${ext}`)).toBe(true);
      }),
    );
  });
});

describe('downloadBlob', () => {
  const created = 'blob:http://localhost/1234';
  const createObjectURL = vi.fn<(blob: Blob) => string>(() => created);
  const revokeObjectURL = vi.fn<(url: string) => void>();
  beforeEach(() => {
    vi.useFakeTimers();
    createObjectURL.mockClear();
    revokeObjectURL.mockClear();
    // jsdom has no object URLs.
    Object.defineProperty(URL, 'createObjectURL', { configurable: true, writable: true, value: createObjectURL });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, writable: true, value: revokeObjectURL });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    Reflect.deleteProperty(URL, 'createObjectURL');
    Reflect.deleteProperty(URL, 'revokeObjectURL');
  });

  it('clicks a temporary download link to an object URL, then removes it and later revokes the URL', () => {
    const clicks: Array<{ href: string; download: string; connected: boolean }> = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ href: this.href, download: this.download, connected: this.isConnected });
    });
    const blob = new Blob(['a,b\r\n'], { type: 'text/csv' });
    downloadBlob(blob, 'capbands-ada-2026-11-23.csv');
    expect(createObjectURL).toHaveBeenCalledWith(blob);
    expect(clicks).toEqual([{ href: created, download: 'capbands-ada-2026-11-23.csv', connected: true }]);
    expect(document.querySelector('a')).toBeNull();
    expect(revokeObjectURL).not.toHaveBeenCalled();
    vi.advanceTimersByTime(REVOKE_AFTER_MS);
    expect(revokeObjectURL).toHaveBeenCalledWith(created);
  });
});
