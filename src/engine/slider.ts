import { EngineInputError } from './errors.ts';

/** A log-scale slider: integer positions 0..steps mapped onto values min..max. */
export interface LogScale {
  readonly min: number;
  readonly max: number;
  readonly steps: number;
  /** Values a position snaps to when it lands within half a step of them (tiers). */
  readonly snaps: readonly number[];
}

/**
 * Builds a log scale over `[min, max]` (both > 0, min < max) with `steps` integer positions.
 * @throws EngineInputError (field `scale`) for a bad range.
 */
export function logScale(min: number, max: number, steps = 200, snaps: readonly number[] = []): LogScale {
  if (!(Number.isFinite(min) && Number.isFinite(max) && min > 0 && max > min)) {
    throw new EngineInputError('scale', 'needs 0 < min < max', { min, max });
  }
  if (!Number.isInteger(steps) || steps < 1) throw new EngineInputError('scale', 'needs a whole number of steps', steps);
  return { min, max, steps, snaps: snaps.filter((s) => Number.isFinite(s) && s >= min && s <= max) };
}

/** Clamps any number (NaN included) into the scale's value range; NaN goes to `min`. */
export function clampToScale(scale: LogScale, value: number): number {
  if (Number.isNaN(value)) return scale.min;
  return Math.min(scale.max, Math.max(scale.min, value));
}

/** The (fractional) position of a value, clamped to 0..steps. */
export function sliderPosition(scale: LogScale, value: number): number {
  const v = clampToScale(scale, value);
  return (Math.log(v / scale.min) / Math.log(scale.max / scale.min)) * scale.steps;
}

/** Rounds to three significant digits, so slider values read cleanly ("16.2T", not 16.2345T). */
function roundNice(value: number): number {
  return Number(value.toPrecision(3));
}

/**
 * The value at a position (rounded and clamped to 0..steps). A position within half a step of a
 * snap value gives that value exactly, so every tier is reachable by keyboard.
 */
export function sliderValue(scale: LogScale, position: number): number {
  const pos = Number.isNaN(position) ? 0 : Math.min(scale.steps, Math.max(0, Math.round(position)));
  for (const snap of scale.snaps) {
    if (Math.abs(sliderPosition(scale, snap) - pos) <= 0.5) return snap;
  }
  if (pos === 0) return scale.min;
  if (pos === scale.steps) return scale.max;
  return clampToScale(scale, roundNice(scale.min * (scale.max / scale.min) ** (pos / scale.steps)));
}

/**
 * The value one keyboard step away from `value` (`delta` positions, e.g. +1 for an arrow, +10 for Page Up).
 * It always moves in the direction of `delta` when it can, even when `value` sits between positions
 * (a snapped tier or a typed value) or rounding maps two positions to one value.
 */
export function sliderStep(scale: LogScale, value: number, delta: number): number {
  const from = clampToScale(scale, value);
  if (delta === 0 || Number.isNaN(delta)) return from;
  const sign = Math.sign(delta);
  const at = sliderPosition(scale, from);
  let position = (sign > 0 ? Math.floor(at) : Math.ceil(at)) + Math.trunc(delta);
  let next = sliderValue(scale, position);
  while ((next - from) * sign <= 0 && position >= 0 && position <= scale.steps) {
    position += sign;
    next = sliderValue(scale, position);
  }
  return (next - from) * sign > 0 ? next : from;
}
