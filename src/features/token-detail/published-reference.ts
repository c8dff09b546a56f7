import { fitPublished, publishedFrame } from '../../data/published.ts';
import type { PublishedScenario, SourceRef } from '../../data/types.ts';
import {
  CASES,
  LIMITS,
  calibrate,
  parseMarketSize,
  parsePrice,
  scenarioTable,
  tierLabel,
  type PublishedTable,
  type ScenarioCase,
  type TokenInput,
} from '../../engine/index.ts';
import { formatPrice, formatUsdCompact } from '../../lib/format.ts';

/**
 * A published scenario table in its own frame: the price and total market it started from, the market
 * sizes its prices belong to, and the captures fitted to it. What the "as published and rebased" view
 * shows, whether the table is Token Metrics' known one or one the user pasted.
 */
export interface PublishedReference {
  /** Who published it, for a sentence: `Token Metrics analysis "…"`, or "The pasted table". */
  readonly source: string;
  /** When (as the source gives it: "2025", "2025-11-20"), or null when not known. */
  readonly asOf: string | null;
  /** The token's price at publication, USD. */
  readonly p0: number;
  /** The total crypto market at publication, USD. */
  readonly m0: number;
  /** True when the market was not stated by the source but read from its tiers (2x-8x of 3.875T). */
  readonly assumedMarket: boolean;
  /** The tiers as the source labels them ("8T", "16T"). */
  readonly labels: readonly string[];
  /** The market sizes the published prices belong to, USD, one per label. */
  readonly tiers: readonly number[];
  /** The published prices, per case and tier (null: not published). */
  readonly cells: PublishedTable;
  /** The fitted capture per case; null where nothing of the case was published. */
  readonly captures: Readonly<Record<ScenarioCase, number | null>>;
  /** Largest |fitted - published| over the published cells, USD. */
  readonly maxResidual: number;
}

/** The known Token Metrics table of a token in its own frame, or null when it cannot be fitted. */
export function referenceFromPublished(
  p: PublishedScenario,
  sources: Readonly<Record<string, SourceRef>>,
  circulatingSupply: number,
): PublishedReference | null {
  try {
    const frame = publishedFrame(p);
    const fit = fitPublished(p, circulatingSupply);
    return {
      source: sources[p.source]?.name ?? "Token Metrics' published table",
      asOf: p.asOf,
      p0: p.currentPrice,
      m0: frame.m0,
      assumedMarket: frame.assumed,
      labels: p.labels.length === p.tiers.length ? [...p.labels] : p.tiers.map(tierLabel),
      tiers: frame.tiers,
      cells: { bear: p.bear, base: p.base, moon: p.moon },
      captures: fit.captures,
      maxResidual: fit.maxResidual,
    };
  } catch {
    return null;
  }
}

/** A cell of the largest gap between the fitted and the published prices. */
export interface WorstCell {
  readonly label: string;
  readonly case: ScenarioCase;
  readonly published: number;
  readonly fitted: number;
}

/** Fits a pasted table in the frame the user gave (prices at `tiers`, from `p0` in a market of `m0`). */
export function referenceFromPaste(
  table: { readonly labels: readonly string[]; readonly tiers: readonly number[]; readonly cells: PublishedTable },
  p0: number,
  m0: number,
  circulatingSupply: number,
): PublishedReference & { readonly cellCount: number } {
  const fit = calibrate({ price: p0, circulatingSupply, totalMarketCap: m0 }, table.tiers, table.cells);
  return {
    source: 'The pasted table',
    asOf: null,
    p0,
    m0,
    assumedMarket: false,
    labels: table.labels,
    tiers: table.tiers,
    cells: table.cells,
    captures: fit.captures,
    maxResidual: fit.maxResidual,
    cellCount: fit.cells,
  };
}

/** The captures of a reference with the unfitted cases at 0 (their cells are never shown). */
function filledCaptures(ref: PublishedReference): Record<ScenarioCase, number> {
  return { bear: ref.captures.bear ?? 0, base: ref.captures.base ?? 0, moon: ref.captures.moon ?? 0 };
}

/**
 * The fitted prices at the reference's own tiers from a start (`price`, `totalMarketCap`), per case and
 * tier; null for a case that was not fitted. With the reference's own start this is the fitted table
 * (what the published cells are compared with); with today's it is the table rebased. The supply at
 * the horizon is the circulating one, as in the fit.
 */
export function pricesFrom(ref: PublishedReference, start: TokenInput): Record<ScenarioCase, (number | null)[]> {
  const rows = scenarioTable(
    { price: start.price, circulatingSupply: start.circulatingSupply, totalMarketCap: start.totalMarketCap },
    filledCaptures(ref),
    ref.tiers,
  );
  const out: Record<ScenarioCase, (number | null)[]> = { bear: [], base: [], moon: [] };
  for (const c of CASES) out[c] = rows.map((row) => (ref.captures[c] === null ? null : row[c].price));
  return out;
}

/** The published cell farthest from its fitted price, or null when no fitted case has a cell. */
export function worstCell(ref: PublishedReference, circulatingSupply: number): WorstCell | null {
  const fitted = pricesFrom(ref, { price: ref.p0, circulatingSupply, totalMarketCap: ref.m0 });
  let worst: WorstCell | null = null;
  for (const c of CASES) {
    ref.cells[c].forEach((published, i) => {
      const model = fitted[c][i];
      if (published === null || published === undefined || model === null || model === undefined) return;
      if (worst === null || Math.abs(model - published) > Math.abs(worst.fitted - worst.published)) {
        worst = { label: ref.labels[i] ?? tierLabel(ref.tiers[i] ?? 0), case: c, published, fitted: model };
      }
    });
  }
  return worst;
}

const PRICE_RANGE = `above $0 (from ${LIMITS.price.min}) and at most ${formatPrice(LIMITS.price.max)}`;
const MARKET_RANGE = `from ${formatPrice(LIMITS.marketSize.min)} to ${formatUsdCompact(LIMITS.marketSize.max)}`;

/** What the two reference fields hold, read, or a message per field naming what is allowed. */
export type ReferenceReading =
  | { readonly ok: true; readonly p0: number; readonly m0: number }
  | { readonly ok: false; readonly price: string | null; readonly market: string | null };

/** Reads "Price when published": "$0.645" or "0.645", above 0 and within the engine's price range. */
export function readPublishedPrice(text: string): { value: number } | { error: string } {
  const what = 'Price when published';
  if (text.trim() === '')
    return { error: `${what} is required: the token's price on the day the table was published, ${PRICE_RANGE}, such as 0.645 or $0.645.` };
  let value: number;
  try {
    value = parsePrice(text, 'price');
  } catch {
    return { error: `${what}: "${text.trim()}" is not a price. Enter a number ${PRICE_RANGE}, such as 0.645 or $0.645.` };
  }
  if (!(value >= LIMITS.price.min && value <= LIMITS.price.max)) {
    return { error: `${what}: "${text.trim()}" is outside the allowed range; enter a price ${PRICE_RANGE}.` };
  }
  return { value };
}

/** Reads "Total market when published": "3.875T", "3875B", "$3.875 trillion" (a bare number is trillions). */
export function readPublishedMarket(text: string): { value: number } | { error: string } {
  const what = 'Total market when published';
  if (text.trim() === '')
    return { error: `${what} is required: the total crypto market cap the table started from, ${MARKET_RANGE}, such as 3.875T or 3875B.` };
  try {
    return { value: parseMarketSize(text, 'market') };
  } catch {
    return { error: `${what}: "${text.trim()}" is not a market size in the allowed range. Enter one ${MARKET_RANGE}, such as 3.875T or 3875B.` };
  }
}

/** Both reference fields, read; every problem named. */
export function readReference(priceText: string, marketText: string): ReferenceReading {
  const price = readPublishedPrice(priceText);
  const market = readPublishedMarket(marketText);
  if ('value' in price && 'value' in market) return { ok: true, p0: price.value, m0: market.value };
  return { ok: false, price: 'error' in price ? price.error : null, market: 'error' in market ? market.error : null };
}

/** A price for a field, with the digits it was given ("0.645", "0.2971"), never in exponent form for a plain price. */
export function priceFieldText(price: number): string {
  return String(Number(price.toPrecision(6)));
}

/** A market size for a field, exact to six digits ("3.875T", not the label's "3.88T"). */
export function marketFieldText(usd: number): string {
  for (const [suffix, unit] of [
    ['T', 1e12],
    ['B', 1e9],
    ['M', 1e6],
  ] as const) {
    if (usd >= unit) return `${Number((usd / unit).toPrecision(6))}${suffix}`;
  }
  return String(Number(usd.toPrecision(6)));
}
