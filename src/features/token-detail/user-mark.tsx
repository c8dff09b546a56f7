import { memo, useEffect, useMemo, useSyncExternalStore } from 'react';
import { usePlotArea } from 'recharts';
import { formatPrice } from '../../lib/format.ts';
import type { LogDomain } from './chart-series.ts';

/** The user's own point: total market size (USD) and the price their share gives there. */
export interface UserPoint {
  readonly marketSize: number;
  readonly price: number;
}

/**
 * A user's point that moves with the keys: a store whose `getState` returns the same object while the
 * point does not move. Given one, the chart re-renders only its mark when the point moves.
 */
export interface UserPointStore {
  readonly getState: () => UserPoint | null;
  readonly subscribe: (listener: () => void) => () => void;
}

const NO_POINT: UserPointStore = { getState: () => null, subscribe: () => () => {} };

/** `userPoint` as a store: itself when it is one, else a store that holds the given point. */
export function usePointStore(userPoint: UserPoint | null | UserPointStore): UserPointStore {
  const given = userPoint !== null && 'subscribe' in userPoint ? userPoint : null;
  const marketSize = userPoint !== null && 'marketSize' in userPoint ? userPoint.marketSize : undefined;
  const price = userPoint !== null && 'price' in userPoint ? userPoint.price : undefined;
  const held = useMemo(() => {
    if (marketSize === undefined || price === undefined) return NO_POINT;
    const state = { marketSize, price };
    return { getState: () => state, subscribe: () => () => {} };
  }, [marketSize, price]);
  return given ?? held;
}

/** The plot area in px, in the chart's own coordinates (the overlay's too). */
export interface PlotBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Reports recharts' plot area from inside the chart whenever it changes (a resize, a wider price axis). */
export function PlotAreaReport({ onChange }: { readonly onChange: (box: PlotBox) => void }) {
  const area = usePlotArea();
  const x = area?.x;
  const y = area?.y;
  const width = area?.width;
  const height = area?.height;
  useEffect(() => {
    if (x !== undefined && y !== undefined && width !== undefined && height !== undefined) onChange({ x, y, width, height });
  }, [x, y, width, height, onChange]);
  return null;
}

/** Where `v` falls on a log axis from `min` to `max` drawn from `from` over `length` px. */
function logPx(v: number, min: number, max: number, from: number, length: number): number {
  return from + (length * Math.log(v / min)) / Math.log(max / min);
}

interface MarkPlace {
  readonly plot: PlotBox;
  readonly x: LogDomain;
  readonly y: LogDomain;
}

/**
 * The user's point and its "You $x" label, drawn over the chart (in an SVG of the chart's size) at the
 * axes' scales. It reads the point from its store itself: a slider step re-renders this mark alone, not
 * the chart's hundreds of elements. Outside the axes it is not drawn rather than sitting on the frame.
 */
export const UserPointMark = memo(function UserPointMark({ store, plot, x: xs, y: ys }: MarkPlace & { readonly store: UserPointStore }) {
  const point = useSyncExternalStore(store.subscribe, store.getState);
  if (point === null || point.marketSize < xs.min || point.marketSize > xs.max || point.price < ys.min || point.price > ys.max) return null;
  const x = logPx(point.marketSize, xs.min, xs.max, plot.x, plot.width);
  const y = logPx(point.price, ys.min, ys.max, plot.y + plot.height, -plot.height);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
  const nearRight = Math.log(xs.max / point.marketSize) < 0.3 * Math.log(xs.max / xs.min);
  return (
    <g className="band-chart-user">
      <circle cx={x} cy={y} r={6} fill="var(--fg)" stroke="var(--bg)" strokeWidth={2} />
      <text
        x={x + (nearRight ? -10 : 10)}
        y={y}
        dy="0.355em"
        textAnchor={nearRight ? 'end' : 'start'}
        fill="var(--fg)"
        stroke="var(--bg)"
        strokeWidth={3}
        paintOrder="stroke"
        fontSize={13}
      >
        {`You ${formatPrice(point.price)}`}
      </text>
    </g>
  );
});
