import { memo, useCallback, type ReactNode } from 'react';
import {
  Area,
  ComposedChart,
  DefaultZIndexes,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
  ZIndexLayer,
  type TooltipContentProps,
} from 'recharts';
import { CASE_LABEL, tierLabel, type Captures, type ScenarioCase, type TokenInput } from '../../engine/index.ts';
import type { PublishedPoint } from '../../data/published.ts';
import { formatPrice, formatUsdCompact } from '../../lib/format.ts';
import { TierLines } from '../../ui/tier-lines.tsx';
import { CrossingNote, PublishedLabels, TargetHits, TierPrices, type TargetHit } from './band-marks.tsx';
import { formatYTick, thinLabels, yAxisWidth } from './band-domains.ts';
import { bandTooltipText, logTicks, type BandPoint, type LogDomain } from './chart-series.ts';
import { PlotAreaReport, type PlotBox } from './user-mark.tsx';

const MARGIN = { top: 20, right: 44, bottom: 8, left: 8 } as const;
const TOOLTIP_BOX = { background: 'var(--bg)', color: 'var(--fg)', border: '1px solid var(--border)', padding: '4px 8px' } as const;
const TICK_STYLE = { fontSize: 12 } as const;
/** What both axes share: numbers on a log scale, drawn muted, points outside the domain clipped. */
const LOG_AXIS = { type: 'number', scale: 'log', allowDataOverflow: true, stroke: 'var(--muted)', tick: TICK_STYLE } as const;
/** Below this plot width (px) the chart is compact: the tiers' prices and the marks' words are left out (they would cover the bands). */
const PRICES_MIN_PX = 420;

const formatXTick = (v: number): string => formatUsdCompact(v);

export interface BandDrawingProps {
  readonly series: readonly BandPoint[];
  /** The axes' ends: market size (USD) and price (USD), each `0 < min < max`. */
  readonly x: LogDomain;
  readonly y: LogDomain;
  readonly token: TokenInput;
  readonly captures: Captures;
  readonly tiers: readonly number[];
  readonly publishedByCase: ReadonlyArray<{ readonly c: ScenarioCase; readonly points: readonly PublishedPoint[] }>;
  /** Who published the points, in their labels ("TM 15.5T"). */
  readonly publishedName: string;
  /** The user's target price (USD) and where each case meets it, or null. */
  readonly target: { readonly price: number; readonly hits: readonly TargetHit[] } | null;
  readonly symbol: string;
  /** The drawing's own text alternative (`<desc>`). */
  readonly desc: string;
  /** The figure's width in px, for which labels fit. */
  readonly plotWidth: number;
  /** Fixed size in px; without a width the chart fills its container (its height from CSS). */
  readonly width: number | undefined;
  readonly height: number | undefined;
  /** Told where recharts put the plot area (the user's mark is drawn over it). */
  readonly onPlot: (box: PlotBox) => void;
}

/**
 * The recharts drawing of the band chart: the bear-moon band, the three cases, published points and
 * their market sizes, today's price and where the cases meet, the tiers and their prices, the target
 * line, and a keyboard tooltip. Memoised on plain values: the user's point is not among them (its mark
 * is drawn over the drawing). Nothing animates (recharts would restart its animations on every change).
 */
export const BandDrawing = memo(function BandDrawing(props: BandDrawingProps) {
  const { series, x, y, token, captures, tiers, publishedByCase, publishedName, target, symbol, desc, plotWidth, width, height, onPlot } = props;
  const renderTooltip = useCallback(
    ({ active, label }: TooltipContentProps): ReactNode => {
      if (!active || typeof label !== 'number') return null;
      return (
        <div className="band-chart-tooltip" style={TOOLTIP_BOX}>
          {safeTooltipText(token, captures, label)}
        </div>
      );
    },
    [token, captures],
  );
  const xTicks = logTicks(x.min, x.max);
  const yTicks = logTicks(y.min, y.max, 8);
  const yWidth = yAxisWidth(yTicks);
  const plotPx = plotWidth - yWidth - MARGIN.left - MARGIN.right;
  const labelledTiers = thinLabels(tiers, x.min, x.max, plotPx);
  const compact = plotPx < PRICES_MIN_PX;
  const pricedTiers = compact ? new Set<number>() : thinLabels(tiers, x.min, x.max, plotPx, 50);
  const chart = (
    <ComposedChart data={series} margin={MARGIN} title={`${symbol} price bands`} desc={desc} {...(width === undefined ? {} : { width, height: height ?? 360 })}>
      <XAxis {...LOG_AXIS} dataKey="m" domain={[x.min, x.max]} ticks={xTicks} tickFormatter={formatXTick} />
      <YAxis {...LOG_AXIS} domain={[y.min, y.max]} ticks={yTicks} tickFormatter={formatYTick} width={yWidth} />
      <Area dataKey="band" name="Bear to moon" fill="var(--base)" fillOpacity={0.15} stroke="none" isAnimationActive={false} activeDot={false} />
      <Line dataKey="bear" name={CASE_LABEL.bear} stroke="var(--bear)" strokeWidth={1} dot={false} isAnimationActive={false} />
      <Line dataKey="base" name={CASE_LABEL.base} stroke="var(--base)" strokeWidth={2.5} dot={false} isAnimationActive={false} />
      <Line dataKey="moon" name={CASE_LABEL.moon} stroke="var(--moon)" strokeWidth={1} dot={false} isAnimationActive={false} />
      {publishedByCase.map(({ c, points }) => (
        <Scatter
          key={c}
          data={points}
          dataKey="price"
          name={`Published ${c}`}
          shape="diamond"
          fill={`var(--${c})`}
          stroke="var(--fg)"
          isAnimationActive={false}
        />
      ))}
      <ReferenceLine
        y={token.price}
        stroke="var(--muted)"
        strokeDasharray="4 4"
        label={{ value: `Today ${formatPrice(token.price)}`, position: 'insideBottomRight', fill: 'var(--muted)', fontSize: 12 }}
      />
      <TierLines tiers={tiers} label={(tier) => (labelledTiers.has(tier) ? tierLabel(tier) : null)} />
      {target ? (
        <ReferenceLine
          y={target.price}
          stroke="var(--fg)"
          strokeDasharray="6 3"
          label={{ value: `Target ${formatPrice(target.price)}`, position: 'insideTopLeft', fill: 'var(--fg)', fontSize: 12 }}
        />
      ) : null}
      {/* Our labels (each with a halo) in recharts' label layer: above the lines, the diamonds and the reference lines. */}
      <ZIndexLayer zIndex={DefaultZIndexes.label}>
        <TierPrices series={series} tiers={pricedTiers} />
        {compact ? null : <PublishedLabels points={publishedByCase.flatMap((g) => g.points)} name={publishedName} y={y} />}
        <CrossingNote market={token.totalMarketCap} price={token.price} x={x} y={y} labelled={!compact} />
        {target ? <TargetHits target={target.price} hits={target.hits} x={x} labelled={!compact} /> : null}
      </ZIndexLayer>
      <PlotAreaReport onChange={onPlot} />
      <Tooltip content={renderTooltip} isAnimationActive={false} />
    </ComposedChart>
  );
  return width === undefined ? (
    <ResponsiveContainer width="100%" height="100%">
      {chart}
    </ResponsiveContainer>
  ) : (
    chart
  );
});

/** The tooltip line, or a short note if the engine refuses the hovered size (it should not). */
function safeTooltipText(token: TokenInput, captures: Captures, m: number): string {
  try {
    return bandTooltipText(token, captures, m);
  } catch {
    return `At ${formatUsdCompact(m)}: not available`;
  }
}
