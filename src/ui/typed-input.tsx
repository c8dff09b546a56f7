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

/**
 * A text box that takes a typed value on Enter or blur ("16T", "0.5%") and says clearly what it could
 * not read. Controlled: it shows the owner's `value`, or what is being typed (a draft) until it is
 * committed; a new `value` from elsewhere (a slider, a link) replaces the draft and its error.
 */
export function TypedInput({ label, value, onCommit, placeholder, inputMode = 'text', listId }: TypedInputProps) {
  const id = useId();
  const errorId = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The value the draft was typed over: when the owner's value moves, the draft and its error go
  // (state adjusted during render, as React's docs do it, rather than in an effect).
  const [typedOver, setTypedOver] = useState(value);
  if (typedOver !== value) {
    setTypedOver(value);
    setDraft(null);
    setError(null);
  }
  const commit = (): void => {
    if (draft === null) return;
    if (draft.trim() === value) {
      setDraft(null);
      setError(null);
      return;
    }
    const message = onCommit(draft);
    setError(message);
    if (message === null) setDraft(null);
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
        value={draft ?? value}
        placeholder={placeholder}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => setDraft(e.target.value)}
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
