/** The model doc's worked example: Cardano, from a published 2025 analysis. */
export const T = 1e12;

export const cardano = {
  price: 0.645,
  circulatingSupply: 36e9,
  totalMarketCap: 3.875 * T,
} as const;

export const workedTiers = [7.75 * T, 15.5 * T, 23.25 * T, 31 * T];

export const workedCaptures = { bear: 0.455, base: 0.628, moon: 0.8025 } as const;

/** The published prices, rounded to the cent, tier by tier. */
export const publishedCents = {
  bear: [0.94, 1.53, 2.11, 2.7],
  base: [1.05, 1.86, 2.67, 3.48],
  moon: [1.16, 2.2, 3.23, 4.27],
} as const;
