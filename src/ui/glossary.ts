/**
 * Short explanations of the terms the views use in headings and column headers, shown by `HelpTip`.
 * One place, so the screener, compare and the detail view explain a term in the same words. `HelpTip`
 * loads this file the first time a tip opens: no view's first script carries the texts.
 */
export const GLOSSARY = {
  capture:
    'Capture: how much of each new dollar entering the crypto market a token takes, relative to its share today. 1 keeps its share, 0.5 takes part in half the market’s growth, 0 stands still.',
  captures:
    'Captures: whose capture each token uses. Per token: its own, observed in past market moves (defaults 0.5 / 0.75 / 1 without history). Same for all: the defaults for every token.',
  cases: 'Bear, base, moon: three captures per token, low to high. Bear takes part least in the market’s growth, moon most; base is the middle estimate.',
  scenarioPrice: 'Scenario price: the token’s price if the whole crypto market reached the chosen size, in the chosen case.',
  multiple: 'Multiple: the scenario price divided by today’s price (3x is three times today’s price).',
  needs: 'Needs: the total crypto market size at which the token reaches the target multiple in the chosen case.',
  supply:
    'Supply at the horizon: the number of tokens the market cap is shared over. Circulating: today’s supply. Max supply: every token that can ever exist (fully diluted).',
  tmGrade: 'TM Grade: Token Metrics’ overall grade, 0 to 100, with its rating word (Strong Buy to Strong Sell).',
  traderGrade: 'Trader Grade: Token Metrics’ short-term grade, 0 to 100.',
  signal: 'Signal: Token Metrics’ trading trend for the token, Bullish or Bearish.',
  totalMarket: 'Total market: the value of all crypto tokens together, the size the row or slider assumes.',
  share: 'Market share: the token’s part of the whole crypto market at the chosen market size.',
  tierNeeds: 'x needs: the total crypto market size at which the token reaches that multiple of its price, in the base case.',
  tierMultiple: 'Tier columns: the base-case multiple of today’s price at that total market size, with bear to moon in brackets.',
};

/** A term the glossary explains ("multiple"). */
export type Term = keyof typeof GLOSSARY;
