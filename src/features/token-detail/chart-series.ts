/**
 * Pure helpers behind the band chart: the series over market size, the axis domains, log ticks and the
 * chart's text (summary and tooltip). No React: everything here is a function of plain numbers.
 */
import { EngineInputError, LIMITS, MARKET_SIZE_RANGE, scenarioCell, tierLabel, type Captures, type ScenarioRow, type TokenInput } from '../../engine/index.ts';
import { formatMultiple, formatPrice, formatUsdCompact } from '../../lib/format.ts';
import { logSpaced, niceCeil, niceFloor } from '../../lib/log-axis.ts';

export { logTicks, niceCeil, niceFloor } from '../../lib/log-axis.ts';

/** One point of the band chart at total market size `m` (USD); prices in USD, always > 0. */
export interface BandPoint {
  readonly m: number;
  readonly bear: number;
  readonly base: number;
  readonly moon: number;
  /** `[min(bear, moon), max(bear, moon)]`: the shaded band. */
  readonly band: readonly [number, number];
}

/** A range on a log axis, both ends > 0 and `min < max`. */
export interface LogDomain {
  readonly min: number;
  readonly max: number;
}

/** How far below today's price a zero price is drawn (a log axis cannot show 0). */
export const PRICE_FLOOR_RATIO = 1e-9;

/**
 * The smallest price the chart plots for a token whose price today is `price` (USD): `price * 1e-9`,
 * never below `Number.MIN_VALUE`. A case whose price reaches 0 (a capture above 1 in a market smaller
 * than today's) is drawn at this floor, so a log axis never receives a value <= 0.
 */
export function priceFloor(price: number): number {
  return Math.max(price * PRICE_FLOOR_RATIO, Number.MIN_VALUE);
}

function clampMarket(m: number): number {
  return Math.min(LIMITS.marketSize.max, Math.max(LIMITS.marketSize.min, m));
}

/**
 * The market-size axis (USD): the market-size slider's range (0.5T to 100T), so the bands stay put under
 * the finger while it drags. Widened, to a 1-2-5 value, only for today's market or a tier outside that
 * range (values that are not finite and > 0 are ignored), and clamped to the engine's market-size limits.
 * It does not depend on the user's point.
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

/**
 * The band chart's series: `points` market sizes log-spaced over `domain` (USD), plus every market size
 * in `include` (the tiers) and today's total market that falls inside it, in increasing order, each
 * with the bear, base and moon price from the engine.
 * Prices are floored at `priceFloor(token.price)` (see there) so a log axis never receives <= 0;
 * every value is finite.
 * @throws EngineInputError for an invalid token or capture, or a domain that is not `1 <= min < max <= 1e18`.
 */
export function bandSeries(token: TokenInput, captures: Captures, domain: LogDomain, points = 80, include: readonly number[] = []): BandPoint[] {
  const { min, max } = domain;
  if (!(min >= LIMITS.marketSize.min) || !(max > min) || !(max <= LIMITS.marketSize.max)) {
    throw new EngineInputError('domain', `must satisfy ${LIMITS.marketSize.min} <= min < max <= ${LIMITS.marketSize.max}`, domain);
  }
  const extra = [...include, token.totalMarketCap].filter((m) => m >= min && m <= max);
  const sizes = [...new Set([...logSpaced(min, max, points), ...extra])].sort((a, b) => a - b);
  const floor = priceFloor(token.price);
  return sizes.map((m) => {
    const bear = Math.max(floor, scenarioCell(token, captures.bear, m).price);
    const base = Math.max(floor, scenarioCell(token, captures.base, m).price);
    const moon = Math.max(floor, scenarioCell(token, captures.moon, m).price);
    return { m, bear, base, moon, band: [Math.min(bear, moon), Math.max(bear, moon)] as const };
  });
}

/**
 * The y domain (USD per token) of the band chart: the band's own low and high and the `extra` prices
 * (today's price, the user's point, published points), padded by 10% and snapped outward to 1-2-5
 * values. Prices at or below `floor` (floored zeros, see `priceFloor`) are left out so that a band that
 * falls to 0 runs off the bottom of the axis instead of stretching it over nine decades.
 * With no usable price it is `{ min: 1, max: 10 }`.
 */
export function priceDomain(series: readonly BandPoint[], extra: readonly number[] = [], floor = 0): LogDomain {
  let lo = Number.POSITIVE_INFINITY;
  let hi = 0;
  const take = (v: number): void => {
    if (!Number.isFinite(v) || v <= floor || v <= 0) return;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  };
  for (const p of series) {
    take(p.bear);
    take(p.base);
    take(p.moon);
  }
  extra.forEach(take);
  if (hi === 0) return { min: 1, max: 10 };
  return { min: niceFloor(lo / 1.1), max: niceCeil(hi * 1.1) };
}

/** A readable line for one market size: "At $16T: bear $1.22 (3.07x), base $1.63 (4.10x), moon $2.05 (5.16x)". */
export function bandTooltipText(token: TokenInput, captures: Captures, m: number): string {
  const part = (name: keyof Captures): string => {
    const cell = scenarioCell(token, captures[name], m);
    return `${name} ${formatPrice(cell.price)} (${formatMultiple(cell.multiple)})`;
  };
  return `At ${formatUsdCompact(m)}: ${part('bear')}, ${part('base')}, ${part('moon')}`;
}

/** A price in plain digits: a screen reader reads "$0.0₅87" as subscripts, not as a price. */
function plainPrice(price: number): string {
  return formatPrice(price, { subscriptZeros: false });
}

/** What the text alternative of the chart needs. */
export interface BandSummaryInput {
  readonly symbol: string;
  readonly domain: LogDomain;
  /** `scenarioTable` at the tiers: the summary names each tier's three prices. */
  readonly rows: readonly ScenarioRow[];
  readonly todayPrice: number;
  readonly totalMarketCap: number;
  readonly userPoint: { readonly marketSize: number; readonly price: number } | null;
  readonly publishedCount?: number;
}

/**
 * The chart's text alternative, prices in plain digits (no subscript zeros), e.g. "ADA price bands from
 * $2T to $50T total market: at 8T bear $0.7099, base $0.8663, moon $1.02; ...; today $0.3972 at $3.11T
 * total market; your point $2.00 at 16T."
 */
export function bandSummary(input: BandSummaryInput): string {
  const { symbol, domain, rows, todayPrice, totalMarketCap, userPoint, publishedCount = 0 } = input;
  const tiers = rows.map((r) => `at ${tierLabel(r.tier)} bear ${plainPrice(r.bear.price)}, base ${plainPrice(r.base.price)}, moon ${plainPrice(r.moon.price)}`);
  const details = [...tiers, `today ${plainPrice(todayPrice)} at ${formatUsdCompact(totalMarketCap)} total market`];
  if (userPoint) details.push(`your point ${plainPrice(userPoint.price)} at ${tierLabel(userPoint.marketSize)}`);
  if (publishedCount > 0) details.push(`${publishedCount} published points marked`);
  const range = `${formatUsdCompact(domain.min)} to ${formatUsdCompact(domain.max)}`;
  return `${symbol} price bands from ${range} total market: ${details.join('; ')}.`;
}
