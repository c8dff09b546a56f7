/**
 * The ranges the engine accepts. They are wide enough for every real token and market
 * (sub-nano prices, quadrillion supplies, a market far past 100T) and narrow enough that
 * no product of them can overflow a double: with these bounds no output is NaN or Infinity.
 */
export const LIMITS = {
  /** USD per token. */
  price: { min: 1e-15, max: 1e9 },
  /** Tokens. */
  supply: { min: 1e-9, max: 1e24 },
  /** USD: today's total market and any market size asked about. */
  marketSize: { min: 1, max: 1e18 },
  /** Capture ratio beta. */
  capture: { min: 0, max: 1000 },
  /** Fraction of the total market. */
  share: { min: 0, max: 1 },
  /** USD per token, for targets and published prices (0 is allowed for published cells). */
  targetPrice: { min: 1e-15, max: 1e15 },
  /** How many tiers one table may hold. */
  tiers: { max: 64 },
} as const;
