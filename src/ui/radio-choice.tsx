import { useId } from 'react';
import type { Term } from './glossary.ts';
import { HelpTip } from './help-tip.tsx';

interface RadioChoiceProps<T extends string> {
  /** The group's accessible name ("Captures", "Supply"). */
  readonly label: string;
  readonly value: T;
  readonly options: ReadonlyArray<{ readonly value: T; readonly label: string }>;
  readonly onChange: (value: T) => void;
  readonly className?: string;
  /** What the choice means, behind a "?" beside its label. */
  readonly help?: Term;
}

/** A labelled `radiogroup` of native radios: arrow keys move between them, as a reader expects. */
export function RadioChoice<T extends string>({ label, value, options, onChange, className, help }: RadioChoiceProps<T>) {
  const name = useId();
  return (
    <div role="radiogroup" aria-label={label} className={className ? `radio-choice ${className}` : 'radio-choice'}>
      <span className="radio-choice-label" aria-hidden="true">
        {label}
      </span>
      {help ? <HelpTip term={help} /> : null}
      {options.map((o) => (
        <label key={o.value}>
          <input type="radio" name={name} checked={value === o.value} onChange={() => onChange(o.value)} /> {o.label}
        </label>
      ))}
    </div>
  );
}
