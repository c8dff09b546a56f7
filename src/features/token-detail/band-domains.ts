/**
 * The band chart's axes, as numbers: the market-size axis (the slider's range, so a drag never rescales
 * it), the price axis (the bands', widened for the user's point only when it falls outside them), the
 * width the price labels need, and which tier labels fit. Pure: no React.
 */
import { LIMITS, MARKET_SIZE_RANGE } from '../../engine/index.ts';
import type { PublishedPoint } from '../../data/published.ts';
import { formatPrice } from '../../lib/format.ts';
import { niceCeil, niceFloor, priceDomain, priceFloor, type BandPoint, type LogDomain } from './chart-series.ts';

/** A price tick's label: plain digits (a subscript count reads badly on an axis). */
export const formatYTick = (v: number): string => formatPrice(v, { subscriptZeros: false });

const clampMarket = (m: number): number => Math.min(LIMITS.marketSize.max, Math.max(LIMITS.marketSize.min, m));

/**
 * The market-size axis (USD): the market-size slider's range (0.5T to 100T), so the bands stay put under
 * the finger while it drags. Widened, to a 1-2-5 value, only for today's market or a tier outside that
 * range (values that are not finite and > 0 are ignored). It does not depend on the user's point.
 */
export function marketAxis(totalMarketCap: number, tiers: readonly number[]): LogDomain {
  const values = [totalMarketCap, ...tiers].filter((v) => Number.isFinite(v) && v > 0);
  const low = Math.min(MARKET_SIZE_RANGE.min, ...values);
  const high = Math.max(MARKET_SIZE_RANGE.max, ...values);
  return {
    min: low < MARKET_SIZE_RANGE.min ? clampMarket(niceFloor(low / 1.2)) : MARKET_SIZE_RANGE.min,
    max: high > MARKET_SIZE_RANGE.max ? clampMarket(niceCeil(high * 1.2)) : MARKET_SIZE_RANGE.max,
  };
}

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
