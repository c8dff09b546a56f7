import { memo, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { usePlotArea } from 'recharts';
import { formatPrice } from '../../lib/format.ts';
import { writeText } from '../../ui/followed.ts';
import type { SubscribableStore } from '../../ui/use-after-paint.ts';
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
export type UserPointStore = SubscribableStore<UserPoint | null>;

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

/** Sets `name` on `el` unless it already has that value (an unchanged attribute costs no style work). */
function attr(el: Element, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/**
 * Draws the user's point in `mark` (a `<g>` holding a circle and a text) at the axes' scales, or hides
 * it: outside the axes (they catch up a beat later) the mark waits rather than sitting on the frame.
 */
function placeMark(mark: SVGGElement, point: UserPoint | null, { plot, x: xs, y: ys }: MarkPlace): void {
  const inside = point !== null && point.marketSize >= xs.min && point.marketSize <= xs.max && point.price >= ys.min && point.price <= ys.max;
  const x = inside ? logPx(point.marketSize, xs.min, xs.max, plot.x, plot.width) : Number.NaN;
  const y = inside ? logPx(point.price, ys.min, ys.max, plot.y + plot.height, -plot.height) : Number.NaN;
  const circle = mark.querySelector('circle');
  const text = mark.querySelector('text');
  if (!point || !Number.isFinite(x) || !Number.isFinite(y) || !circle || !text) {
    attr(mark, 'display', 'none');
    return;
  }
  const nearRight = Math.log(xs.max / point.marketSize) < 0.3 * Math.log(xs.max / xs.min);
  attr(circle, 'cx', String(x));
  attr(circle, 'cy', String(y));
  attr(text, 'x', String(x + (nearRight ? -10 : 10)));
  attr(text, 'y', String(y));
  attr(text, 'text-anchor', nearRight ? 'end' : 'start');
  writeText(text, `You ${formatPrice(point.price)}`);
  mark.removeAttribute('display');
}

/**
 * The user's point and its "You $x" label, drawn over the chart (in an SVG of the chart's size) at the
 * axes' scales. It follows the point's store itself and moves by writing the few attributes that
 * change, without a render: a slider step lays out and repaints this mark's layer only.
 */
export const UserPointMark = memo(function UserPointMark({ store, plot, x, y }: MarkPlace & { readonly store: UserPointStore }) {
  const ref = useRef<SVGGElement>(null);
  useLayoutEffect(() => {
    const mark = ref.current;
    if (!mark) return undefined;
    const draw = (): void => placeMark(mark, store.getState(), { plot, x, y });
    draw();
    return store.subscribe(draw);
  }, [store, plot, x, y]);
  return (
    <g ref={ref} className="band-chart-user" display="none">
      <circle r={6} fill="var(--fg)" stroke="var(--bg)" strokeWidth={2} />
      <text dy="0.355em" fill="var(--fg)" fontSize={13} />
    </g>
  );
});
