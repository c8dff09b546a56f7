import { useCallback, useId, useLayoutEffect, useMemo, useRef, type ChangeEvent } from 'react';
import { useFollowed, writeText, type Followed } from './followed.ts';

/** What a slider shows: its position and the text for it. */
export interface SliderShown {
  /** Integer position 0..steps (a log scale maps it to a value outside this component). */
  readonly position: number;
  /** What the position stands for, read by screen readers and shown beside the label ("16T", "0.48%"). */
  readonly valueText: string;
}

/** Two `SliderShown` that draw the same. */
export const sameShown = (a: SliderShown, b: SliderShown): boolean => a.position === b.position && a.valueText === b.valueText;

export interface RangeSliderProps {
  /** The accessible name ("Total market size"). */
  readonly label: string;
  readonly steps: number;
  /** Its position and text, or a store of them that the slider follows without re-rendering. */
  readonly shown: Followed<SliderShown>;
  readonly onPosition: (position: number) => void;
  readonly hint?: string | undefined;
}

/**
 * A native range input (keyboard: arrows, Page Up/Down, Home/End) whose accessible value is text.
 *
 * The `<input>` element is made once (per `steps`), and its value, its `aria-valuetext` and the text
 * beside the label are written to the DOM directly: each time React re-renders an `<input>`, it also
 * rewrites its `name`, `type` and `value` attributes (`updateInput`), and Chromium then restyles it,
 * on every key press. Given a store, the slider follows it without a render at all. The element still
 * shows only what the owner holds: a position the owner refuses (a clamp, a snap that keeps the value)
 * is put back once the owner has taken the change, as React does for a controlled input.
 */
export function RangeSlider({ label, steps, shown, onPosition, hint }: RangeSliderProps) {
  const id = useId();
  const ref = useRef<HTMLInputElement>(null);
  const textRef = useRef<HTMLSpanElement>(null);
  /** The position the owner holds, as the element's value. */
  const held = useRef('');
  const write = useCallback(({ position, valueText }: SliderShown): void => {
    const value = String(Math.round(position));
    held.current = value;
    const el = ref.current;
    if (el && el.value !== value) el.value = value;
    if (el && el.getAttribute('aria-valuetext') !== valueText) el.setAttribute('aria-valuetext', valueText);
    const text = textRef.current;
    if (text) writeText(text, valueText);
  }, []);
  const initial = useFollowed(shown, write);
  const latest = useRef(onPosition);
  useLayoutEffect(() => {
    latest.current = onPosition;
  });
  const input = useMemo(() => {
    const handle = (e: ChangeEvent<HTMLInputElement>): void => {
      const el = e.currentTarget;
      latest.current(Number(el.value));
      // A store's owner has written `held` by now; React renders a prop's update in a microtask queued
      // before this one: either way `held` is then what the owner took.
      queueMicrotask(() => {
        if (el.value !== held.current) el.value = held.current;
      });
    };
    return (
      <input
        ref={ref}
        id={id}
        type="range"
        min={0}
        max={steps}
        step={1}
        defaultValue={String(Math.round(initial.position))}
        aria-valuetext={initial.valueText}
        onChange={handle}
      />
    );
  }, [id, steps, initial]);
  return (
    <div className="slider">
      <div className="slider-head">
        <label htmlFor={id}>{label}</label>
        <span ref={textRef} className="slider-value" aria-hidden="true">
          {initial.valueText}
        </span>
      </div>
      {input}
      {hint ? <p className="hint">{hint}</p> : null}
    </div>
  );
}
