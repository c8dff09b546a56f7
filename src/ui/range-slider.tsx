import { useId, useLayoutEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';

export interface RangeSliderProps {
  /** The accessible name ("Total market size"). */
  readonly label: string;
  /** Integer position 0..steps (a log scale maps it to a value outside this component). */
  readonly position: number;
  readonly steps: number;
  /** What the position stands for, read by screen readers and shown beside the label ("16T", "0.48%"). */
  readonly valueText: string;
  readonly onPosition: (position: number) => void;
  readonly hint?: string | undefined;
}

/**
 * A native range input (keyboard: arrows, Page Up/Down, Home/End) whose accessible value is text.
 *
 * The `<input>` element is made once (per `steps`) and its value and `aria-valuetext` are written to it
 * directly: each time React re-renders an `<input>`, it also rewrites its `name`, `type` and `value`
 * attributes (`updateInput`), and Chromium then restyles it, on every key press. The element still
 * shows only what the caller holds: a position the caller refuses (a clamp, a snap that keeps the
 * value) is put back once React has rendered, as React does for a controlled input.
 */
export function RangeSlider({ label, position, steps, valueText, onPosition, hint }: RangeSliderProps) {
  const id = useId();
  const ref = useRef<HTMLInputElement>(null);
  const value = String(Math.round(position));
  // The first render's value and text; later ones reach the element through the layout effect.
  const [initial] = useState(() => ({ value, valueText }));
  const held = useRef(value);
  useLayoutEffect(() => {
    held.current = value;
    const el = ref.current;
    if (!el) return;
    if (el.value !== value) el.value = value;
    if (el.getAttribute('aria-valuetext') !== valueText) el.setAttribute('aria-valuetext', valueText);
  }, [value, valueText]);
  const latest = useRef(onPosition);
  useLayoutEffect(() => {
    latest.current = onPosition;
  });
  const input = useMemo(() => {
    const handle = (e: ChangeEvent<HTMLInputElement>): void => {
      const el = e.currentTarget;
      latest.current(Number(el.value));
      // React renders the update in a microtask queued before this one: by now `held` is what the caller took.
      queueMicrotask(() => {
        if (el.value !== held.current) el.value = held.current;
      });
    };
    return (
      <input ref={ref} id={id} type="range" min={0} max={steps} step={1} defaultValue={initial.value} aria-valuetext={initial.valueText} onChange={handle} />
    );
  }, [id, steps, initial]);
  return (
    <div className="slider">
      <div className="slider-head">
        <label htmlFor={id}>{label}</label>
        <span className="slider-value" aria-hidden="true">
          {valueText}
        </span>
      </div>
      {input}
      {hint ? <p className="hint">{hint}</p> : null}
    </div>
  );
}
