import { useMemo } from 'react';
import { isStore, selectStore, type Followed } from './followed.ts';
import { RangeSlider, type RangeSliderProps } from './range-slider.tsx';
import { TypedInput } from './typed-input.tsx';

interface SliderFieldProps extends RangeSliderProps {
  readonly className?: string;
  /** The typed box beside the slider: it shows the slider's `valueText` and applies what is typed. */
  readonly box: {
    readonly label: string;
    readonly placeholder: string;
    readonly inputMode?: 'decimal' | 'text';
    /** Parses and applies the text; returns an error message to show, or null when accepted. */
    readonly onCommit: (text: string) => string | null;
  };
}

const sameText = (a: string, b: string): boolean => a === b;

/**
 * A range slider and the typed box that mirrors it ("16T", "0.5%"): one value, two ways to set it.
 * Given a store of what the slider shows, both follow it without re-rendering.
 */
export function SliderField({ className, box, ...slider }: SliderFieldProps) {
  const { shown } = slider;
  // The box shows the slider's text: the same store's, or the given one.
  const text = useMemo((): Followed<string> => (isStore(shown) ? selectStore(shown, (s) => s.valueText, sameText) : shown.valueText), [shown]);
  return (
    <div className={className}>
      <RangeSlider {...slider} />
      <TypedInput label={box.label} value={text} placeholder={box.placeholder} inputMode={box.inputMode ?? 'text'} onCommit={box.onCommit} />
    </div>
  );
}
