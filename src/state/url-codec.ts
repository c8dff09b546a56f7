/**
 * The scenario of `/token/:id` in its query string (`m, s, bear, base, moon, tiers, h, t`; see
 * docs/ui-contract.md). Pure functions, no React, no DOM: a link is untrusted input, so reading
 * never throws and every value it yields is finite, in range and clamped by the store's own rules.
 */
import { CASE_LABEL, CAPTURE_RANGE, CASES, DEFAULT_CAPTURES, DEFAULT_TIERS, LIMITS, MARKET_SIZE_RANGE, SHARE_RANGE, tierLabel } from '../engine/index.ts';
import type { Captures, ScenarioCase } from '../engine/index.ts';
import { formatShare } from '../lib/format.ts';
import { readNumber, readUsd, usdForUrl } from './usd-url.ts';
import { MAX_TIERS, capturesOrdered, clampCapture, clampCaptures, clampMarketSize, clampShare, clampTier, orderCaptures, tidyTiers } from './clamp.ts';

/** Which supply prices are computed over: today's circulating supply or the maximum supply. */
export type Horizon = 'circ' | 'max';

/** Everything a link reproduces about a scenario. */
export interface ScenarioParams {
  /** The user's total crypto market size, USD, within `MARKET_SIZE_RANGE`. */
  readonly marketSize: number;
  /** The user's market share (fraction, within `SHARE_RANGE`); null follows the base-case share at `marketSize`. */
  readonly share: number | null;
  /** Capture ratios, within `CAPTURE_RANGE`, with `bear <= base <= moon`. */
  readonly captures: Captures;
  /** The tiers of the scenario table, USD: ascending, unique, 1 to `MAX_TIERS` of them. */
  readonly tiers: readonly number[];
  /** The supply at the horizon. */
  readonly horizon: Horizon;
  /** The user's target price (USD per token, within `LIMITS.targetPrice`), or null for none. */
  readonly target: number | null;
}

/** The scenario with nothing in the link: 16T, base-case share, default captures and tiers, circulating supply. */
export const DEFAULT_SCENARIO: ScenarioParams = Object.freeze({
  marketSize: 16e12,
  share: null,
  captures: DEFAULT_CAPTURES,
  tiers: DEFAULT_TIERS,
  horizon: 'circ',
  target: null,
});

/** The query keys this codec owns, in the order they are written. */
export const SCENARIO_KEYS = ['m', 's', 'bear', 'base', 'moon', 'tiers', 'h', 't'] as const;
type ScenarioKey = (typeof SCENARIO_KEYS)[number];

const KEY_LABEL: Readonly<Record<ScenarioKey, string>> = {
  m: 'market size',
  s: 'market share',
  bear: 'bear capture',
  base: 'base capture',
  moon: 'moon capture',
  tiers: 'tiers',
  h: 'supply horizon',
  t: 'target price',
};

// A real value is a few dozen characters; anything longer is not worth reading.
const MAX_VALUE_LENGTH = 64;
const MAX_TIERS_LENGTH = 1024;

/** A raw value as quoted in a notice: control characters out, at most 24 characters. */
function shown(raw: string): string {
  const clean = raw.replace(/[\p{Cc}\p{Cf}]/gu, ' ').trim();
  // Cutting may split an emoji's surrogate pair: drop a dangling half.
  return clean.length > 24 ? `${clean.slice(0, 23).replace(/[\uD800-\uDBFF]$/, '')}…` : clean;
}

/** A share as a fraction ("0.0048"), or as a percent when it ends in % ("0.48%"). */
function readShare(text: string): number | null {
  const t = text.trim();
  if (!t.endsWith('%')) return readNumber(t);
  const pct = readNumber(t.slice(0, -1));
  return pct === null ? null : pct / 100;
}

interface NumberField {
  readonly label: string;
  readonly read: (text: string) => number | null;
  readonly clamp: (n: number) => number | null;
  readonly range: { readonly min: number; readonly max: number };
  readonly show: (n: number) => string;
}

const MARKET_FIELD: NumberField = {
  label: 'Market size',
  read: readUsd,
  clamp: clampMarketSize,
  range: MARKET_SIZE_RANGE,
  show: tierLabel,
};
const SHARE_FIELD: NumberField = {
  label: 'Market share',
  read: readShare,
  clamp: clampShare,
  range: SHARE_RANGE,
  show: formatShare,
};
const captureField = (k: ScenarioCase): NumberField => ({
  label: `${CASE_LABEL[k]} capture`,
  read: readNumber,
  clamp: clampCapture,
  range: CAPTURE_RANGE,
  show: String,
});

/**
 * Reads one number: null when it cannot be used (the caller keeps its default, named by
 * `instead`, e.g. "using 16T"); clamped when out of range. Each says why in `notices`.
 */
function readField(raw: string, field: NumberField, instead: string, notices: string[]): number | null {
  const n = raw.length <= MAX_VALUE_LENGTH ? field.read(raw) : null;
  const value = n === null ? null : field.clamp(n);
  if (n === null || value === null) {
    notices.push(`${field.label} "${shown(raw)}" in the link was not understood; ${instead}.`);
    return null;
  }
  const { min, max } = field.range;
  const using = `using ${field.show(value)}`;
  if (n > max) notices.push(`${field.label} ${shown(raw)} was above ${field.show(max)}; ${using}.`);
  else if (n < min) notices.push(`${field.label} ${shown(raw)} was below ${field.show(min)}; ${using}.`);
  return value;
}

function readTiers(raw: string, notices: string[]): readonly number[] {
  const fallback = `using ${DEFAULT_TIERS.map(tierLabel).join(', ')}`;
  if (raw.length > MAX_TIERS_LENGTH) {
    notices.push(`The tiers in the link were too long to read; ${fallback}.`);
    return DEFAULT_TIERS;
  }
  const values: number[] = [];
  const unread: string[] = [];
  let clamped = 0;
  for (const part of raw
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const n = part.length <= MAX_VALUE_LENGTH ? readUsd(part) : null;
    const value = n === null ? null : clampTier(n);
    if (value === null) unread.push(part);
    else {
      if (value !== n) clamped += 1;
      values.push(value);
    }
  }
  const [firstUnread] = unread;
  if (firstUnread !== undefined) {
    notices.push(
      unread.length === 1
        ? `Tier "${shown(firstUnread)}" in the link was not understood; left it out.`
        : `${unread.length} tiers in the link were not understood; left them out.`,
    );
  }
  if (clamped > 0) {
    const range = `${tierLabel(LIMITS.marketSize.min)} to ${tierLabel(LIMITS.marketSize.max)}`;
    notices.push(`${clamped === 1 ? 'A tier' : `${clamped} tiers`} in the link fell outside ${range}; moved into it.`);
  }
  const unique = new Set(values).size;
  if (unique < values.length) notices.push('The link listed a tier more than once; kept one of each.');
  if (unique > MAX_TIERS) notices.push(`The link listed ${unique} tiers; using the first ${MAX_TIERS}.`);
  const tiers = tidyTiers(values);
  if (tiers.length === 0) {
    notices.push(`No tier in the link was understood; ${fallback}.`);
    return DEFAULT_TIERS;
  }
  return tiers;
}

/** What a target in a link may be, for notices: "a price in USD above 0, such as t=2.5 (at most $1,000,000,000,000,000)". */
const TARGET_ALLOWED = `a price in USD above 0, such as t=2.5 (from ${LIMITS.targetPrice.min} to ${LIMITS.targetPrice.max.toLocaleString('en-US')})`;

/**
 * The target price of a link (`t`): a plain positive number of USD ("2.5", "$0.001", "1e-7") within
 * `LIMITS.targetPrice`. Anything else (not a number, negative, zero, out of range) is not clamped but
 * left out, with a notice naming what is allowed and what was given.
 */
export function readTarget(raw: string, notices: string[]): number | null {
  const n = raw.length <= MAX_VALUE_LENGTH ? readNumber(raw.trim().replace(/^\$/, '').replace(/,/g, '')) : null;
  const { min, max } = LIMITS.targetPrice;
  if (n !== null && n >= min && n <= max) return n;
  const why = n === null ? 'is not a price' : n === 0 ? 'is zero' : n < min ? 'is too small for the model' : 'is too large for the model';
  notices.push(`Target price "${shown(raw)}" in the link ${why}; a target is ${TARGET_ALLOWED}. No target drawn.`);
  return null;
}

/**
 * Reads a scenario from a query string (`"?m=20T&s=0.0048"`, with or without `?`), starting from
 * `DEFAULT_SCENARIO`. Unknown keys are ignored silently. A repeated key counts once (the first).
 * A value that cannot be read (NaN, Infinity, negative, garbage, empty, over 64 characters) keeps
 * the default; one out of range is clamped; captures out of band order are sorted. Each of these
 * adds one short sentence to `notices`, for the user. Never throws; every number is finite.
 */
export function parseScenarioSearch(search: string): { params: ScenarioParams; notices: string[]; capturesInLink: boolean } {
  const query = new URLSearchParams(search);
  const notices: string[] = [];
  const first = (key: ScenarioKey): string | null => {
    const all = query.getAll(key);
    const [value] = all;
    if (value !== undefined && all.some((v) => v !== value)) {
      notices.push(`The link gave the ${KEY_LABEL[key]} more than once; using the first.`);
    }
    return value ?? null;
  };
  const num = (key: ScenarioKey, field: NumberField, instead: string): number | null => {
    const raw = first(key);
    return raw === null ? null : readField(raw, field, instead, notices);
  };
  const d = DEFAULT_SCENARIO;

  const marketSize = num('m', MARKET_FIELD, `using ${tierLabel(d.marketSize)}`) ?? d.marketSize;
  const share = num('s', SHARE_FIELD, 'following the base case');
  const read = (k: ScenarioCase): number => num(k, captureField(k), `using ${d.captures[k]}`) ?? d.captures[k];
  let captures: Captures = { bear: read('bear'), base: read('base'), moon: read('moon') };
  if (!capturesOrdered(captures)) {
    captures = orderCaptures(captures);
    notices.push('The captures in the link were out of order; sorted them so bear ≤ base ≤ moon.');
  }

  const t = first('tiers');
  const tiers = t === null ? d.tiers : readTiers(t, notices);

  const h = first('h');
  let horizon = d.horizon;
  if (h !== null) {
    const v = h.trim().toLowerCase();
    if (v === 'circ' || v === 'max') horizon = v;
    else notices.push(`Supply horizon "${shown(h)}" in the link was not understood; using ${d.horizon}.`);
  }

  const rawTarget = first('t');
  const target = rawTarget === null ? null : readTarget(rawTarget, notices);

  const capturesInLink = CASES.some((k) => query.has(k));
  return { params: { marketSize, share, captures, tiers, horizon, target }, notices, capturesInLink };
}

function sameTiers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * Writes `params` into a query string, keeping `base`'s other keys (such as `source`) first and in
 * their order, then `m, s, bear, base, moon, tiers, h, t`. Values equal to the defaults are left out.
 * Values are clamped first (share to 4 significant digits, captures to 4 decimals, as the store
 * holds them); market sizes and tiers are written exactly (see `usdForUrl`). Captures equal to `own` (the
 * token's own captures, which a link without captures gets) are left out; other captures are written
 * whole (all three cases), so the link reads the same whatever the token's own captures are. With `own`
 * null (not known yet) the captures are written whole.
 * Returns `''` when nothing is left, else a string starting with `?`.
 */
export function serializeScenarioSearch(params: ScenarioParams, base: URLSearchParams | string = '', own: Captures | null = DEFAULT_SCENARIO.captures): string {
  const others = new URLSearchParams(base);
  for (const key of SCENARIO_KEYS) others.delete(key);
  const d = DEFAULT_SCENARIO;
  const parts: string[] = [];
  const rest = others.toString();
  if (rest !== '') parts.push(rest);

  const m = clampMarketSize(params.marketSize) ?? d.marketSize;
  if (m !== d.marketSize) parts.push(`m=${usdForUrl(m)}`);
  const s = params.share === null ? null : clampShare(params.share);
  if (s !== null) parts.push(`s=${String(s)}`);
  const captures = clampCaptures(params.captures, d.captures);
  const ownCaptures = own === null ? null : clampCaptures(own, d.captures);
  if (ownCaptures === null || CASES.some((k) => captures[k] !== ownCaptures[k])) {
    // With the defaults as the token's own, a case at its default needs no key (a reader fills it in).
    const ownIsDefault = ownCaptures !== null && CASES.every((k) => ownCaptures[k] === d.captures[k]);
    for (const k of CASES) if (captures[k] !== d.captures[k] || !ownIsDefault) parts.push(`${k}=${String(captures[k])}`);
  }
  const tiers = tidyTiers(params.tiers);
  if (tiers.length > 0 && !sameTiers(tiers, d.tiers)) parts.push(`tiers=${tiers.map(usdForUrl).join(',')}`);
  if (params.horizon === 'max') parts.push('h=max');
  const { min, max } = LIMITS.targetPrice;
  if (params.target !== null && Number.isFinite(params.target) && params.target >= min && params.target <= max)
    parts.push(`t=${String(params.target).replace('e+', 'e')}`);

  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}
