import { csvBlob, toCsv } from './csv.ts';
import { downloadBlob, exportFileName, standaloneSvg, svgToPngBlob, type LegendKind } from './svg-export.ts';

/** An exported picture's size in CSS px and the scale its PNG is drawn at. */
export interface ExportFormat {
  readonly width: number;
  readonly height: number;
  readonly scale: number;
  /** In the file name after the symbol ("social"), or "" for the report. */
  readonly tag: string;
}

/** The report picture: 900 x 620 drawn at 2x, so 1,800 px wide. */
export const EXPORT_SIZE: ExportFormat = { width: 900, height: 620, scale: 2, tag: '' };
/** The picture for social posts: 1200 x 675 px (16:9), drawn at 1x. */
export const SOCIAL_SIZE: ExportFormat = { width: 1200, height: 675, scale: 1, tag: 'social' };

export interface FigureText {
  readonly title: string;
  readonly subtitle: string;
  /** Parameters, source and as-of; "Not financial advice" is always added last. */
  readonly footer: readonly string[];
  readonly legend: ReadonlyArray<{ readonly label: string; readonly color: string; readonly kind?: LegendKind }>;
  /** The day the data is of (ISO, e.g. the dataset's as-of): written in the picture and the file name. */
  readonly dataAsOf?: string | null | undefined;
}

export const DISCLAIMER = 'Not financial advice: scenarios are arithmetic on assumptions, not forecasts. capbands';

/** "2026-01-09" of an ISO date or time, or null. */
function isoDay(iso: string | null | undefined): string | null {
  return (iso ? /^\d{4}-\d{2}-\d{2}/.exec(iso)?.[0] : undefined) ?? null;
}

/**
 * The chart a view marks for export: the element whose `data-export-chart` is `name`, the first `<svg>`
 * inside it that is not an overlay (the drawing), the SVGs marked `data-export-overlay` (marks drawn
 * over the drawing in its coordinates), and the selector in its `data-export-omit` (what to leave out).
 */
function exportedChart(name: string): { svg: SVGSVGElement; overlays: Element[]; omit: string | null } {
  const frame = [...document.querySelectorAll<HTMLElement>('[data-export-chart]')].find((el) => el.dataset['exportChart'] === name);
  const svg = frame?.querySelector('svg:not([data-export-overlay])');
  if (!frame || !(svg instanceof SVGSVGElement)) throw new Error('the chart is not on screen');
  return { svg, overlays: [...frame.querySelectorAll('[data-export-overlay]')], omit: frame.dataset['exportOmit'] ?? null };
}

/** The chart marked `data-export-chart="<name>"` as a standalone SVG document with its title, legend, footer, dates and disclaimer. */
export function figureSvg(name: string, text: FigureText, format: ExportFormat = EXPORT_SIZE, now: Date = new Date()): string {
  const style = getComputedStyle(document.documentElement);
  const { svg, overlays, omit } = exportedChart(name);
  const dataDay = isoDay(text.dataAsOf);
  const madeDay = isoDay(Number.isNaN(now.getTime()) ? null : now.toISOString());
  return standaloneSvg(svg, {
    width: format.width,
    height: format.height,
    title: text.title,
    subtitle: text.subtitle,
    corner: [dataDay ? `Data of ${dataDay}` : null, madeDay ? `made ${madeDay}` : null].filter((s) => s !== null).join(', '),
    footer: [...text.footer, DISCLAIMER],
    legend: text.legend,
    background: 'var(--bg)',
    foreground: 'var(--fg)',
    mutedColor: 'var(--muted)',
    fontFamily: style.fontFamily || 'sans-serif',
    overlays,
    omit,
  });
}

/** The file name of a figure: symbol, format, the data's day and today's. */
function figureFileName(symbol: string, text: FigureText, format: ExportFormat, ext: 'png' | 'svg'): string {
  return exportFileName(symbol, new Date(), ext, { tag: format.tag, dataDay: isoDay(text.dataAsOf) });
}

/** Saves the figure as SVG; returns the file name. */
export function saveFigureSvg(chart: string, text: FigureText, symbol: string): string {
  const name = figureFileName(symbol, text, EXPORT_SIZE, 'svg');
  downloadBlob(new Blob([figureSvg(chart, text)], { type: 'image/svg+xml' }), name);
  return name;
}

/** Saves the figure as a PNG in `format` (the report's 2x 900 x 620 by default); returns the file name. */
export async function saveFigurePng(chart: string, text: FigureText, symbol: string, format: ExportFormat = EXPORT_SIZE): Promise<string> {
  const blob = await svgToPngBlob(figureSvg(chart, text, format), format.width, format.height, format.scale);
  const name = figureFileName(symbol, text, format, 'png');
  downloadBlob(blob, name);
  return name;
}

/** Saves rows as RFC 4180 CSV; returns the file name. */
export function saveCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null>>, symbol: string): string {
  const name = exportFileName(symbol, new Date(), 'csv');
  downloadBlob(csvBlob(toCsv(rows)), name);
  return name;
}
