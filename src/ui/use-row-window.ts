import { useEffect, useState, type RefObject } from 'react';

/** The rows of a fixed-row-height list to render, and the space the others take above and below. */
export interface RowWindow {
  /** First row to render (inclusive). */
  readonly start: number;
  /** Row after the last to render (exclusive). */
  readonly end: number;
  /** Height in px of the rows above `start`, and of those from `end` on. */
  readonly padTop: number;
  readonly padBottom: number;
}

/** Where the viewport is, in whole rows: what a scroll must change before the list re-renders. */
interface Viewport {
  /** Index of the row at the top edge of the viewport. */
  readonly first: number;
  /** How many rows fit in it, counting the partly shown ones at both edges. */
  readonly fits: number;
}

/** Used until the scroll element has a height (before layout, or where nothing lays out). */
const FALLBACK_HEIGHT = 640;

function viewportOf(scrollTop: number, height: number, rowHeight: number): Viewport {
  const top = Number.isFinite(scrollTop) && scrollTop > 0 ? scrollTop : 0;
  const h = Number.isFinite(height) && height > 0 ? height : FALLBACK_HEIGHT;
  return { first: Math.floor(top / rowHeight), fits: Math.ceil(h / rowHeight) + 1 };
}

/**
 * The window of rows for `count` rows of `rowHeight` px scrolled to `scrollTop` in a viewport `height`
 * px tall, with `overscan` extra rows on each side (drawn ahead, so a short scroll shows no gap).
 * Pure: a scroll past the end, a negative or non-finite position or height, or an empty list all give
 * a valid window.
 */
export function rowWindow(scrollTop: number, height: number, rowHeight: number, count: number, overscan: number): RowWindow {
  return windowOf(viewportOf(scrollTop, height, rowHeight), rowHeight, count, overscan);
}

function windowOf({ first, fits }: Viewport, rowHeight: number, count: number, overscan: number): RowWindow {
  const n = Math.max(0, Math.floor(count));
  const end = Math.min(n, first + fits + overscan);
  const start = Math.max(0, Math.min(first - overscan, end - fits - 2 * overscan));
  return { start, end, padTop: start * rowHeight, padBottom: (n - end) * rowHeight };
}

/**
 * Virtualises a list of `count` rows of `rowHeight` px in the scroll element `ref`: it re-renders
 * only when a scroll or resize changes which rows are in view, never per scrolled pixel.
 * (A few lines in place of a virtualiser library: the rows here have one fixed height.)
 */
export function useRowWindow(ref: RefObject<HTMLElement | null>, rowHeight: number, count: number, overscan: number): RowWindow {
  const [viewport, setViewport] = useState<Viewport>(() => viewportOf(0, FALLBACK_HEIGHT, rowHeight));
  useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    // Compared here, not in a state updater: React may render once more before it bails out of an equal state.
    let current: Viewport | null = null;
    const update = (): void => {
      const next = viewportOf(element.scrollTop, element.clientHeight, rowHeight);
      if (current && current.first === next.first && current.fits === next.fits) return;
      current = next;
      setViewport(next);
    };
    update();
    element.addEventListener('scroll', update, { passive: true });
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(update);
    resize?.observe(element);
    return () => {
      element.removeEventListener('scroll', update);
      resize?.disconnect();
    };
  }, [ref, rowHeight]);
  return windowOf(viewport, rowHeight, count, overscan);
}
