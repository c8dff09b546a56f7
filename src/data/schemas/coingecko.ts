import * as z from 'zod/mini';
import { looseNumber, loosePositive, looseString } from './numbers.ts';

/** One row of `GET /coins/markets`. Any number may be null or a string; a row needs an id and a price > 0. */
export const cgMarketRowSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  symbol: z.string().check(z.minLength(1), z.maxLength(50)),
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  image: looseString,
  current_price: loosePositive.check(z.refine((n) => n !== null, 'a price is required')),
  market_cap: loosePositive,
  market_cap_rank: loosePositive,
  circulating_supply: loosePositive,
  total_supply: loosePositive,
  max_supply: loosePositive,
  price_change_percentage_24h: looseNumber,
  price_change_percentage_24h_in_currency: looseNumber,
  price_change_percentage_7d_in_currency: looseNumber,
  price_change_percentage_30d_in_currency: looseNumber,
  price_change_percentage_1y_in_currency: looseNumber,
  last_updated: looseString,
});
export type CgMarketRow = z.infer<typeof cgMarketRowSchema>;

/** `GET /global`: the total market cap in USD is required. */
export const cgGlobalSchema = z.object({
  data: z.object({
    total_market_cap: z.object({ usd: loosePositive.check(z.refine((n) => n !== null, 'total market cap in USD is required')) }),
    market_cap_percentage: z.optional(z.partial(z.object({ btc: looseNumber }))),
    updated_at: looseNumber,
  }),
});

const pointSchema = z.tuple([z.number(), looseNumber], z.unknown());

/** `GET /coins/{id}/market_chart`: `[[ms, value], ...]` series. */
export const cgMarketChartSchema = z.object({
  prices: z.array(pointSchema),
  market_caps: z.array(pointSchema),
});
