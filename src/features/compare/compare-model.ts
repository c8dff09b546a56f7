import { capturesFor, type CaptureMode, type TokenCaptures } from '../../data/captures.ts';
import { engineInputFor } from '../../data/engine-input.ts';
import { publishedCaptures } from '../../data/published.ts';
import type { Dataset, Token } from '../../data/types.ts';
import { requiredMarketSize, scenarioCell, type Captures, type TokenInput } from '../../engine/index.ts';
import { logSpaced, niceCeil, niceFloor } from '../../lib/log-axis.ts';

/** At most this many tokens share the compare chart. */
export const MAX_COMPARE = 4;
/** The multiples whose market size the compare table answers. */
export const TARGET_MULTIPLES = [2, 5, 10] as const;

export interface CompareToken {
  readonly token: Token;
  readonly input: TokenInput;
  /** This token's captures: its own, the shared ones, or fitted to its published table. */
  readonly captures: Captures;
  /** Where they come from, in words. */
  readonly from: TokenCaptures;
}

export interface CompareOptions {
  readonly horizon: 'circ' | 'max';
  /** Whose captures: each token's own (the default), the same for all, or Token Metrics' where published. */
  readonly mode: CaptureMode;
  /** The captures "Same for all" uses (the link's, or the defaults). */
  readonly captures: Captures;
}

/** Reads `ids=a,b,c` into known tokens (in order, unique, at most 4), and says what was left out. */
export function compareSelection(idsParam: string | null, dataset: Dataset, options: CompareOptions): { tokens: CompareToken[]; notices: string[] } {
  const notices: string[] = [];
  const ids = [
    ...new Set(
      (idsParam ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  const tokens: CompareToken[] = [];
  for (const id of ids) {
    const token = dataset.tokens.find((t) => t.id === id);
    const label = id
      .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
      .trim()
      .replace(/^([\s\S]{23})[\s\S]{2,}$/u, '$1…');
    if (!token) {
      notices.push(`No token "${label}" is loaded; left it out.`);
      continue;
    }
    if (tokens.length >= MAX_COMPARE) {
      notices.push(`At most ${MAX_COMPARE} tokens compare at once; left out ${token.name}.`);
      continue;
    }
    const r = engineInputFor(token, dataset.market, options.horizon);
    if (!r.ok) {
      notices.push(r.reason);
      continue;
    }
    const from = capturesFor(token, dataset, options.mode, publishedCaptures);
    if (from.peg?.kind === 'pegged') {
      notices.push(`${token.name} is ${from.peg.label}: it has no multiple to compare; left it out.`);
      continue;
    }
    const captures = options.mode === 'same' ? options.captures : from.captures;
    tokens.push({ token, input: r.input, captures, from });
  }
  return { tokens, notices };
}

/** One x of the compare chart: per token (in order) the base multiple and the [bear, moon] multiples. */
export interface ComparePoint {
  readonly m: number;
  readonly base: readonly number[];
  readonly band: ReadonlyArray<readonly [number, number]>;
}

const FLOOR = 1e-6;

function multipleAt(input: TokenInput, beta: number, m: number): number {
  return Math.max(FLOOR, scenarioCell(input, beta, m).multiple);
}

/**
 * Multiples of today's price over total market sizes: a $0.0001 token and a $60,000 token on one fair
 * axis. Floored at 1e-6x so a log axis never receives 0.
 */
export function compareSeries(tokens: readonly CompareToken[], min: number, max: number, include: readonly number[]): ComparePoint[] {
  const sizes = [...new Set([...logSpaced(min, max, 60), ...include.filter((m) => m >= min && m <= max)])].sort((a, b) => a - b);
  return sizes.map((m) => ({
    m,
    base: tokens.map(({ input, captures }) => multipleAt(input, captures.base, m)),
    band: tokens.map(({ input, captures }): readonly [number, number] => {
      const bear = multipleAt(input, captures.bear, m);
      const moon = multipleAt(input, captures.moon, m);
      return [Math.min(bear, moon), Math.max(bear, moon)];
    }),
  }));
}

/** The x domain: from below the smallest market of the day to beyond the top tier. */
export function compareDomain(totalMarketCap: number, tiers: readonly number[]): { min: number; max: number } {
  return { min: niceFloor(Math.min(totalMarketCap, ...tiers) / 1.5), max: niceCeil(Math.max(totalMarketCap, ...tiers) * 1.5) };
}

/** The market size (USD) each case needs for `multiple` x today's price; null when no size reaches it. */
export function needsFor(input: TokenInput, capture: number, multiple: number): number | null {
  return requiredMarketSize(input, capture, input.price * multiple);
}

/**
 * True when every token would draw the same curve: with shared captures, a token's multiple is
 * `(S / Sh) * (1 + beta * (M / M0 - 1))`, so only dilution and its own captures set tokens apart.
 */
export function allAlike(tokens: readonly CompareToken[]): boolean {
  if (tokens.length < 2) return false;
  const key = (t: CompareToken): string =>
    `${t.captures.bear}|${t.captures.base}|${t.captures.moon}|${(t.input.horizonSupply ?? t.input.circulatingSupply) / t.input.circulatingSupply}`;
  return tokens.every((t) => key(t) === key(tokens[0] ?? t));
}
