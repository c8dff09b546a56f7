/**
 * The band chart's price axis (the bands', widened for the user's point only when it falls outside them),
 * the width its labels need, and which tier labels fit; the market-size axis is `marketAxis` in
 * chart-series.ts. Pure: no React.
 */
import type { PublishedPoint } from '../../data/published.ts';
import { formatPrice } from '../../lib/format.ts';
import { priceDomain, priceFloor, type BandPoint, type LogDomain } from './chart-series.ts';

/** A price tick's label: plain digits (a subscript count reads badly on an axis). */
export const formatYTick = (v: number): string => formatPrice(v, { subscriptZeros: false });

/** The prices the price axis must show besides the bands (today's, published ones, a target), and its floor. */
export interface BandsAxis {
  readonly domain: LogDomain;
  readonly extra: readonly number[];
  readonly floor: number;
}

/** The price axis the bands, today's price, the published points and the target need, and what went into it. */
export function bandsAxis(
  series: readonly BandPoint[],
  todayPrice: number,
  published: readonly PublishedPoint[] | undefined,
  target: number | null,
): BandsAxis {
  const extra = [todayPrice, ...(published ?? []).map((p) => p.price), ...(target === null ? [] : [target])];
  const floor = priceFloor(todayPrice);
  return { domain: priceDomain(series, extra, floor), extra, floor };
}

/**
 * The price axis with the user's point at `pointPrice` (USD): the bands' own while the point is inside
 * it (snapped ends: a moving point rarely changes it), else widened to take the point in.
 */
export function priceAxis(series: readonly BandPoint[], bands: BandsAxis, pointPrice: number | undefined): LogDomain {
  const { domain, extra, floor } = bands;
  const outside = pointPrice !== undefined && pointPrice > floor && (pointPrice < domain.min || pointPrice > domain.max);
  return outside ? priceDomain(series, [...extra, pointPrice], floor) : domain;
}

/** The price axis's width in px: room for its longest label. */
export function yAxisWidth(ticks: readonly number[]): number {
  return Math.max(48, 14 + 7.5 * Math.max(...ticks.map((t) => formatYTick(t).length)));
}

/**
 * The tiers whose labels fit: walking up from the smallest, a label is kept only when it sits at
 * least `gap` px (30 by default: a tier label's width) right of the last kept one (on the log axis), so "16T23T31T" never piles up.
 */
export function thinLabels(tiers: readonly number[], min: number, max: number, plotPx: number, gap = 30): Set<number> {
  const pxPerLog = Math.max(1, plotPx) / Math.log(max / min);
  const kept = new Set<number>();
  let last = -Infinity;
  for (const tier of [...tiers].sort((a, b) => a - b)) {
    const x = Math.log(tier / min) * pxPerLog;
    if (x - last >= gap) {
      kept.add(tier);
      last = x;
    }
  }
  return kept;
}
