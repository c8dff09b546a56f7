import { memo } from 'react';
import { CASE_LABEL, CAPTURE_RANGE, CASES, type Captures, type ScenarioCase } from '../../engine/index.ts';
import { typedCapture } from '../../state/typed-limits.ts';
import { useScenarioActions, useScenarioStore } from '../../state/scenario-store.ts';
import { SliderField } from '../../ui/slider-field.tsx';

const CAPTURE_STEPS = Math.round((CAPTURE_RANGE.max - CAPTURE_RANGE.min) / CAPTURE_RANGE.step);

/**
 * The value an arrow key moves a capture to: 0.05 a press, 0.01 with Shift, onto that grid (0.62 -> 0.65 up,
 * 0.6 down), so a few presses cross the range (one slider position, 0.005, is for dragging).
 * Returns null for a key that is not an arrow.
 */
export function captureKeyStep(value: number, key: string, shift: boolean): number | null {
  const dir = key === 'ArrowUp' || key === 'ArrowRight' ? 1 : key === 'ArrowDown' || key === 'ArrowLeft' ? -1 : 0;
  if (dir === 0) return null;
  const step = shift ? 0.01 : 0.05;
  // The small tolerance keeps a value already on the grid (0.65 held as 0.6500000001) from being skipped over.
  const k = dir > 0 ? Math.floor(value / step + 1e-6) + 1 : Math.ceil(value / step - 1e-6) - 1;
  return Math.min(CAPTURE_RANGE.max, Math.max(CAPTURE_RANGE.min, Math.round(k * step * 1e4) / 1e4));
}

/** A capture as its slider and box show it: up to the 4 decimals the store keeps ("0.1667", "0.5"). */
function captureText(value: number): string {
  return value.toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
}

/** "Base and moon moved to 2 to keep bear <= base <= moon.": the other cases a typed capture pushed, or null. */
function pushedNote(typed: ScenarioCase, before: Captures, after: Captures): string | null {
  const moved = CASES.filter((c) => c !== typed && after[c] !== before[c]);
  if (moved.length === 0) return null;
  const names = moved.join(' and ');
  return `${names.charAt(0).toUpperCase()}${names.slice(1)} moved to ${captureText(after[typed])} to keep bear ≤ base ≤ moon.`;
}

/**
 * The three captures, each a slider and a typed box ("0.75"): re-rendered when a capture changes, not
 * when the user's point moves. A capture set past another case moves that case with it (the store keeps
 * them ordered); the box says so.
 */
export const CaptureSliders = memo(function CaptureSliders({ captures }: { readonly captures: Captures }) {
  const { setCapture } = useScenarioActions();
  const commit = (c: ScenarioCase, text: string): string | null => {
    const typed = typedCapture(text);
    if (!typed.ok) return typed.message;
    const before = useScenarioStore.getState().captures;
    setCapture(c, typed.value);
    const pushed = pushedNote(c, before, useScenarioStore.getState().captures);
    return typed.message !== null && pushed !== null ? `${typed.message} ${pushed}` : (typed.message ?? pushed);
  };
  return (
    <>
      {CASES.map((c) => (
        // oxlint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- it hears the arrow keys of the slider inside (the slider is what has focus), leaving RangeSlider as it is
        <div
          key={c}
          role="group"
          onKeyDown={(e) => {
            // The slider's arrows only: in the typed box they move the caret.
            if (!(e.target instanceof HTMLInputElement) || e.target.type !== 'range') return;
            const next = captureKeyStep(useScenarioStore.getState().captures[c], e.key, e.shiftKey);
            if (next === null) return;
            e.preventDefault();
            setCapture(c, next);
          }}
        >
          <SliderField
            label={`${CASE_LABEL[c]} capture`}
            steps={CAPTURE_STEPS}
            shown={{ position: (captures[c] - CAPTURE_RANGE.min) / CAPTURE_RANGE.step, valueText: captureText(captures[c]) }}
            onPosition={(p) => setCapture(c, CAPTURE_RANGE.min + p * CAPTURE_RANGE.step)}
            hint={c === 'moon' ? 'Arrow keys move a capture by 0.05, Shift with an arrow by 0.01.' : undefined}
            box={{ label: CASE_LABEL[c], placeholder: '0.75', inputMode: 'decimal', onCommit: (text) => commit(c, text) }}
          />
        </div>
      ))}
    </>
  );
});
