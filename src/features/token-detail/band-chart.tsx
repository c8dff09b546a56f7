import { memo, useDeferredValue, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore, type RefObject } from 'react';
import { CASES, requiredMarketSize, scenarioTable, tierLabel, type Captures, type TokenInput } from '../../engine/index.ts';
import type { PublishedPoint } from '../../data/published.ts';
import { formatPrice } from '../../lib/format.ts';
import { useSettledStore } from '../../ui/use-settled-value.ts';
import { BandDrawing } from './band-drawing.tsx';
import { bandsAxis, priceAxis, type BandsAxis } from './band-domains.ts';
import { BandLegend } from './band-legend.tsx';
import type { TargetHit } from './band-marks.tsx';
import { bandSeries, bandSummary, marketAxis, type BandPoint, type LogDomain } from './chart-series.ts';
import { UserPointMark, usePointStore, type PlotBox, type UserPoint, type UserPointStore } from './user-mark.tsx';

export type { UserPoint, UserPointStore } from './user-mark.tsx';

/** The name the detail view's exports find the drawing by (`data-export-chart`). */
export const BAND_CHART_EXPORT = 'band-chart';
/**
 * What recharts draws inside its `<svg>` only while the pointer or keyboard is on the chart (the
 * tooltip's cursor, a line's active dot): left out of an exported picture (`data-export-omit`).
 */
const HOVER_MARKS = '.recharts-tooltip-cursor, .recharts-active-dot, .recharts-tooltip-wrapper';

export interface BandChartProps {
  readonly token: TokenInput;
  readonly captures: Captures;
  /** Market sizes (USD) marked by vertical lines and named in the text alternative. */
  readonly tiers: readonly number[];
  /** The point itself, or a store of it (see `UserPointStore`). */
  readonly userPoint: UserPoint | null | UserPointStore;
  readonly published?: readonly PublishedPoint[] | undefined;
  /** Who published the points, for their labels ("TM 15.5T") and the key; "TM" by default. */
  readonly publishedName?: string | undefined;
  /** A target price (USD, > 0): drawn as a line, with the market size where each case meets it. */
  readonly target?: number | null | undefined;
  /** The token's symbol, for the text alternative ("ADA price bands ..."). */
  readonly symbol: string;
  /** Fixed size in px (tests, exports); without them the chart fills its container, its height set by CSS. */
  readonly width?: number | undefined;
  readonly height?: number | undefined;
}

/** Points per series: enough for smooth curves on a log axis, few enough for a slider-driven redraw. */
const POINTS = 80;

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
 * The price axis, a beat behind the user's point: each end read from the point's store as a number that
 * changes only when the point leaves the bands' axis (snapped ends), so a step inside it re-renders
 * nothing here (only the mark).
 */
function usePriceAxis(point: UserPointStore, series: readonly BandPoint[] | null, bands: BandsAxis | null): LogDomain {
  const end = (which: 'min' | 'max') => (): number => (series && bands ? priceAxis(series, bands, point.getState()?.price)[which] : which === 'min' ? 1 : 10);
  const min = useDeferredValue(useSyncExternalStore(point.subscribe, end('min')));
  const max = useDeferredValue(useSyncExternalStore(point.subscribe, end('max')));
  return useMemo(() => ({ min, max }), [min, max]);
}

/** Where each case meets `target` (USD), for the captures: the market sizes (USD) the engine gives. */
function targetHits(token: TokenInput, captures: Captures, target: number): TargetHit[] {
  return CASES.flatMap((c) => {
    try {
      const m = requiredMarketSize(token, captures[c], target);
      return m === null || m <= 0 ? [] : [{ c, m }];
    } catch {
      return [];
    }
  });
}

/**
 * The token detail's band chart: price (log) against total market size (log, fixed to the market-size
 * slider's range), the bear-moon band shaded, the three cases as lines, today's price, the tiers, the
 * target, the user's point and published points. A `<figure>` named "Price bands chart" whose caption
 * is a text summary. The drawing sits in an element marked `data-export-chart` (see
 * `src/lib/chart-export.ts`), the user's point over it in an SVG marked `data-export-overlay`.
 */
export const BandChart = memo(function BandChart(props: BandChartProps) {
  const { published, publishedName = 'TM', symbol, width, target = null } = props;
  const height = props.height ?? (width === undefined ? undefined : 360);
  const point = usePointStore(props.userPoint);
  const { token, captures } = useStableInputs(props.token, props.captures);
  const tiers = useStableTiers(props.tiers);
  const captionId = useId();
  const figureRef = useRef<HTMLElement>(null);
  const plotWidth = usePlotWidth(figureRef, width);

  const { min: xMin, max: xMax } = marketAxis(token.totalMarketCap, tiers);
  const x = useMemo(() => ({ min: xMin, max: xMax }), [xMin, xMax]);
  const computed = useMemo<Computed>(() => {
    try {
      const series = bandSeries(token, captures, x, POINTS, tiers);
      return { ok: true, series, summaryTiers: tiers.length > 0 ? scenarioTable(token, captures, tiers) : [] };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }, [token, captures, tiers, x]);
  const series = computed.ok ? computed.series : null;
  const bands = useMemo(() => (series ? bandsAxis(series, token.price, published, target) : null), [series, token.price, published, target]);
  const y = usePriceAxis(point, series, bands);
  const hasPoint = useSyncExternalStore(point.subscribe, () => point.getState() !== null);
  const publishedByCase = useMemo(
    () => CASES.map((c) => ({ c, points: (published ?? []).filter((p) => p.case === c) })).filter((g) => g.points.length > 0),
    [published],
  );
  const targetMarks = useMemo(() => (target === null ? null : { price: target, hits: targetHits(token, captures, target) }), [target, token, captures]);

  // Where recharts puts the plot (px): the user's point is drawn over the chart at the same scales.
  const [plot, setPlot] = useState<PlotBox | null>(null);
  const summaryOf = (userPoint: UserPoint | null): string =>
    computed.ok
      ? bandSummary({
          symbol,
          domain: x,
          rows: computed.summaryTiers,
          todayPrice: token.price,
          totalMarketCap: token.totalMarketCap,
          userPoint,
          publishedCount: published?.length ?? 0,
        }) + targetSentence(targetMarks)
      : '';
  const desc = summaryOf(null);

  if (!computed.ok) {
    return (
      <figure className="band-chart" aria-label="Price bands chart">
        <figcaption>Chart unavailable: {computed.message}</figcaption>
      </figure>
    );
  }

  return (
    <figure className="band-chart" aria-label="Price bands chart" aria-describedby={captionId} ref={figureRef}>
      <div
        className="band-chart-plot"
        data-export-chart={BAND_CHART_EXPORT}
        data-export-omit={HOVER_MARKS}
        style={height === undefined ? undefined : { height }}
      >
        <BandDrawing
          series={computed.series}
          x={x}
          y={y}
          token={token}
          captures={captures}
          tiers={tiers}
          publishedByCase={publishedByCase}
          publishedName={publishedName}
          target={targetMarks}
          symbol={symbol}
          desc={desc}
          plotWidth={plotWidth}
          width={width}
          height={height}
          onPlot={setPlot}
        />
        <svg className="band-chart-overlay" data-export-overlay="" aria-hidden="true" width={width ?? '100%'} height={height ?? '100%'}>
          {plot && hasPoint ? <UserPointMark store={point} plot={plot} x={x} y={y} /> : null}
        </svg>
      </div>
      <BandLegend
        published={publishedByCase.length > 0 ? `${publishedName} published, at the market sizes it used` : null}
        user={hasPoint}
        target={target !== null}
      />
      <p className="band-chart-note">
        The cases meet at today&apos;s {tierLabel(token.totalMarketCap)} market and {formatPrice(token.price)}: a capture scales the market&apos;s move from
        today, so below today&apos;s market the moon case falls furthest.
      </p>
      <BandCaption id={captionId} store={point} describe={summaryOf} />
    </figure>
  );
});

/** " Target $5.00: bear at 51T, base at 38T." for the text alternative, or "". */
function targetSentence(target: { readonly price: number; readonly hits: readonly TargetHit[] } | null): string {
  if (target === null) return '';
  const hits = target.hits.map((h) => `${h.c} at ${tierLabel(h.m)}`);
  return ` Target ${formatPrice(target.price, { subscriptZeros: false })}${hits.length > 0 ? `: ${hits.join(', ')}` : ''}.`;
}

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
 * The text alternative, naming the user's point once the keys pause (a screen reader is not read
 * every step): it reads the point from its store itself, so a slider step re-renders this caption
 * once the keys pause, not the chart.
 */
function BandCaption({ id, store, describe }: { readonly id: string; readonly store: UserPointStore; readonly describe: (point: UserPoint | null) => string }) {
  const point = useSettledStore(useMemo(() => ({ subscribe: store.subscribe, read: store.getState }), [store])).value;
  return (
    <figcaption id={id} className="band-chart-summary">
      {describe(point)}
    </figcaption>
  );
}
