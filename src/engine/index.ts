/**
 * The scenario engine: pure functions over plain numbers (USD, tokens, fractions).
 * No React, no fetch, no DOM. See docs/scenario-model.md.
 */
export { EngineInputError } from './errors.ts';
export { LIMITS } from './limits.ts';
export type { TokenInput } from './validate.ts';
export { caseShare, customPrice, requiredMarketSize, requiredMarketSizeAtShare } from './answers.ts';
export { CASE_LABEL, CASES, scenarioCell, scenarioTable, type Captures, type ScenarioCase, type ScenarioCell, type ScenarioRow } from './scenario.ts';
export { calibrate, type Calibration, type PublishedTable } from './calibrate.ts';
export { CAPTURE_RANGE, DEFAULT_CAPTURES, DEFAULT_TIERS, MARKET_SIZE_RANGE, SHARE_RANGE } from './defaults.ts';
export { MARKET_UNITS, parseMarketSize, readMarketSize, tierLabel } from './labels.ts';
export { parsePrice, parseShare, readShare } from './parse.ts';
export { clampToScale, logScale, sliderPosition, sliderStep, sliderValue, type LogScale } from './slider.ts';
export type { Ratio, Tokens, Usd } from './units.ts';
export {
  anchoredFit,
  captureSamples,
  historyCaptures,
  percentile,
  valuesByDay,
  MIN_WINDOWS,
  type AnchoredFit,
  type CapPoint,
  type CaptureSamples,
  type HistoryCaptures,
  type HistoryCapturesFound,
  type HistoryTooShort,
} from './history.ts';
export {
  BLUME_WEIGHT,
  capturePrior,
  crossSectionCapture,
  historyWindow,
  marketMoveQualifies,
  marketWindows,
  observedCaptureSet,
  OBSERVED_MIN_MOVE,
  pooledCapture,
  priorEvidence,
  round4,
  shrunkCaptures,
  type CapturePrior,
  type CaptureWindow,
  type DatedMarket,
  type ObservedCaptureEntry,
  type ObservedCaptureSet,
  type PooledCapture,
  type ShrunkCaptures,
} from './observed.ts';
export { BEYOND_REACH, screenBatch, tokenBatch, type BatchResult, type TokenBatch } from './batch.ts';
export {
  AMOUNT_RANGE,
  TARGET_VALUE_RANGE,
  portfolioContributions,
  portfolioTable,
  portfolioTarget,
  portfolioToday,
  portfolioValue,
  type PortfolioCell,
  type PortfolioLine,
  type PortfolioRow,
  type PortfolioTarget,
} from './portfolio.ts';
