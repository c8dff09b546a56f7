import { useLayoutEffect, useRef, useState } from 'react';
import type { SubscribableStore } from './use-after-paint.ts';

/**
 * A value given as it is, or as a store to follow. A store's changes reach the DOM without a render:
 * for what moves on every key press of a slider (its position and text, the typed box beside it),
 * where a render of the control costs more than the few DOM writes it makes.
 */
export type Followed<T> = T | SubscribableStore<T>;

/** Whether `value` is a store to follow (rather than the value itself). */
export function isStore<T>(value: Followed<T>): value is SubscribableStore<T> {
  return typeof value === 'object' && value !== null && 'subscribe' in value && 'getState' in value;
}

/**
 * Calls `write` with `value` once the component is in the DOM and whenever it changes: after a render
 * that brings a new value, or, for a store, on each of its changes, at once and without a render.
 * Returns the value at the first render, for the element's initial state.
 */
export function useFollowed<T>(value: Followed<T>, write: (current: T) => void): T {
  const [initial] = useState(() => (isStore(value) ? value.getState() : value));
  const latestWrite = useRef(write);
  useLayoutEffect(() => {
    latestWrite.current = write;
  });
  useLayoutEffect(() => {
    if (!isStore(value)) {
      latestWrite.current(value);
      return undefined;
    }
    const follow = (): void => latestWrite.current(value.getState());
    follow();
    return value.subscribe(follow);
  }, [value]);
  return initial;
}

/**
 * `store` seen through `select`, as a store of its own: `getState` gives the same object while
 * `same` says the selection has not changed (a slider's position and text, from the scenario).
 * `select` runs once per state of `store`, however many readers ask (a slider and its box, the chart's
 * axes and its mark all read on each step).
 */
export function selectStore<S, T>(store: SubscribableStore<S>, select: (state: S) => T, same: (a: T, b: T) => boolean): SubscribableStore<T> {
  let last: { readonly from: S; readonly value: T } | null = null;
  return {
    subscribe: (listener) => store.subscribe(() => listener()),
    getState: () => {
      const from = store.getState();
      if (last !== null && Object.is(last.from, from)) return last.value;
      const next = select(from);
      last = { from, value: last !== null && same(last.value, next) ? last.value : next };
      return last.value;
    },
  };
}

/**
 * Sets `el`'s text to `text`, in place when it holds one text node. Setting `textContent` replaces that
 * node, and Chromium then restyles the new node and makes it a new layout object, on every key press.
 */
export function writeText(el: Element, text: string): void {
  const only = el.firstChild;
  if (only instanceof Text && only === el.lastChild) {
    if (only.data !== text) only.data = text;
  } else if (el.textContent !== text) el.textContent = text;
}
