import * as z from 'zod/mini';
import { looseNumber, looseString } from './numbers.ts';

/** Every Token Metrics v2 response: `{ success, message, length, data: [...] }`. */
export const tmEnvelopeSchema = z.object({
  success: z.optional(z.boolean()),
  message: z.optional(z.string()),
  data: z.array(z.unknown()),
});

const id = z.union([z.number().check(z.int(), z.positive()), z.pipe(z.string().check(z.regex(/^\d+$/)), z.transform(Number))]);

/** `GET /tokens`. */
export const tmTokenSchema = z.object({
  TOKEN_ID: id,
  TOKEN_NAME: z.string().check(z.minLength(1)),
  TOKEN_SYMBOL: z.string().check(z.minLength(1)),
});

/** A grade on the 0-100 scale; anything else is unknown. */
const grade = z.pipe(
  looseNumber,
  z.transform((n: number | null) => (n !== null && n >= 0 && n <= 100 ? n : null)),
);

/** `GET /tm-grade`. */
export const tmGradeSchema = z.object({
  TOKEN_ID: id,
  TM_GRADE: grade,
  TM_GRADE_SIGNAL: looseString,
  FUNDAMENTAL_GRADE: grade,
  FUNDAMENTAL_GRADE_CLASS: looseString,
  DATE: looseString,
});

/** `GET /trader-grades`. */
export const tmTraderGradeSchema = z.object({
  TOKEN_ID: id,
  TM_TRADER_GRADE: grade,
  TA_GRADE: grade,
  QUANT_GRADE: grade,
  TM_TRADER_GRADE_24H_PCT_CHANGE: looseNumber,
  DATE: looseString,
});

/** `GET /investor-grades`. */
export const tmInvestorGradeSchema = z.object({
  TOKEN_ID: id,
  TM_INVESTOR_GRADE: grade,
  DATE: looseString,
});

/** `GET /technology-grade`. */
export const tmTechnologyGradeSchema = z.object({
  TOKEN_ID: id,
  TECHNOLOGY_GRADE: grade,
  ACTIVITY_SCORE: grade,
  SECURITY_SCORE: grade,
  REPOSITORY_SCORE: grade,
  COLLABORATION_SCORE: grade,
  DEFI_SCANNER_SCORE: grade,
  DATE: looseString,
});

/** `GET /trading-signals`: `TOKEN_TREND` +1/-1 drives the bullish/bearish badge (`TRADING_SIGNAL` is mostly 0). */
export const tmSignalSchema = z.object({
  TOKEN_ID: id,
  TOKEN_TREND: looseNumber,
  TRADING_SIGNAL: looseNumber,
  TM_TRADER_GRADE: grade,
  TM_INVESTOR_GRADE: grade,
  DATE: looseString,
});

const scenarioRowSchema = z.object({
  scenario: looseNumber,
  total_mcap_scenario: looseNumber,
  predicted_price_bear: looseNumber,
  predicted_price_base: looseNumber,
  predicted_price_moon: looseNumber,
});

/** `GET /scenario-analysis`: Token Metrics' own published bands. */
export const tmScenarioSchema = z.object({
  TOKEN_ID: id,
  SCENARIO_PREDICTION: z.object({
    current_price: looseNumber,
    predicted_date: looseString,
    scenario_prediction: z.array(scenarioRowSchema),
  }),
});
