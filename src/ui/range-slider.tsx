import { useId } from 'react';

/** What a slider shows: its position and the text for it. */
export interface SliderShown {
  /** Integer position 0..steps (a log scale maps it to a value outside this component). */
  readonly position: number;
  /** What the position stands for, read by screen readers and shown beside the label ("16T", "0.48%"). */
  readonly valueText: string;
}

export interface RangeSliderProps {
  /** The accessible name ("Total market size"). */
  readonly label: string;
  readonly steps: number;
  /** Its position and text, from the owner (a store). */
  readonly shown: SliderShown;
  readonly onPosition: (position: number) => void;
  readonly hint?: string | undefined;
}

/**
 * A controlled native range input (keyboard: arrows, Page Up/Down, Home/End) whose accessible value is
 * text. It shows only what the owner holds: a position the owner refuses (a clamp, a snap that keeps
 * the value) is put back by React, as for any controlled input.
 */
export function RangeSlider({ label, steps, shown, onPosition, hint }: RangeSliderProps) {
  const id = useId();
  return (
    <div className="slider">
      <div className="slider-head">
        <label htmlFor={id}>{label}</label>
        <span className="slider-value" aria-hidden="true">
          {shown.valueText}
        </span>
      </div>
      <input
        id={id}
        type="range"
        min={0}
        max={steps}
        step={1}
        value={Math.round(shown.position)}
        aria-valuetext={shown.valueText}
        onChange={(e) => onPosition(Number(e.currentTarget.value))}
      />
      {hint ? <p className="hint">{hint}</p> : null}
    </div>
  );
}
