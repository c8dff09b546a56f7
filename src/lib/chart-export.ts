import { csvBlob, toCsv } from './csv.ts';
import { downloadBlob, exportFileName, standaloneSvg, svgToPngBlob } from './svg-export.ts';

/** Size of an exported figure in CSS px; the PNG is drawn at 2x, so at least 1,800 px wide. */
export const EXPORT_SIZE = { width: 900, height: 620, scale: 2 } as const;

export interface FigureText {
  readonly title: string;
  readonly subtitle: string;
  /** Parameters, source and as-of; "Not financial advice" is always added last. */
  readonly footer: readonly string[];
  readonly legend: ReadonlyArray<{ readonly label: string; readonly color: string }>;
}

export const DISCLAIMER = 'Not financial advice: scenarios are arithmetic on assumptions, not forecasts. capbands';

function chartSvg(figureSelector: string): SVGSVGElement {
  const svg = document.querySelector<SVGSVGElement>(`${figureSelector} svg.recharts-surface`);
  if (!svg) throw new Error('the chart is not on screen');
  return svg;
}

/** The chart inside `figureSelector` as a standalone SVG document with its title, legend, footer and disclaimer. */
export function figureSvg(figureSelector: string, text: FigureText): string {
  const style = getComputedStyle(document.documentElement);
  return standaloneSvg(chartSvg(figureSelector), {
    width: EXPORT_SIZE.width,
    height: EXPORT_SIZE.height,
    title: text.title,
    subtitle: text.subtitle,
    footer: [...text.footer, DISCLAIMER],
    legend: text.legend,
    background: 'var(--bg)',
    foreground: 'var(--fg)',
    mutedColor: 'var(--muted)',
    fontFamily: style.fontFamily || 'sans-serif',
    // Marks drawn over the chart in its coordinates (the detail view's user point).
    overlays: [...document.querySelectorAll(`${figureSelector} svg.band-chart-overlay`)],
  });
}

/** Saves the figure as SVG; returns the file name. */
export function saveFigureSvg(figureSelector: string, text: FigureText, symbol: string): string {
  const name = exportFileName(symbol, new Date(), 'svg');
  downloadBlob(new Blob([figureSvg(figureSelector, text)], { type: 'image/svg+xml' }), name);
  return name;
}

/** Saves the figure as a 2x PNG; returns the file name. */
export async function saveFigurePng(figureSelector: string, text: FigureText, symbol: string): Promise<string> {
  const blob = await svgToPngBlob(figureSvg(figureSelector, text), EXPORT_SIZE.width, EXPORT_SIZE.height, EXPORT_SIZE.scale);
  const name = exportFileName(symbol, new Date(), 'png');
  downloadBlob(blob, name);
  return name;
}

/** Saves rows as RFC 4180 CSV; returns the file name. */
export function saveCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null>>, symbol: string): string {
  const name = exportFileName(symbol, new Date(), 'csv');
  downloadBlob(csvBlob(toCsv(rows)), name);
  return name;
}
