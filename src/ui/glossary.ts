/**
 * Short explanations of the terms the views use in headings and column headers, shown by `HelpTip`.
 * One place, so the screener, compare and the detail view explain a term in the same words; each its own
 * export, so a view's script holds only the ones it shows.
 */
export const HELP_CAPTURE =
  'Capture: how much of each new dollar entering the crypto market a token takes, relative to its share today. 1 keeps its share, 0.5 takes part in half the market’s growth, 0 stands still.';
export const HELP_CAPTURES =
  'Captures: whose capture each token uses. Per token: its own, observed in past market moves (defaults 0.5 / 0.75 / 1 without history). Same for all: the defaults for every token.';
export const HELP_CASES =
  'Bear, base, moon: three captures per token, low to high. Bear takes part least in the market’s growth, moon most; base is the middle estimate.';
export const HELP_SCENARIO_PRICE = 'Scenario price: the token’s price if the whole crypto market reached the chosen size, in the chosen case.';
export const HELP_MULTIPLE = 'Multiple: the scenario price divided by today’s price (3x is three times today’s price).';
export const HELP_NEEDS = 'Needs: the total crypto market size at which the token reaches the target multiple in the chosen case.';
export const HELP_SUPPLY =
  'Supply at the horizon: the number of tokens the market cap is shared over. Circulating: today’s supply. Max supply: every token that can ever exist (fully diluted).';
export const HELP_TM_GRADE = 'TM Grade: Token Metrics’ overall grade, 0 to 100, with its rating word (Strong Buy to Strong Sell).';
export const HELP_TRADER_GRADE = 'Trader Grade: Token Metrics’ short-term grade, 0 to 100.';
export const HELP_SIGNAL = 'Signal: Token Metrics’ trading trend for the token, Bullish or Bearish.';
export const HELP_TOTAL_MARKET = 'Total market: the value of all crypto tokens together, the size the row or slider assumes.';
export const HELP_SHARE = 'Market share: the token’s part of the whole crypto market at the chosen market size.';
export const HELP_TIER_NEEDS = 'x needs: the total crypto market size at which the token reaches that multiple of its price, in the base case.';
export const HELP_TIER_MULTIPLE = 'Tier columns: the base-case multiple of today’s price at that total market size, with bear to moon in brackets.';
