/**
 * Every number a person sees goes through here: one place for prices, caps, multiples and shares.
 * Formatters are created once (creating an Intl.NumberFormat per cell is slow).
 * Unknown values (null, undefined, NaN, Infinity) read "not available", never 0.
 */

export const NOT_AVAILABLE = 'not available';

const LOCALE = 'en-US';

const usd2 = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const usd0 = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const usdCompact = new Intl.NumberFormat(LOCALE, {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  maximumSignificantDigits: 3,
});
const plain3 = new Intl.NumberFormat(LOCALE, { maximumSignificantDigits: 3 });
const fixed2 = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 0, maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2, minimumFractionDigits: 0 });
const compactNumber = new Intl.NumberFormat(LOCALE, { notation: 'compact', maximumSignificantDigits: 3 });

const SUBSCRIPT_DIGITS = '₀₁₂₃₄₅₆₇₈₉';

function isKnown(n: number | null | undefined): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

function subscript(n: number): string {
  return String(n)
    .split('')
    .map((d) => SUBSCRIPT_DIGITS[Number(d)] ?? d)
    .join('');
}

/** The digits of a price below one cent: its leading zeros after the point and four significant digits. */
function subCentParts(price: number): { zeros: number; digits: string } {
  const [mantissa = '0', exponent = '0'] = price.toExponential(3).split('e');
  const digits = mantissa.replace('.', '').replace(/0+$/, '') || '0';
  return { zeros: -Number(exponent) - 1, digits };
}

/** 0.01 <= price < 1: four significant digits, at least two decimals ("$0.50", "$0.645", "$0.2969"). */
function subDollar(price: number): string {
  const digits = Number(price.toPrecision(4)).toString();
  const decimals = digits.split('.')[1]?.length ?? 0;
  return `$${decimals >= 2 ? digits : Number(digits).toFixed(2)}`;
}

export interface PriceFormatOptions {
  /** Write runs of four or more zeros after the point as a subscript count ("$0.0₅5744"); default true. */
  readonly subscriptZeros?: boolean;
}

/**
 * A price in USD for people: "$64,321.99", "$2.50", "$0.645", "$0.001234", "$0.0₅8737".
 * Never "$0" for a positive price, however small. A price of exactly 0 (a scenario floored at 0)
 * reads "$0.00"; an unknown one reads "not available".
 */
export function formatPrice(price: number | null | undefined, options: PriceFormatOptions = {}): string {
  if (!isKnown(price)) return NOT_AVAILABLE;
  if (price < 0) return `-${formatPrice(-price, options)}`;
  if (price === 0) return usd2.format(0);
  if (price >= 1e6) return usd0.format(price);
  if (price >= 1) return usd2.format(price);
  if (price >= 0.01) return subDollar(price);
  const { zeros, digits } = subCentParts(price);
  if (zeros >= 4 && options.subscriptZeros !== false) return `$0.0${subscript(zeros)}${digits}`;
  return `$0.${'0'.repeat(zeros)}${digits}`;
}

/** A market cap or market size in compact USD: "$8T", "$23.4T", "$1.23B", "$950K". */
export function formatUsdCompact(usd: number | null | undefined): string {
  if (!isKnown(usd)) return NOT_AVAILABLE;
  if (usd > 0 && usd < 1) return formatPrice(usd);
  return usdCompact.format(usd);
}

/** A multiple of today's price: "1.46x", "12.3x", "340x", "<0.01x". */
export function formatMultiple(multiple: number | null | undefined): string {
  if (!isKnown(multiple)) return NOT_AVAILABLE;
  if (multiple === 0) return '0x';
  if (multiple < 0.01) return '<0.01x';
  if (multiple < 10) return `${fixed2.format(multiple)}x`;
  if (multiple < 1e6) return `${plain3.format(multiple)}x`;
  return `${compactNumber.format(multiple)}x`;
}

/**
 * A share of the total market (a fraction) as a percent: 0.0048 -> "0.48%", 0.000012 -> "0.0012%",
 * 0.12345 -> "12.35%". Small shares keep three significant digits so they never read "0%"; from 1% on,
 * at most two decimals. The one share format: tables, sentences, slider text, the typed box, exports.
 */
export function formatShare(fraction: number | null | undefined): string {
  if (!isKnown(fraction)) return NOT_AVAILABLE;
  const pct = fraction * 100;
  if (pct === 0) return '0%';
  if (Math.abs(pct) < 1) return `${plain3.format(pct)}%`;
  return `${percent.format(pct)}%`;
}

/** A signed percent change: "+7.09%", "-14.45%". */
export function formatChange(pct: number | null | undefined): string {
  if (!isKnown(pct)) return NOT_AVAILABLE;
  const text = percent.format(Math.abs(pct));
  if (text === '0') return '0%';
  return `${pct < 0 ? '-' : '+'}${text}%`;
}

/** A token count in compact form: "35.9B", "589T". */
export function formatSupply(n: number | null | undefined): string {
  if (!isKnown(n)) return NOT_AVAILABLE;
  return compactNumber.format(n);
}

/** The date part of an ISO timestamp ("2026-01-09"), a month ("2025-11") or a year ("2025"), or "date unknown". */
export function formatAsOf(iso: string | null | undefined): string {
  if (!iso) return 'date unknown';
  const match = /^\d{4}(-\d{2}(-\d{2})?)?(?=$|T)/.exec(iso);
  return match ? match[0] : 'date unknown';
}

const DAY_MS = 86_400_000;

/**
 * How old a dated figure is, in words, when it is older than a day: "3 days old", "11 months old",
 * "2 years old"; "" for a day or less, a date in the future, or a date that cannot be read.
 * @param iso an ISO date or timestamp ("2026-01-09", "2026-01-09T12:00:00Z"); a bare month or year counts from its start
 * @param now ms since the epoch
 */
export function formatAge(iso: string | null | undefined, now: number = Date.now()): string {
  const day = formatAsOf(iso);
  const then = Date.parse(day.length === 4 ? `${day}-01-01` : day.length === 7 ? `${day}-01` : day);
  if (!Number.isFinite(then)) return '';
  const days = Math.floor((now - then) / DAY_MS);
  if (days <= 1) return '';
  if (days < 45) return `${days} days old`;
  const months = Math.round(days / 30.44);
  if (months < 24) return `${months} months old`;
  return `${Math.floor(days / 365.25)} years old`;
}

/** A date with its age when older than a day: "2026-01-09, 11 months old"; just the date otherwise. */
export function formatDated(iso: string | null | undefined, now: number = Date.now()): string {
  const age = formatAge(iso, now);
  return age ? `${formatAsOf(iso)}, ${age}` : formatAsOf(iso);
}
