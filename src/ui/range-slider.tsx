import { useId, type ChangeEvent } from 'react';

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
 * Native, so each key press costs one React update and nothing else.
 */
export function RangeSlider({ label, position, steps, valueText, onPosition, hint }: RangeSliderProps) {
  const id = useId();
  const handle = (e: ChangeEvent<HTMLInputElement>): void => onPosition(Number(e.target.value));
  return (
    <div className="slider">
      <div className="slider-head">
        <label htmlFor={id}>{label}</label>
        <span className="slider-value" aria-hidden="true">
          {valueText}
        </span>
      </div>
      <input id={id} type="range" min={0} max={steps} step={1} value={Math.round(position)} aria-valuetext={valueText} onChange={handle} />
      {hint ? <p className="hint">{hint}</p> : null}
    </div>
  );
}
