/**
 * Which captures a token's scenarios use, and where they come from: its own observed history, Token
 * Metrics' published table, the defaults, or none at all for a pegged asset. Every view (the screener,
 * compare, the detail view, the exports) asks here, so a token says the same thing everywhere.
 */
import { DEFAULT_CAPTURES, type Captures } from '../engine/index.ts';
import { classifyPegs, type Peg } from './pegs.ts';
import type { Dataset, PublishedScenario, Token } from './types.ts';

/**
 * Fits a token's captures to a Token Metrics table (`publishedCaptures` of published.ts): what the `tm`
 * mode needs. Passed in, so `/` loads that code only when "Token Metrics where published" is chosen.
 */
export type PublishedFitter = (p: PublishedScenario | undefined, circulatingSupply: number, fallback: Captures) => Captures | null;

/**
 * How the captures are chosen: each token's own evidence (`token`), the defaults for every token
 * (`same`), or Token Metrics' fitted captures where a table is published and the token's own otherwise (`tm`).
 */
export type CaptureMode = 'token' | 'same' | 'tm';
export const CAPTURE_MODES: readonly CaptureMode[] = ['token', 'same', 'tm'];

export type CaptureOrigin = 'observed' | 'published' | 'default' | 'same' | 'pegged' | 'tracks';

export interface TokenCaptures {
  readonly captures: Captures;
  readonly origin: CaptureOrigin;
  /** A few words for a table cell: "observed", "Token Metrics", "no history: default", "pegged to USD", "tracks Ethereum". */
  readonly short: string;
  /** One sentence naming the source and its dates. */
  readonly detail: string;
  /** Set for a pegged or derivative asset (then `captures` are the underlying's, or unused when pegged). */
  readonly peg: Peg | null;
}

const pegCache = new WeakMap<Dataset, ReadonlyMap<string, Peg>>();

/** The pegged and derivative assets of a dataset, by token id (computed once per dataset). */
export function pegsOf(dataset: Dataset): ReadonlyMap<string, Peg> {
  let pegs = pegCache.get(dataset);
  if (!pegs) {
    pegs = classifyPegs(dataset.tokens);
    pegCache.set(dataset, pegs);
  }
  return pegs;
}

/** The window a token's observed captures span, as "2023-05-13 → 2026-01-09". */
function span(windows: readonly { readonly from: string; readonly to: string }[]): string {
  const from = windows.map((w) => w.from).sort()[0] ?? '';
  const to =
    windows
      .map((w) => w.to)
      .sort()
      .at(-1) ?? '';
  return `${from} → ${to}`;
}

function ownCaptures(token: Token, dataset: Dataset): TokenCaptures {
  const seen = dataset.observed[token.id];
  if (seen && seen.windows.length > 0) {
    const n = seen.windows.length;
    return {
      captures: { bear: seen.bear, base: seen.base, moon: seen.moon },
      origin: 'observed',
      short: 'observed',
      detail: `Observed: how ${token.name}'s market cap moved against the whole market's across ${n} market move${n === 1 ? '' : 's'}, ${span(seen.windows)}, shrunk toward all tokens' typical capture.`,
      peg: null,
    };
  }
  return {
    captures: DEFAULT_CAPTURES,
    origin: 'default',
    short: 'no history: default',
    detail: `No history: the data holds no large market move with ${token.name} in it, so it uses the default captures (0.5 / 0.75 / 1).`,
    peg: null,
  };
}

function published(token: Token, dataset: Dataset, fallback: Captures, fit: PublishedFitter): TokenCaptures | null {
  const table = dataset.published[token.id];
  const supply = token.circulatingSupply ?? (token.marketCap !== null ? token.marketCap / token.price : null);
  if (!table || supply === null) return null;
  const captures = fit(table, supply, fallback);
  if (!captures) return null;
  return {
    captures,
    origin: 'published',
    short: 'Token Metrics',
    detail: `Token Metrics: fitted to its published scenario table of ${table.asOf}.`,
    peg: null,
  };
}

function unpegged(token: Token, dataset: Dataset, mode: CaptureMode, fit: PublishedFitter | undefined): TokenCaptures {
  if (mode === 'same') {
    return {
      captures: DEFAULT_CAPTURES,
      origin: 'same',
      short: 'same for all',
      detail: 'Same for all: the default captures (0.5 / 0.75 / 1) for every token.',
      peg: null,
    };
  }
  const own = ownCaptures(token, dataset);
  if (mode !== 'tm') return own;
  if (!fit) throw new Error('capturesFor: the "tm" mode needs the published fitter');
  return published(token, dataset, own.captures, fit) ?? own;
}

/**
 * The captures `token` uses under `mode`, with their origin in words. A pegged asset keeps its peg in
 * every mode (its captures are then unused); a wrapped or staked token takes the captures of what it
 * tracks, so its multiple is that token's. A mode that may be `tm` comes with `fit`.
 */
export function capturesFor(token: Token, dataset: Dataset, mode: 'token' | 'same'): TokenCaptures;
export function capturesFor(token: Token, dataset: Dataset, mode: CaptureMode, fit: PublishedFitter): TokenCaptures;
export function capturesFor(token: Token, dataset: Dataset, mode: CaptureMode, fit?: PublishedFitter): TokenCaptures {
  const peg = pegsOf(dataset).get(token.id) ?? null;
  if (peg?.kind === 'pegged') {
    return {
      captures: DEFAULT_CAPTURES,
      origin: 'pegged',
      short: peg.label,
      detail: `${token.name} is ${peg.label}: its price stays at the peg in every scenario (its market cap may grow; its price does not).`,
      peg,
    };
  }
  if (peg?.kind === 'tracks') {
    const underlying = dataset.tokens.find((t) => t.id === peg.underlying);
    if (underlying) {
      const theirs = unpegged(underlying, dataset, mode, fit);
      return {
        captures: theirs.captures,
        origin: 'tracks',
        short: peg.label,
        detail: `${token.name} ${peg.label}: it moves with ${underlying.name}, so it takes ${underlying.name}'s captures (${theirs.short}).`,
        peg,
      };
    }
  }
  return unpegged(token, dataset, mode, fit);
}
