/**
 * Log-axis helpers shared by every chart: 1-2-5 rounding, ticks and log-spaced samples.
 * Pure functions of plain numbers.
 */

/** `mantissa * 10^exponent` as the nearest double (so 5e-5 is the literal 5e-5, not 5.000000000000001e-5). */
function decade(mantissa: number, exponent: number): number {
  return exponent >= 0 ? mantissa * 10 ** exponent : mantissa / 10 ** -exponent;
}

const NICE_MANTISSAS = [1, 2, 5] as const;

/** The largest 1-2-5 value (1, 2, 5 times a power of ten) at or below `x > 0`. */
export function niceFloor(x: number): number {
  const k = Math.floor(Math.log10(x));
  for (let e = k + 1; e >= k - 1; e--) {
    for (const mant of [5, 2, 1]) {
      const v = decade(mant, e);
      if (v <= x) return v;
    }
  }
  return decade(1, k - 1);
}

/** The smallest 1-2-5 value at or above `x > 0`. */
export function niceCeil(x: number): number {
  const k = Math.floor(Math.log10(x));
  for (let e = k - 1; e <= k + 1; e++) {
    for (const mant of NICE_MANTISSAS) {
      const v = decade(mant, e);
      if (v >= x) return v;
    }
  }
  return decade(1, k + 2);
}

function ticksWith(min: number, max: number, mantissas: readonly number[], everyNthDecade = 1): number[] {
  const lo = min * (1 - 1e-9);
  const hi = max * (1 + 1e-9);
  const ticks: number[] = [];
  const first = Math.floor(Math.log10(min)) - 1;
  const last = Math.ceil(Math.log10(max)) + 1;
  for (let e = first; e <= last; e++) {
    if (e % everyNthDecade !== 0) continue;
    for (const mant of mantissas) {
      const v = decade(mant, e);
      if (v >= lo && v <= hi) ticks.push(v);
    }
  }
  return ticks;
}

/**
 * Nice ticks for a log axis over `[min, max]` (both > 0): 1-2-5 values (0.5T, 1T, 2T, 5T, ...); when
 * they would be more than `maxTicks`, powers of ten only, then every second (third, ...) power of ten.
 * Returns [] for a range that is not `0 < min < max` with finite ends.
 */
export function logTicks(min: number, max: number, maxTicks = 10): number[] {
  if (!(min > 0) || !(max > min) || !Number.isFinite(max)) return [];
  const ticks125 = ticksWith(min, max, NICE_MANTISSAS);
  if (ticks125.length <= maxTicks) return ticks125;
  const decades = ticksWith(min, max, [1]);
  if (decades.length <= maxTicks) return decades;
  return ticksWith(min, max, [1], Math.ceil(decades.length / maxTicks));
}

/** `points` values log-spaced from `min` to `max` (both > 0), the ends exact. */
export function logSpaced(min: number, max: number, points: number): number[] {
  const n = Math.max(2, Math.floor(points));
  const a = Math.log(min);
  const step = (Math.log(max) - a) / (n - 1);
  return Array.from({ length: n }, (_, i) => (i === 0 ? min : i === n - 1 ? max : Math.exp(a + step * i)));
}

/**
 * The props every chart's log axis shares (recharts' `XAxis` / `YAxis` take them as they are): a numeric
 * log scale over `[min, max]` that keeps its domain, 1-2-5 ticks (at most `maxTicks`) written by `format`,
 * in the muted colour at 12 px.
 */
export function logAxisProps(min: number, max: number, format: (value: number) => string, maxTicks = 10) {
  return {
    type: 'number' as const,
    scale: 'log' as const,
    domain: [min, max] as [number, number],
    allowDataOverflow: true,
    ticks: logTicks(min, max, maxTicks),
    tickFormatter: format,
    stroke: 'var(--muted)',
    tick: { fontSize: 12 },
  };
}
