/**
 * A portfolio under the scenario model: each holding is a line in the total market size M
 * (`amount * price_c(M)`, with `price_c(M) = max(0, C0 * (1 - beta + beta * M / M0)) / Sh`), or a flat
 * line for a pegged asset. Its value is the sum of the lines, so "what market size makes my portfolio
 * worth X?" is one division per case (more only when a capture above 1 floors a line at 0 in a small market).
 */
import { EngineInputError } from './errors.ts';
import { LIMITS } from './limits.ts';
import { CASES, checkCaptures, marketCapAt, type Captures, type ScenarioCase } from './scenario.ts';
import { checkMarketSize, checkNumber, checkTiers, checkToken, type CheckedToken, type TokenInput } from './validate.ts';

/** The largest amount (tokens) one holding may hold. */
export const AMOUNT_RANGE = Object.freeze({ min: 0, max: 1e24 });

/** Relative rounding between this file's two ways of summing the same value. */
const ROUNDING = 1e-12;

/** The target values (USD) the solver takes: from a billionth of a dollar to far past any real portfolio. */
export const TARGET_VALUE_RANGE = Object.freeze({ min: 1e-9, max: 1e30 });

/** One holding: a scenario asset with its captures, or a pegged asset priced at its peg in every scenario. */
export type PortfolioLine =
  | { readonly kind: 'scenario'; readonly token: TokenInput; readonly captures: Captures; readonly amount: number }
  /** `price`: USD per token at the peg (1 for a USD stablecoin) in every scenario; `today`: today's price (default: the peg). */
  | { readonly kind: 'pegged'; readonly price: number; readonly amount: number; readonly today?: number | undefined };

type Checked =
  | { readonly kind: 'scenario'; readonly token: CheckedToken; readonly captures: Captures; readonly amount: number }
  | { readonly kind: 'pegged'; readonly price: number; readonly amount: number; readonly today: number };

function checkLines(lines: readonly PortfolioLine[]): Checked[] {
  if (!Array.isArray(lines)) throw new EngineInputError('lines', 'must be a list of holdings', lines);
  return lines.map((line, i): Checked => {
    const amount = checkNumber(`lines[${i}].amount`, line.amount, AMOUNT_RANGE);
    if (line.kind === 'pegged') {
      const price = checkNumber(`lines[${i}].price`, line.price, LIMITS.price);
      return { kind: 'pegged', price, amount, today: line.today === undefined ? price : checkNumber(`lines[${i}].today`, line.today, LIMITS.price) };
    }
    return { kind: 'scenario', token: checkToken(line.token), captures: checkCaptures(line.captures), amount };
  });
}

/** A checked line's value (USD) in case `c` at market size `m`: the engine's own price times the amount. */
function lineValue(line: Checked, c: ScenarioCase, m: number): number {
  if (line.kind === 'pegged') return line.amount * line.price;
  return line.amount * (marketCapAt(line.token, line.captures[c], m) / line.token.horizonSupply);
}

function lineToday(line: Checked): number {
  return line.amount * (line.kind === 'pegged' ? line.today : line.token.p0);
}

/** One cell of the portfolio table. */
export interface PortfolioCell {
  /** The portfolio's value, USD (>= 0). */
  readonly value: number;
  /** `value / today's value`; null when today's value is 0 (no amounts yet). */
  readonly multiple: number | null;
}

export interface PortfolioRow extends Readonly<Record<ScenarioCase, PortfolioCell>> {
  /** The total market size of this row, USD. */
  readonly tier: number;
}

/**
 * Today's value of the portfolio, USD: each amount times today's price (a pegged line's `today`, else its peg).
 * @throws EngineInputError naming the bad line (`lines[2].amount`).
 */
export function portfolioToday(lines: readonly PortfolioLine[]): number {
  return checkLines(lines).reduce((sum, line) => sum + lineToday(line), 0);
}

/**
 * Each line's value (USD) in case `c` at market size `marketSize`, in the order of `lines`; their sum is
 * the portfolio's value there.
 * @throws EngineInputError
 */
export function portfolioContributions(lines: readonly PortfolioLine[], c: ScenarioCase, marketSize: number): number[] {
  const m = checkMarketSize('marketSize', marketSize);
  if (!CASES.includes(c)) throw new EngineInputError('case', 'must be bear, base or moon', c);
  return checkLines(lines).map((line) => lineValue(line, c, m));
}

/**
 * The portfolio's value in case `c` at `marketSize`: the sum of `amount * scenarioCell(...).price` over
 * scenario lines plus `amount * peg` over pegged ones.
 * @throws EngineInputError
 */
export function portfolioValue(lines: readonly PortfolioLine[], c: ScenarioCase, marketSize: number): number {
  return portfolioContributions(lines, c, marketSize).reduce((a, b) => a + b, 0);
}

/**
 * The portfolio's value at every tier (rows in the order of `tiers`) and case, with its multiple of today's value.
 * @throws EngineInputError
 */
export function portfolioTable(lines: readonly PortfolioLine[], tiers: readonly number[]): PortfolioRow[] {
  const checked = checkLines(lines);
  const today = checked.reduce((sum, line) => sum + lineToday(line), 0);
  const cell = (c: ScenarioCase, m: number): PortfolioCell => {
    const value = checked.reduce((sum, line) => sum + lineValue(line, c, m), 0);
    return { value, multiple: today > 0 ? value / today : null };
  };
  return checkTiers(tiers).map((tier) => ({ tier, bear: cell('bear', tier), base: cell('base', tier), moon: cell('moon', tier) }));
}

/** The answer to "at what total market size is the portfolio worth the target?" for one case. */
export type PortfolioTarget =
  /** Worth the target at every market size (its floor, near an empty market, is already there). */
  | { readonly reach: 'always' }
  /** From this total market size (USD) on. */
  | { readonly reach: 'at'; readonly marketSize: number }
  /** No market size: `flat` when nothing in it grows with the market (only pegged lines, or captures of 0), `beyond` past `LIMITS.marketSize.max`. */
  | { readonly reach: 'never'; readonly why: 'flat' | 'beyond' };

/**
 * The smallest total market size (USD) at which the portfolio's value in case `c` reaches `target` USD.
 * Each line is `max(0, a + b * M)` with `b >= 0`, so the value never falls as M grows: with no line
 * floored the answer is `(target - sum a) / sum b`; a line that a capture above 1 floors at 0 joins the
 * sum from the market size where it turns positive.
 * @throws EngineInputError for a bad line, case or target (a target must be within `TARGET_VALUE_RANGE`, USD).
 */
export function portfolioTarget(lines: readonly PortfolioLine[], c: ScenarioCase, target: number): PortfolioTarget {
  if (!CASES.includes(c)) throw new EngineInputError('case', 'must be bear, base or moon', c);
  const t = checkNumber('target', target, TARGET_VALUE_RANGE);
  let a = 0;
  let b = 0;
  // Lines that are 0 in a small market and start to count at `from`.
  const later: Array<{ from: number; a: number; b: number }> = [];
  for (const line of checkLines(lines)) {
    if (line.kind === 'pegged') {
      a += line.amount * line.price;
      continue;
    }
    const beta = line.captures[c];
    const scale = (line.amount * line.token.c0) / line.token.horizonSupply;
    const la = scale * (1 - beta);
    const lb = (scale * beta) / line.token.m0;
    if (la >= 0) {
      a += la;
      b += lb;
    } else later.push({ from: -la / lb, a: la, b: lb });
  }
  // Within rounding of the target counts as reached: the sums here and `portfolioValue` round differently.
  if (a >= t * (1 - ROUNDING)) return { reach: 'always' };
  later.sort((x, y) => x.from - y.from);
  let start = 0;
  for (const next of [...later, null]) {
    const end = next === null ? Number.POSITIVE_INFINITY : next.from;
    if (b > 0) {
      const m = Math.max(start, (t - a) / b);
      if (m <= end) {
        if (!Number.isFinite(m) || m > LIMITS.marketSize.max) return { reach: 'never', why: 'beyond' };
        return { reach: 'at', marketSize: m };
      }
    }
    if (next === null) break;
    if (next.from > LIMITS.marketSize.max) return { reach: 'never', why: 'beyond' };
    a += next.a;
    b += next.b;
    start = next.from;
  }
  return { reach: 'never', why: b > 0 ? 'beyond' : 'flat' };
}
