import { capturesFor, type TokenCaptures } from '../../data/captures.ts';
import { engineInputFor } from '../../data/engine-input.ts';
import type { Dataset, Token } from '../../data/types.ts';
import { CASES, portfolioContributions, portfolioTable, portfolioToday, type PortfolioLine, type PortfolioRow, type ScenarioCase } from '../../engine/index.ts';
import { logSpaced, niceCeil, niceFloor } from '../../lib/log-axis.ts';
import type { Holding } from '../../state/holdings-store.ts';

/** One row of the holdings: the token as loaded (null when it is not in the list) and the line it adds. */
export interface PortfolioEntry {
  readonly holding: Holding;
  readonly token: Token | null;
  /** Null when the holding adds nothing to the totals: no amount yet, no price, or no supply. */
  readonly line: PortfolioLine | null;
  readonly from: TokenCaptures | null;
  /** Why `line` is null, in a few words ("no price: not in the loaded list"). */
  readonly missing: string | null;
}

/** Every holding, in the user's order, with what the engine needs for it (each token's own captures, pegs at their peg). */
export function portfolioEntries(holdings: readonly Holding[], dataset: Dataset): PortfolioEntry[] {
  const byId = new Map(dataset.tokens.map((t) => [t.id, t]));
  return holdings.map((holding): PortfolioEntry => {
    const token = byId.get(holding.id) ?? null;
    if (!token) return { holding, token, line: null, from: null, missing: 'no price: not in the loaded list' };
    const from = capturesFor(token, dataset, 'token');
    if (holding.amount === null) return { holding, token, line: null, from, missing: 'no amount yet' };
    if (from.peg?.kind === 'pegged') {
      return { holding, token, from, missing: null, line: { kind: 'pegged', price: from.peg.price, today: token.price, amount: holding.amount } };
    }
    const input = engineInputFor(token, dataset.market, 'circ');
    if (!input.ok) return { holding, token, line: null, from, missing: 'no scenario: no supply in this data' };
    return { holding, token, from, missing: null, line: { kind: 'scenario', token: input.input, captures: from.captures, amount: holding.amount } };
  });
}

export interface PortfolioSummary {
  readonly entries: readonly PortfolioEntry[];
  /** The entries that count, in order. */
  readonly counted: readonly PortfolioEntry[];
  readonly lines: readonly PortfolioLine[];
  readonly today: number;
  readonly rows: readonly PortfolioRow[];
  /** Names of holdings left out of the totals (no price, no amount, no supply). */
  readonly excluded: readonly string[];
}

export function portfolioSummary(holdings: readonly Holding[], dataset: Dataset, tiers: readonly number[]): PortfolioSummary {
  const entries = portfolioEntries(holdings, dataset);
  const counted = entries.filter((e) => e.line !== null);
  const lines = counted.flatMap((e) => (e.line ? [e.line] : []));
  return {
    entries,
    counted,
    lines,
    today: portfolioToday(lines),
    rows: portfolioTable(lines, tiers),
    excluded: entries.filter((e) => e.line === null && e.holding.amount !== null).map((e) => e.holding.name),
  };
}

/** One token's part of the portfolio at the chosen tier and case. */
export interface Contribution {
  readonly entry: PortfolioEntry;
  readonly value: number;
  /** Of the portfolio's value there, 0..1. */
  readonly share: number;
  readonly multiple: number | null;
}

export function contributions(summary: PortfolioSummary, c: ScenarioCase, tier: number): Contribution[] {
  const values = portfolioContributions(summary.lines, c, tier);
  const total = values.reduce((a, b) => a + b, 0);
  return summary.counted.map((entry, i) => {
    const value = values[i] ?? 0;
    const today = entry.line ? entry.line.amount * (entry.token?.price ?? 0) : 0;
    return { entry, value, share: total > 0 ? value / total : 0, multiple: today > 0 ? value / today : null };
  });
}

/** One x of the chart: the portfolio's value per case (floored at a tiny positive value for the log axis). */
export interface PortfolioPoint {
  readonly m: number;
  readonly base: number;
  readonly band: readonly [number, number];
}

/** The smallest value the log axis draws, USD: a case worth $0 there sits on the floor, never below it. */
export const VALUE_FLOOR = 1e-6;

export function chartDomain(totalMarketCap: number, tiers: readonly number[]): { min: number; max: number } {
  return { min: niceFloor(Math.min(totalMarketCap, ...tiers) / 1.5), max: niceCeil(Math.max(totalMarketCap, ...tiers) * 1.5) };
}

/** The portfolio's bear-moon band and base line over total market sizes (log-spaced, the tiers included). */
export function portfolioSeries(lines: readonly PortfolioLine[], min: number, max: number, tiers: readonly number[]): PortfolioPoint[] {
  const sizes = [...new Set([...logSpaced(min, max, 60), ...tiers.filter((m) => m >= min && m <= max)])].sort((a, b) => a - b);
  const table = portfolioTable(lines, sizes);
  return table.map((row) => {
    const [bear, base, moon] = CASES.map((c) => Math.max(VALUE_FLOOR, row[c].value));
    return { m: row.tier, base: base ?? VALUE_FLOOR, band: [Math.min(bear ?? 0, moon ?? 0), Math.max(bear ?? 0, moon ?? 0)] };
  });
}
