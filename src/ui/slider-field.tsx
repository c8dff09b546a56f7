import { RangeSlider, type RangeSliderProps } from './range-slider.tsx';
import { TypedInput, type Committed } from './typed-input.tsx';

interface SliderFieldProps extends RangeSliderProps {
  readonly className?: string;
  /** The typed box beside the slider: it shows the slider's `valueText` and applies what is typed. */
  readonly box: {
    readonly label: string;
    readonly placeholder: string;
    readonly inputMode?: 'decimal' | 'text';
    /** Parses and applies the text; returns (or promises) an error message to show, or null when accepted. */
    readonly onCommit: (text: string) => Committed;
  };
}

/** A range slider and the typed box that mirrors it ("16T", "0.5%"): one value, two ways to set it. */
export function SliderField({ className, box, ...slider }: SliderFieldProps) {
  return (
    <div className={className}>
      <RangeSlider {...slider} />
      <TypedInput label={box.label} value={slider.shown.valueText} placeholder={box.placeholder} inputMode={box.inputMode ?? 'text'} onCommit={box.onCommit} />
    </div>
  );
}
