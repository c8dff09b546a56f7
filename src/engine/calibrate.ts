import { EngineInputError } from './errors.ts';
import { LIMITS } from './limits.ts';
import { CASES, marketCapAt, type Captures, type ScenarioCase } from './scenario.ts';
import { checkNumber, checkTiers, checkToken, type CheckedToken, type TokenInput } from './validate.ts';

/**
 * A published table: for each case, one price (USD) per tier, in the order of the tiers.
 * `null` marks a cell the analysis did not publish (a partial table, e.g. only the moon case).
 */
export type PublishedTable = Readonly<Record<ScenarioCase, readonly (number | null)[]>>;

/** A published table with every cell present. */
export type FullPublishedTable = Readonly<Record<ScenarioCase, readonly number[]>>;

export interface Calibration {
  /**
   * The fitted capture ratio per case, within `LIMITS.capture`; `null` for a case with no published
   * cell at a tier other than today's total market (nothing there says how the case grows).
   */
  readonly captures: Readonly<Record<ScenarioCase, number | null>>;
  /** The largest |model price - published price| over the cells used, USD. */
  readonly maxResidual: number;
  /** How many published cells the fit used (null cells and cells of unfitted cases are not counted). */
  readonly cells: number;
}

/** What a full table always gives: a capture for every case. */
export interface FullCalibration extends Calibration {
  readonly captures: Captures;
}

/** One case's published cells, checked: `x = M / M0 - 1` and the price, for the non-null cells only. */
interface CaseCells {
  readonly xs: number[];
  readonly prices: number[];
  readonly tiers: number[];
}

function checkedCells(c: ScenarioCase, row: unknown, ms: readonly number[], m0: number): CaseCells {
  if (!Array.isArray(row) || row.length !== ms.length) {
    throw new EngineInputError(`published.${c}`, `must hold one price (or null) per tier (${ms.length})`, row);
  }
  const cells: CaseCells = { xs: [], prices: [], tiers: [] };
  row.forEach((p: unknown, i) => {
    if (p === null) return;
    const price = checkNumber(`published.${c}[${i}]`, p, { min: 0, max: LIMITS.targetPrice.max });
    const m = ms[i] ?? m0;
    cells.xs.push(m / m0 - 1);
    cells.prices.push(price);
    cells.tiers.push(m);
  });
  return cells;
}

/** The least-squares capture of one case, or null when every cell sits at today's market (x = 0). */
function fitCase(t: CheckedToken, cells: CaseCells): number | null {
  const sxx = cells.xs.reduce((sum, x) => sum + x * x, 0);
  if (!(sxx > 0)) return null;
  const sxy = cells.prices.reduce((sum, p, i) => sum + (cells.xs[i] ?? 0) * ((p * t.horizonSupply) / t.c0 - 1), 0);
  // The model is linear in beta, so clamping the unconstrained optimum gives the constrained one.
  return Math.min(LIMITS.capture.max, Math.max(LIMITS.capture.min, sxy / sxx));
}

/**
 * Fits each case's capture ratio to a published table by least squares.
 * With `x = M / M0 - 1` and `y = P * Sh / C0 - 1` the model is `y = beta * x`, so
 * `beta = sum(x * y) / sum(x * x)` over the case's published (non-null) cells, clamped to `LIMITS.capture`
 * (the clamped value is the constrained optimum). Today's total market comes from `token.totalMarketCap`.
 * - A null cell is skipped in the fit and in the residual.
 * - A case whose cells are all null, or all at today's market, gets capture `null`.
 * - A table without nulls always gets a capture for every case (the `FullCalibration` overload).
 * @throws EngineInputError when a row has the wrong length (`published.base`), a cell is neither null nor a
 *   finite number >= 0 (`published.moon[2]`), no cell is published (`published`), or every published cell
 *   sits at today's market so nothing can be fitted (`tiers`).
 */
export function calibrate(token: TokenInput, tiers: readonly number[], published: FullPublishedTable): FullCalibration;
export function calibrate(token: TokenInput, tiers: readonly number[], published: PublishedTable): Calibration;
export function calibrate(token: TokenInput, tiers: readonly number[], published: PublishedTable): Calibration {
  const t = checkToken(token);
  const ms = checkTiers(tiers);
  if (published === null || typeof published !== 'object') {
    throw new EngineInputError('published', 'must hold bear, base and moon prices', published);
  }
  const byCase = CASES.map((c) => ({ c, cells: checkedCells(c, published[c], ms, t.m0) }));
  if (byCase.every(({ cells }) => cells.prices.length === 0)) {
    throw new EngineInputError('published', 'holds no published price to fit', published);
  }
  const captures: Record<ScenarioCase, number | null> = { bear: null, base: null, moon: null };
  let maxResidual = 0;
  let used = 0;
  for (const { c, cells } of byCase) {
    const beta = fitCase(t, cells);
    captures[c] = beta;
    if (beta === null) continue;
    used += cells.prices.length;
    cells.prices.forEach((p, i) => {
      const model = marketCapAt(t, beta, cells.tiers[i] ?? t.m0) / t.horizonSupply;
      maxResidual = Math.max(maxResidual, Math.abs(model - p));
    });
  }
  if (used === 0) {
    throw new EngineInputError('tiers', "at least one published tier must differ from today's total market", tiers);
  }
  return { captures, maxResidual, cells: used };
}
