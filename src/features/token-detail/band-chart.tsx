import { memo, useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore, type ReactNode, type RefObject } from 'react';
import { Area, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis, type TooltipContentProps, usePlotArea } from 'recharts';
import { CASES, scenarioTable, tierLabel, type Captures, type ScenarioCase, type TokenInput } from '../../engine/index.ts';
import { formatPrice, formatUsdCompact } from '../../lib/format.ts';
import { INPUT_SETTLE_MS, useSettledValue } from '../../ui/use-settled-value.ts';
import { bandSeries, bandSummary, bandTooltipText, chartDomain, logTicks, priceDomain, priceFloor, type BandPoint } from './chart-series.ts';

/** A published price (e.g. Token Metrics' bands) at total market size `m` (USD). */
export interface PublishedPoint {
  readonly m: number;
  readonly price: number;
  readonly case: ScenarioCase;
}

/** The user's own point: total market size (USD) and the price their share gives there. */
export interface UserPoint {
  readonly marketSize: number;
  readonly price: number;
}

/**
 * A user's point that moves with the keys: a source for `useSyncExternalStore` whose `getState` returns
 * the same object while the point does not move. Given one, the chart re-renders only its mark and its
 * caption when the point moves.
 */
export interface UserPointStore {
  readonly getState: () => UserPoint | null;
  readonly subscribe: (listener: () => void) => () => void;
}

export interface BandChartProps {
  readonly token: TokenInput;
  readonly captures: Captures;
  /** Market sizes (USD) marked by vertical lines and named in the text alternative. */
  readonly tiers: readonly number[];
  /** The point itself, or a store of it (see `UserPointStore`). */
  readonly userPoint: UserPoint | null | UserPointStore;
  readonly published?: readonly PublishedPoint[] | undefined;
  /** The token's symbol, for the text alternative ("ADA price bands ..."). */
  readonly symbol: string;
  /** Fixed size in px (tests, exports); without a width the chart fills its container. */
  readonly width?: number | undefined;
  readonly height?: number | undefined;
}

/** Points per series: enough for smooth curves on a log axis, few enough for a slider-driven redraw. */
const POINTS = 80;
const DEFAULT_HEIGHT = 360;
const CASE_NAME = { bear: 'Bear', base: 'Base', moon: 'Moon' } as const;
const MARGIN = { top: 20, right: 36, bottom: 8, left: 8 } as const;

const TOOLTIP_BOX = { background: 'var(--bg)', color: 'var(--fg)', border: '1px solid var(--border)', padding: '4px 8px' } as const;

const formatXTick = (v: number): string => formatUsdCompact(v);
const formatYTick = (v: number): string => formatPrice(v, { subscriptZeros: false });

/**
 * The same tiers as a stable array while their values do not change, so a parent that builds a new
 * array on each render does not rebuild the series.
 */
function useStableTiers(tiers: readonly number[]): readonly number[] {
  const key = tiers.join(',');
  return useMemo(() => (key === '' ? [] : key.split(',').map(Number)), [key]);
}

/** The token and captures as objects that change only when one of their numbers does. */
function useStableInputs(token: TokenInput, captures: Captures): { token: TokenInput; captures: Captures } {
  const { price, circulatingSupply, totalMarketCap, horizonSupply } = token;
  const { bear, base, moon } = captures;
  const stableToken = useMemo<TokenInput>(
    () => ({ price, circulatingSupply, totalMarketCap, horizonSupply }),
    [price, circulatingSupply, totalMarketCap, horizonSupply],
  );
  const stableCaptures = useMemo<Captures>(() => ({ bear, base, moon }), [bear, base, moon]);
  return { token: stableToken, captures: stableCaptures };
}

type Computed =
  | { readonly ok: true; readonly series: BandPoint[]; readonly summaryTiers: ReturnType<typeof scenarioTable> }
  | { readonly ok: false; readonly message: string };

/**
 * The token detail's band chart: price (log) against total market size (log), the bear-moon band
 * shaded, the three cases as lines, today's price, the tiers, the user's point and published points.
 * A `<figure class="band-chart">` named "Price bands chart" whose caption is a text summary; an export
 * can find the drawing at `figure.band-chart svg.recharts-surface`, and the user's point over it in
 * `svg.band-chart-overlay` (same size and coordinates).
 */
export const BandChart = memo(function BandChart(props: BandChartProps) {
  const { published, symbol, width, height = DEFAULT_HEIGHT } = props;
  const point = usePointStore(props.userPoint);
  const { token, captures } = useStableInputs(props.token, props.captures);
  const tiers = useStableTiers(props.tiers);
  const captionId = useId();
  const figureRef = useRef<HTMLElement>(null);
  const plotWidth = usePlotWidth(figureRef, width);

  // The axes follow the user's point a beat behind (they change only when it leaves them: snapped ends).
  // Read from the point's store as keys that change only when a snapped end does, so a step inside
  // the axes re-renders nothing here (only the mark), and deferred.
  const wantX = useSyncExternalStore(point.subscribe, () => {
    const { min, max } = chartDomain(token.totalMarketCap, tiers, point.getState()?.marketSize);
    return `${min} ${max}`;
  });
  const [xMin, xMax] = splitKey(useDeferredValue(wantX));
  const computed = useMemo<Computed>(() => {
    try {
      const series = bandSeries(token, captures, { min: xMin, max: xMax }, POINTS, tiers);
      return { ok: true, series, summaryTiers: tiers.length > 0 ? scenarioTable(token, captures, tiers) : [] };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }, [token, captures, tiers, xMin, xMax]);
  const publishedByCase = useMemo(
    () => CASES.map((c) => ({ c, points: (published ?? []).filter((p) => p.case === c) })).filter((g) => g.points.length > 0),
    [published],
  );

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

  // The user's point widens the price axis only when it falls outside the bands' own (snapped, so rarely).
  const bands = useMemo(() => (computed.ok ? bandsDomainOf(computed.series, token.price, published) : null), [computed, token.price, published]);
  const wantY = useSyncExternalStore(point.subscribe, () => {
    const price = point.getState()?.price;
    const outside = bands !== null && price !== undefined && price > bands.floor && (price < bands.domain.min || price > bands.domain.max);
    const { min, max } =
      !computed.ok || !bands ? { min: 1, max: 10 } : outside ? priceDomain(computed.series, [...bands.extra, price], bands.floor) : bands.domain;
    return `${min} ${max}`;
  });
  const [yMin, yMax] = splitKey(useDeferredValue(wantY));
  const hasPoint = useSyncExternalStore(point.subscribe, () => point.getState() !== null);

  // Where recharts puts the plot (px): the user's point is drawn over the chart at the same scales.
  const [plot, setPlot] = useState<PlotBox | null>(null);
  // The drawing is one element that changes only with the bands, the axes, the published points and
  // the size: moving the user's point re-renders `UserPointMark` alone (it subscribes to the point),
  // drawn over the drawing, not inside it.
  const drawing = useMemo(() => {
    if (!computed.ok) return null;
    const { series, summaryTiers } = computed;
    const xTicks = logTicks(xMin, xMax);
    const yTicks = logTicks(yMin, yMax, 8);
    const yWidth = Math.max(48, 14 + 7.5 * Math.max(...yTicks.map((t) => formatYTick(t).length)));
    const labelledTiers = thinLabels(tiers, xMin, xMax, plotWidth - yWidth - MARGIN.left - MARGIN.right);
    const desc = bandSummary({
      symbol,
      domain: { min: xMin, max: xMax },
      rows: summaryTiers,
      todayPrice: token.price,
      totalMarketCap: token.totalMarketCap,
      userPoint: null,
      publishedCount: published?.length ?? 0,
    });
    const chart = (
      <ComposedChart data={series} margin={MARGIN} title={`${symbol} price bands`} desc={desc} {...(width === undefined ? {} : { width, height })}>
        <XAxis {...LOG_AXIS} dataKey="m" domain={[xMin, xMax]} ticks={xTicks} tickFormatter={formatXTick} />
        <YAxis {...LOG_AXIS} domain={[yMin, yMax]} ticks={yTicks} tickFormatter={formatYTick} width={yWidth} />
        <Area dataKey="band" name="Bear to moon" fill="var(--base)" fillOpacity={0.15} stroke="none" isAnimationActive={false} activeDot={false} />
        <Line dataKey="bear" name={CASE_NAME.bear} stroke="var(--bear)" strokeWidth={1} dot={false} isAnimationActive={false} />
        <Line dataKey="base" name={CASE_NAME.base} stroke="var(--base)" strokeWidth={2.5} dot={false} isAnimationActive={false} />
        <Line dataKey="moon" name={CASE_NAME.moon} stroke="var(--moon)" strokeWidth={1} dot={false} isAnimationActive={false} />
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
        {tiers.map((tier) => (
          <ReferenceLine
            key={tier}
            x={tier}
            stroke="var(--muted)"
            strokeDasharray="2 4"
            {...(labelledTiers.has(tier) ? { label: { value: tierLabel(tier), position: 'top', fill: 'var(--muted)', fontSize: 12 } } : {})}
          />
        ))}
        <PlotAreaReport onChange={setPlot} />
        <Tooltip content={renderTooltip} isAnimationActive={false} />
      </ComposedChart>
    );
    return width === undefined ? (
      <ResponsiveContainer width="100%" height={height}>
        {chart}
      </ResponsiveContainer>
    ) : (
      chart
    );
  }, [computed, xMin, xMax, yMin, yMax, tiers, plotWidth, symbol, token, published, publishedByCase, renderTooltip, width, height]);

  const describe = useCallback(
    (userPoint: UserPoint | null): string =>
      computed.ok
        ? bandSummary({
            symbol,
            domain: { min: xMin, max: xMax },
            rows: computed.summaryTiers,
            todayPrice: token.price,
            totalMarketCap: token.totalMarketCap,
            userPoint,
            publishedCount: published?.length ?? 0,
          })
        : '',
    [computed, symbol, xMin, xMax, token, published],
  );

  if (!computed.ok) {
    return (
      <figure className="band-chart" aria-label="Price bands chart">
        <figcaption>Chart unavailable: {computed.message}</figcaption>
      </figure>
    );
  }

  return (
    <figure className="band-chart" aria-label="Price bands chart" aria-describedby={captionId} ref={figureRef}>
      <div className="band-chart-plot">
        {drawing}
        <svg className="band-chart-overlay" aria-hidden="true" width={width ?? '100%'} height={height}>
          {plot && hasPoint ? <UserPointMark store={point} plot={plot} xMin={xMin} xMax={xMax} yMin={yMin} yMax={yMax} /> : null}
        </svg>
      </div>
      <BandLegend published={publishedByCase.length > 0} user={hasPoint} />
      <BandCaption id={captionId} store={point} describe={describe} />
    </figure>
  );
});

/** "min max" (a deferred axis key) back into numbers. */
function splitKey(key: string): [number, number] {
  const [min = Number.NaN, max = Number.NaN] = key.split(' ').map(Number);
  return [min, max];
}

/** The price axis the bands, today's price and the published points need, and what went into it. */
function bandsDomainOf(series: readonly BandPoint[], todayPrice: number, published: readonly PublishedPoint[] | undefined) {
  const extra = [todayPrice, ...(published ?? []).map((p) => p.price)];
  const floor = priceFloor(todayPrice);
  return { domain: priceDomain(series, extra, floor), extra, floor };
}

const NO_POINT: UserPointStore = { getState: () => null, subscribe: () => () => {} };

/** `userPoint` as a store: itself when it is one, else a store that holds the given point. */
function usePointStore(userPoint: UserPoint | null | UserPointStore): UserPointStore {
  const given = userPoint !== null && 'subscribe' in userPoint ? userPoint : null;
  const marketSize = userPoint !== null && 'marketSize' in userPoint ? userPoint.marketSize : undefined;
  const price = userPoint !== null && 'price' in userPoint ? userPoint.price : undefined;
  const held = useMemo(() => {
    if (marketSize === undefined || price === undefined) return NO_POINT;
    const state = { marketSize, price };
    return { getState: () => state, subscribe: () => () => {} };
  }, [marketSize, price]);
  return given ?? held;
}

/** The plot area in px, in the chart's own coordinates (the overlay's too). */
interface PlotBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Reports recharts' plot area from inside the chart whenever it changes (a resize, a wider price axis). */
function PlotAreaReport({ onChange }: { readonly onChange: (box: PlotBox) => void }) {
  const area = usePlotArea();
  const x = area?.x;
  const y = area?.y;
  const width = area?.width;
  const height = area?.height;
  useEffect(() => {
    if (x !== undefined && y !== undefined && width !== undefined && height !== undefined) onChange({ x, y, width, height });
  }, [x, y, width, height, onChange]);
  return null;
}

/** Where `v` falls on a log axis from `min` to `max` drawn from `from` over `length` px. */
function logPx(v: number, min: number, max: number, from: number, length: number): number {
  return from + (length * Math.log(v / min)) / Math.log(max / min);
}

interface UserPointMarkProps {
  readonly store: UserPointStore;
  readonly plot: PlotBox;
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
  readonly yMax: number;
}

/**
 * The user's point and its "You $x" label, drawn over the chart (in an SVG of the chart's size) at the
 * axes' scales. It reads the point from its store itself: a slider step re-renders this mark alone, not
 * the chart's hundreds of elements. Outside the axes (they catch up a beat later) it is not drawn
 * rather than sitting on the frame.
 */
const UserPointMark = memo(function UserPointMark({ store, plot, xMin, xMax, yMin, yMax }: UserPointMarkProps) {
  const point = useSyncExternalStore(store.subscribe, store.getState);
  if (point === null || point.marketSize < xMin || point.marketSize > xMax || point.price < yMin || point.price > yMax) return null;
  const x = logPx(point.marketSize, xMin, xMax, plot.x, plot.width);
  const y = logPx(point.price, yMin, yMax, plot.y + plot.height, -plot.height);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
  const nearRight = Math.log(xMax / point.marketSize) < 0.3 * Math.log(xMax / xMin);
  return (
    <g className="band-chart-user">
      <circle cx={x} cy={y} r={6} fill="var(--fg)" stroke="var(--bg)" strokeWidth={2} />
      <text x={x + (nearRight ? -10 : 10)} y={y} dy="0.355em" textAnchor={nearRight ? 'end' : 'start'} fill="var(--fg)" fontSize={13}>
        {`You ${formatPrice(point.price)}`}
      </text>
    </g>
  );
});

/**
 * The text alternative, naming the user's point once the keys pause (a screen reader is not read
 * every step): it reads the point from its store itself, so a slider step re-renders this caption,
 * not the chart.
 */
const BandCaption = memo(function BandCaption({
  id,
  store,
  describe,
}: {
  readonly id: string;
  readonly store: UserPointStore;
  readonly describe: (point: UserPoint | null) => string;
}) {
  const point = useSettledValue(useSyncExternalStore(store.subscribe, store.getState), INPUT_SETTLE_MS);
  return (
    <figcaption id={id} className="band-chart-summary">
      {describe(point)}
    </figcaption>
  );
});

const TICK_STYLE = { fontSize: 12 } as const;
/** What both axes share: numbers on a log scale, drawn muted, points outside the domain clipped. */
const LOG_AXIS = { type: 'number', scale: 'log', allowDataOverflow: true, stroke: 'var(--muted)', tick: TICK_STYLE } as const;

/** The figure's width in px (the fixed one when given), following resizes. */
function usePlotWidth(ref: RefObject<HTMLElement | null>, fixed: number | undefined): number {
  const [measured, setMeasured] = useState(640);
  useEffect(() => {
    const el = ref.current;
    if (fixed !== undefined || !el || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => setMeasured(el.clientWidth || 640));
    observer.observe(el);
    setMeasured(el.clientWidth || 640);
    return () => observer.disconnect();
  }, [ref, fixed]);
  return fixed ?? measured;
}

/**
 * The tiers whose labels fit: walking up from the smallest, a label is kept only when it sits at
 * least ~34 px right of the last kept one (on the log axis), so "16T23T31T" never piles up.
 */
export function thinLabels(tiers: readonly number[], min: number, max: number, plotPx: number): Set<number> {
  const pxPerLog = Math.max(1, plotPx) / Math.log(max / min);
  const kept = new Set<number>();
  let last = -Infinity;
  for (const tier of [...tiers].sort((a, b) => a - b)) {
    const x = Math.log(tier / min) * pxPerLog;
    if (x - last >= 34) {
      kept.add(tier);
      last = x;
    }
  }
  return kept;
}

/** The tooltip line, or a short note if the engine refuses the hovered size (it should not). */
function safeTooltipText(token: TokenInput, captures: Captures, m: number): string {
  try {
    return bandTooltipText(token, captures, m);
  } catch {
    return `At ${formatUsdCompact(m)}: not available`;
  }
}

const LEGEND_LIST = { display: 'flex', flexWrap: 'wrap', gap: '4px 16px', listStyle: 'none', margin: '4px 0', padding: 0 } as const;

function Swatch({ color, thick = 2, dashed = false }: { color: string; thick?: number; dashed?: boolean }) {
  const line = `${thick}px ${dashed ? 'dashed' : 'solid'} ${color}`;
  return <span aria-hidden="true" style={{ display: 'inline-block', width: 18, marginRight: 6, verticalAlign: 'middle', borderTop: line }} />;
}

/**
 * The key, in HTML beside the drawing (recharts' own legend would add an `svg.recharts-surface` per
 * icon to the figure, so the figure's only such svg stays the chart).
 */
function BandLegend({ published, user }: { published: boolean; user: boolean }) {
  return (
    <ul className="band-chart-legend" style={LEGEND_LIST}>
      {CASES.map((c) => (
        <li key={c}>
          <Swatch color={`var(--${c})`} thick={c === 'base' ? 3 : 1} />
          {CASE_NAME[c]}
        </li>
      ))}
      <li>
        <span aria-hidden="true" style={{ display: 'inline-block', width: 18, height: 10, marginRight: 6, background: 'var(--base)', opacity: 0.15 }} />
        Bear to moon band
      </li>
      <li>
        <Swatch color="var(--muted)" dashed />
        Today&apos;s price, tiers
      </li>
      {user && <li>● Your point</li>}
      {published && <li>◆ Published</li>}
    </ul>
  );
}
