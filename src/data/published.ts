import { CASES, calibrate, type Captures, type ScenarioCase, type TokenInput } from '../engine/index.ts';
import type { PublishedScenario } from './types.ts';

/** The source id of a table fetched live from Token Metrics' `/scenario-analysis` (the provider's `TM_LIVE_SOURCE`). */
export const LIVE_PUBLISHED_SOURCE = 'tm-live';

/** How a sentence names a published table: "Token Metrics' live scenario analysis of 2026-11-20" or "Token Metrics' published table". */
export function publishedName(p: PublishedScenario): string {
  return p.source === LIVE_PUBLISHED_SOURCE ? `Token Metrics' live scenario analysis of ${p.asOf}` : "Token Metrics' published table";
}

/** A published price at total market size `m` (USD), for a chart. */
export interface PublishedPoint {
  readonly m: number;
  readonly price: number;
  readonly case: ScenarioCase;
}

/**
 * The total crypto market of Token Metrics' 2025 analyses. Their tiers "8T, 16T, 23T, 31T" are 2x, 4x,
 * 6x and 8x that market, rounded (docs/scenario-model.md, worked example); a table that does not state
 * its market is read that way.
 */
export const TM_2025_MARKET = 3.875e12;
const TM_2025_TIERS = [8e12, 16e12, 23e12, 31e12];

/** The market sizes a published table's prices belong to, and the market it started from. */
export function publishedFrame(p: PublishedScenario): { tiers: number[]; m0: number; assumed: boolean } {
  if (p.totalMarketCap !== null) return { tiers: [...p.tiers], m0: p.totalMarketCap, assumed: false };
  const isTmSeries = p.tiers.length === TM_2025_TIERS.length && p.tiers.every((t, i) => t === TM_2025_TIERS[i]);
  if (isTmSeries) return { tiers: [2, 4, 6, 8].map((k) => k * TM_2025_MARKET), m0: TM_2025_MARKET, assumed: true };
  return { tiers: [...p.tiers], m0: TM_2025_MARKET, assumed: true };
}

/** The published cells as chart points, at the market sizes the analysis meant. */
export function publishedPoints(p: PublishedScenario): PublishedPoint[] {
  const { tiers } = publishedFrame(p);
  return CASES.flatMap((c) =>
    tiers.flatMap((m, i) => {
      const price = p[c][i];
      return price === null || price === undefined ? [] : [{ m, price, case: c }];
    }),
  );
}

export interface PublishedFit {
  /** Fitted capture per case; null where the table publishes no cell of that case. */
  readonly captures: Readonly<Record<ScenarioCase, number | null>>;
  /** Largest |model - published| over the published cells, USD. */
  readonly maxResidual: number;
  readonly assumedMarket: boolean;
}

/** Fits capture ratios to a published table, in the analysis' own frame (its price and market). */
export function fitPublished(p: PublishedScenario, circulatingSupply: number): PublishedFit {
  const { tiers, m0, assumed } = publishedFrame(p);
  const token: TokenInput = { price: p.currentPrice, circulatingSupply, totalMarketCap: m0 };
  const fit = calibrate(token, tiers, { bear: p.bear, base: p.base, moon: p.moon });
  return { captures: fit.captures, maxResidual: fit.maxResidual, assumedMarket: assumed };
}

/** The fitted captures with unpublished cases filled from `fallback`, or null when nothing could be fitted. */
export function publishedCaptures(p: PublishedScenario | undefined, circulatingSupply: number, fallback: Captures): Captures | null {
  if (!p) return null;
  try {
    const fit = fitPublished(p, circulatingSupply);
    if (CASES.every((c) => fit.captures[c] === null)) return null;
    const filled = { bear: fit.captures.bear ?? fallback.bear, base: fit.captures.base ?? fallback.base, moon: fit.captures.moon ?? fallback.moon };
    // Keep band order even when only some cases were published.
    const sorted = [filled.bear, filled.base, filled.moon].sort((a, b) => a - b);
    return { bear: sorted[0] ?? filled.bear, base: sorted[1] ?? filled.base, moon: sorted[2] ?? filled.moon };
  } catch {
    return null;
  }
}
