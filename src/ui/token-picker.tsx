import { useId, useState, type FormEvent } from 'react';
import type { NamedToken } from '../lib/token-match.ts';

interface TokenPickerProps {
  /** The box's label ("Add token", "Token to add"). */
  readonly label: string;
  /** The submit button's text ("Add", "Add holding"). */
  readonly submit: string;
  /** Suggestions, best first (the first 300 are offered). */
  readonly tokens: readonly NamedToken[];
  /** Adds what was typed; returns a message when it cannot ("No loaded token is called ..."), null when done. */
  readonly onPick: (text: string) => string | null;
  readonly className?: string;
}

/** A box that takes a token by name or symbol, with the loaded tokens as suggestions, and says what it could not add. */
export function TokenPicker({ label, submit, tokens, onPick, className }: TokenPickerProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const listId = useId();
  const errorId = useId();
  const send = (e: FormEvent): void => {
    e.preventDefault();
    const message = onPick(text);
    setError(message);
    if (message === null) setText('');
  };
  return (
    <form className={`typed-input ${className ?? ''}`} onSubmit={send}>
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        list={listId}
        value={text}
        placeholder="Name or symbol"
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => setText(e.target.value)}
      />
      <datalist id={listId}>
        {tokens.slice(0, 300).map((t) => (
          <option key={t.id} value={t.name}>
            {t.symbol}
          </option>
        ))}
      </datalist>
      <button type="submit">{submit}</button>
      {/* Always there, so a message does not move the page below it. */}
      <p id={errorId} className="input-error picker-error" role="alert">
        {error ?? ''}
      </p>
    </form>
  );
}
