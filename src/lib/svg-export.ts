/**
 * Chart export without html-to-image: the chart's own `<svg>` is cloned with its computed styles and
 * CSS variables written in, wrapped with a title, legend and footer drawn as SVG (recharts' legend is
 * HTML), and drawn on a canvas for PNG. No external reference survives, so the canvas is never tainted
 * and the file shows the same anywhere.
 */

import { cloneForExport, parseStyle, resolveVars, rootVariables, writeStyle, xmlSafe } from './svg-clean.ts';

export { REVOKE_AFTER_MS, downloadBlob, exportFileName } from './export-file.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** What the export draws around the chart. Sizes in CSS px; colors and fonts as CSS values (a `var(--x)` is resolved). */
export interface SvgExportOptions {
  readonly width: number;
  readonly height: number;
  readonly title: string;
  readonly subtitle: string;
  /** Lines under the legend: scenario parameters, source and as-of, "Not financial advice". Long lines wrap. */
  readonly footer: readonly string[];
  readonly legend: ReadonlyArray<{ readonly label: string; readonly color: string; readonly kind?: LegendKind }>;
  readonly background: string;
  readonly foreground: string;
  readonly mutedColor: string;
  readonly fontFamily: string;
  /** Live SVGs drawn over the chart in its own coordinates (the user's point), copied in on top of it. */
  readonly overlays?: readonly Element[];
  /** A CSS selector of elements of the chart to leave out (marks shown only while hovering). */
  readonly omit?: string | null | undefined;
  /** A short line at the top right (the data's day and the day the picture was made). */
  readonly corner?: string | undefined;
}

/** How a legend item's sample is drawn: a filled square (the default), a line, a thick line, a dashed line, a shaded area, a dot, a diamond. */
export type LegendKind = 'square' | 'line' | 'thick' | 'dashed' | 'area' | 'dot' | 'diamond';

const PAD = 16;
const TITLE_SIZE = 18;
const SUBTITLE_SIZE = 12;
const LEGEND_SIZE = 12;
const FOOTER_SIZE = 11;
/** An average glyph width as a share of the font size, to wrap text without measuring it. */
const GLYPH = 0.58;

/** Greedy word wrap to `max` characters; a word longer than a line is cut. */
function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    for (let w = word; w !== ''; w = w.slice(max)) {
      const piece = w.slice(0, max);
      if (line === '') line = piece;
      else if (line.length + 1 + piece.length <= max) line += ` ${piece}`;
      else {
        lines.push(line);
        line = piece;
      }
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * A standalone SVG document (a string) of the chart: the live `svg` (the drawing a view marks for export, see
 * `chart-export.ts`) cloned with its computed styles inlined and every `var(--x)` resolved, without interactive parts
 * (what `omit` selects, `role="application"`, `tabindex`, handlers) or external references (`http` images, `url(http...)`), inside a
 * new `<svg>` of `width` x `height` px with a background, the title and subtitle at the top, and the legend
 * (swatches and labels) and footer lines at the bottom. All text is XML-escaped and stripped of characters XML
 * cannot hold, so the result parses as `image/svg+xml`. The live chart is not changed. Needs a DOM (browser or jsdom).
 */
export function standaloneSvg(svg: SVGSVGElement, options: SvgExportOptions): string {
  const doc = svg.ownerDocument;
  const rootLookup = rootVariables(doc);
  const color = (value: string, fallback: string): string => resolveVars(value, rootLookup) ?? fallback;
  const fg = color(options.foreground, '#000');
  const muted = color(options.mutedColor, fg);
  const width = Math.max(1, Number.isFinite(options.width) ? options.width : 1);
  const height = Math.max(1, Number.isFinite(options.height) ? options.height : 1);
  const font = xmlSafe(resolveVars(options.fontFamily, rootLookup) ?? 'sans-serif');

  const chart = cloneForExport(svg, fg, options.omit ?? null);
  for (const overlay of options.overlays ?? []) {
    // A hidden part of an overlay (the user's point while it waits for the axes) is left out.
    const shown = Array.from(cloneForExport(overlay, fg, options.omit ?? null).childNodes).filter(
      (n) => !(n instanceof Element && n.getAttribute('display') === 'none'),
    );
    chart.append(...shown);
  }

  const make = (name: string, attrs: Record<string, string | number>, text?: string): SVGElement => {
    const el = doc.createElementNS(SVG_NS, name);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, xmlSafe(String(v)));
    if (text !== undefined) el.textContent = xmlSafe(text);
    return el;
  };
  const root = make('svg', { width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': font });
  root.append(make('title', {}, options.title));
  root.append(make('rect', { x: 0, y: 0, width, height, fill: color(options.background, '#fff') }));
  let y = PAD + TITLE_SIZE;
  root.append(make('text', { x: PAD, y, 'font-size': TITLE_SIZE, 'font-weight': 700, fill: fg }, options.title));
  // The corner line sits beside the title when both fit the width, else on a line of its own under the subtitle.
  const corner = options.corner ?? '';
  const besideTitle = (options.title.length * TITLE_SIZE + corner.length * SUBTITLE_SIZE) * GLYPH + 3 * PAD <= width;
  if (corner !== '' && besideTitle) {
    root.append(make('text', { x: width - PAD, y: PAD + SUBTITLE_SIZE, 'font-size': SUBTITLE_SIZE, fill: muted, 'text-anchor': 'end' }, corner));
  }
  if (options.subtitle.trim() !== '') {
    y += SUBTITLE_SIZE + 8;
    root.append(make('text', { x: PAD, y, 'font-size': SUBTITLE_SIZE, fill: muted }, options.subtitle));
  }
  if (corner !== '' && !besideTitle) {
    y += SUBTITLE_SIZE + 6;
    root.append(make('text', { x: PAD, y, 'font-size': SUBTITLE_SIZE, fill: muted }, corner));
  }
  const chartTop = y + 10;

  // Legend rows (swatch + label), then footer lines, laid out upwards from the bottom edge.
  const inner = width - 2 * PAD;
  const legendRows: Array<Array<{ x: number; label: string; color: string; kind: LegendKind }>> = [];
  let x = 0;
  for (const item of options.legend) {
    const label = xmlSafe(item.label);
    const w = 18 + label.length * LEGEND_SIZE * GLYPH;
    if (legendRows.length === 0 || (x > 0 && x + w > inner)) {
      legendRows.push([]);
      x = 0;
    }
    legendRows.at(-1)?.push({ x, label, color: color(item.color, fg), kind: item.kind ?? 'square' });
    x += w + 16;
  }
  const footer = options.footer.flatMap((line) => wrap(xmlSafe(line), Math.max(8, Math.floor(inner / (FOOTER_SIZE * GLYPH)))));
  const footerTop = height - PAD - footer.length * (FOOTER_SIZE + 4);
  const legendTop = footerTop - legendRows.length * (LEGEND_SIZE + 8) - (legendRows.length > 0 ? 4 : 0);
  legendRows.forEach((row, r) => {
    const rowY = legendTop + r * (LEGEND_SIZE + 8);
    for (const item of row) {
      root.append(swatch(make, PAD + item.x, rowY, item.color, item.kind));
      root.append(make('text', { x: PAD + item.x + 18, y: rowY + 10, 'font-size': LEGEND_SIZE, fill: fg }, item.label));
    }
  });
  footer.forEach((line, i) => {
    root.append(make('text', { x: PAD, y: footerTop + (i + 1) * (FOOTER_SIZE + 4) - 4, 'font-size': FOOTER_SIZE, fill: muted }, line));
  });

  // The chart keeps its own coordinates (viewBox) and is scaled into the space left between header and legend.
  const box = chart.getAttribute('viewBox') ?? `0 0 ${Number(chart.getAttribute('width')) || width} ${Number(chart.getAttribute('height')) || height}`;
  const chartStyle = parseStyle(chart.getAttribute('style'));
  for (const prop of ['width', 'height', 'max-width', 'max-height', 'position', 'top', 'left']) chartStyle.delete(prop);
  chart.setAttribute('style', writeStyle(chartStyle));
  for (const [k, v] of Object.entries({
    x: 0,
    y: chartTop,
    width,
    height: Math.max(1, legendTop - 8 - chartTop),
    viewBox: box,
    preserveAspectRatio: 'xMidYMid meet',
  })) {
    chart.setAttribute(k, String(v));
  }
  root.append(chart);
  return new (doc.defaultView ?? window).XMLSerializer().serializeToString(root);
}

/** A legend sample of `kind` in a 12 x 12 px box at (`x`, `y`), drawn as what it stands for. */
function swatch(make: (name: string, attrs: Record<string, string | number>) => SVGElement, x: number, y: number, color: string, kind: LegendKind): SVGElement {
  const line = (width: number, dash?: string) =>
    make('line', { x1: x, y1: y + 6, x2: x + 12, y2: y + 6, stroke: color, 'stroke-width': width, ...(dash ? { 'stroke-dasharray': dash } : {}) });
  switch (kind) {
    case 'line':
      return line(1.5);
    case 'thick':
      return line(3);
    case 'dashed':
      return line(1.5, '3 2');
    case 'area':
      return make('rect', { x, y: y + 1, width: 12, height: 10, fill: color, 'fill-opacity': 0.2 });
    case 'dot':
      return make('circle', { cx: x + 6, cy: y + 6, r: 4.5, fill: color });
    case 'diamond':
      return make('path', { d: `M${x + 6} ${y}L${x + 12} ${y + 6}L${x + 6} ${y + 12}L${x} ${y + 6}Z`, fill: color });
    default:
      return make('rect', { x, y, width: 12, height: 12, rx: 2, fill: color });
  }
}

/** A 2D context, as much of it as the PNG export uses. */
export interface PngContext {
  drawImage(image: CanvasImageSource, dx: number, dy: number, dw: number, dh: number): void;
}

/** A canvas, as much of it as the PNG export uses (an `HTMLCanvasElement` is one). */
export interface PngCanvas {
  getContext(contextId: '2d'): PngContext | null;
  toBlob(callback: (blob: Blob | null) => void, type?: string): void;
}

/** What `svgToPngBlob` draws with; tests pass their own, browsers use a `<canvas>` and an `<img>`. */
export interface PngDeps {
  readonly createCanvas: (width: number, height: number) => PngCanvas;
  readonly loadImage: (url: string) => Promise<CanvasImageSource>;
}

/** Safari's canvas limit (4096 x 4096 px); larger canvases come back blank there. */
const MAX_CANVAS_PIXELS = 16_777_216;

const browserDeps: PngDeps = {
  createCanvas: (width, height) => {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    return canvas;
  },
  loadImage: (url) =>
    new Promise((resolve, reject) => {
      const image = new Image();
      image.onload = () => resolve(image);
      image.onerror = () => reject(new Error('the browser could not draw the SVG'));
      image.src = url;
    }),
};

/** The message of anything thrown (a DOMException is not an Error in every DOM). */
function reason(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') return error.message;
  return String(error);
}

/**
 * Draws an SVG document (from `standaloneSvg`) on a canvas of `width * scale` x `height * scale` px and
 * encodes it as PNG. `width` and `height` are the SVG's size in CSS px; `scale` 2 gives a sharp image on
 * high-density screens. The scale is lowered when the canvas would pass 16.7 million pixels (Safari's limit).
 * The SVG goes in as a `data:image/svg+xml` URL, so nothing is fetched and the canvas is not tainted.
 * @throws Error (`PNG export failed: ...`) for a size that is not positive, an SVG the browser cannot load,
 *   no 2D context, or a canvas that gives no image (`toBlob` null or throwing).
 */
export async function svgToPngBlob(svgText: string, width: number, height: number, scale = 2, deps: PngDeps = browserDeps): Promise<Blob> {
  if (!(width > 0 && height > 0 && scale > 0) || !Number.isFinite(width * height * scale)) {
    throw new Error(`PNG export failed: the size ${width} x ${height} at scale ${scale} is not a positive size`);
  }
  const fit = Math.min(scale, Math.sqrt(MAX_CANVAS_PIXELS / (width * height)));
  const w = Math.max(1, Math.round(width * fit));
  const h = Math.max(1, Math.round(height * fit));
  let image: CanvasImageSource;
  try {
    image = await deps.loadImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`);
  } catch (error) {
    throw new Error(`PNG export failed: the SVG did not load as an image (${reason(error)})`, { cause: error });
  }
  const canvas = deps.createCanvas(w, h);
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('PNG export failed: the browser gave no 2D canvas');
  context.drawImage(image, 0, 0, w, h);
  const blob = await new Promise<Blob | null>((resolve, reject) => {
    try {
      canvas.toBlob(resolve, 'image/png');
    } catch (error) {
      reject(new Error(`PNG export failed: the canvas refused to export (${reason(error)})`, { cause: error }));
    }
  });
  if (blob === null) throw new Error('PNG export failed: the canvas gave no image (toBlob returned null)');
  return blob;
}
