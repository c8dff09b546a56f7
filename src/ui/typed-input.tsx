import { useId, useState, type FormEvent } from 'react';

interface TypedInputProps {
  readonly label: string;
  /** The current value as text ("16T"); the box shows it again whenever it changes elsewhere. */
  readonly value: string;
  /** Parses and applies the text; returns an error message to show, or null when accepted. */
  readonly onCommit: (text: string) => string | null;
  readonly placeholder?: string;
  readonly inputMode?: 'decimal' | 'text';
  /** A `<datalist>` of suggestions (the box is then a combobox). */
  readonly listId?: string;
}

/** A text box that takes a typed value on Enter or blur ("16T", "0.5%") and says clearly what it could not read. */
export function TypedInput({ label, value, onCommit, placeholder, inputMode = 'text', listId }: TypedInputProps) {
  const id = useId();
  const errorId = useId();
  const [text, setText] = useState(value);
  const [error, setError] = useState<string | null>(null);
  // A new value from elsewhere (a slider, a link) replaces what the box shows.
  const [shownValue, setShownValue] = useState(value);
  if (shownValue !== value) {
    setShownValue(value);
    setText(value);
    setError(null);
  }
  const commit = (): void => {
    if (text.trim() === value) return;
    setError(onCommit(text));
  };
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    commit();
  };
  return (
    <form className="typed-input" onSubmit={submit}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode={inputMode}
        list={listId}
        value={text}
        placeholder={placeholder}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
      />
      {error ? (
        <p id={errorId} className="input-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
