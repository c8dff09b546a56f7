import type { Captures } from './scenario.ts';

const T = 1e12;

/** Default tiers: total crypto market sizes of 8T, 16T, 23T and 31T (USD). */
export const DEFAULT_TIERS: readonly number[] = Object.freeze([8 * T, 16 * T, 23 * T, 31 * T]);

/** Default capture ratios when nothing better is known (the model doc's defaults). */
export const DEFAULT_CAPTURES: Captures = Object.freeze({ bear: 0.5, base: 0.75, moon: 1 });

/** The range of the `Total market size` slider, USD. */
export const MARKET_SIZE_RANGE = Object.freeze({ min: 0.5 * T, max: 100 * T });

/** The range of the `Market share` slider, as a fraction (0.001% to 50%). */
export const SHARE_RANGE = Object.freeze({ min: 0.00001, max: 0.5 });

/** The range of the capture sliders. */
export const CAPTURE_RANGE = Object.freeze({ min: 0, max: 3, step: 0.005 });
