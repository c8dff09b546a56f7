import { useCallback, useId, useLayoutEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useFollowed, type Followed } from './followed.ts';

interface TypedInputProps {
  readonly label: string;
  /**
   * The current value as text ("16T"), or a store of it that the box follows without re-rendering; the
   * box shows it again whenever it changes elsewhere.
   */
  readonly value: Followed<string>;
  /** Parses and applies the text; returns an error message to show, or null when accepted. */
  readonly onCommit: (text: string) => string | null;
  readonly placeholder?: string;
  readonly inputMode?: 'decimal' | 'text';
  /** A `<datalist>` of suggestions (the box is then a combobox). */
  readonly listId?: string;
}

/**
 * A text box that takes a typed value on Enter or blur ("16T", "0.5%") and says clearly what it could not read.
 *
 * The box is uncontrolled and its element is made once per error state: what is typed stays in the
 * element until it is committed, and a new value from elsewhere (a slider, a link) is written to the
 * element directly. Each time React re-renders an `<input>`, it rewrites its `name`, `type` and
 * `value` attributes too, and Chromium restyles it: a slider step would pay for that in its box.
 */
export function TypedInput({ label, value, onCommit, placeholder, inputMode = 'text', listId }: TypedInputProps) {
  const id = useId();
  const errorId = useId();
  const ref = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const hasError = useRef(false);
  useLayoutEffect(() => {
    hasError.current = error !== null;
  }, [error]);
  /** The value the box last showed from its owner. */
  const shown = useRef<string | null>(null);
  // A new value from elsewhere replaces what the box shows, and the error about the old text.
  // (Only a change: a store also calls when something else in it changed, and what is being typed stays.)
  const write = useCallback((current: string): void => {
    const before = shown.current;
    if (before === current) return;
    shown.current = current;
    const el = ref.current;
    if (el && el.value !== current) el.value = current;
    if (before !== null && hasError.current) setError(null);
  }, []);
  const initial = useFollowed(value, write);
  const latest = useRef(onCommit);
  useLayoutEffect(() => {
    latest.current = onCommit;
  });
  const commit = useCallback((): void => {
    const text = ref.current?.value ?? '';
    if (text.trim() === shown.current) return;
    setError(latest.current(text));
  }, []);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    commit();
  };
  const input = useMemo(
    () => (
      <input
        ref={ref}
        id={id}
        type="text"
        inputMode={inputMode}
        list={listId}
        defaultValue={initial}
        placeholder={placeholder}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        onBlur={commit}
      />
    ),
    [id, inputMode, listId, initial, placeholder, error, errorId, commit],
  );
  return (
    <form className="typed-input" onSubmit={submit}>
      <label htmlFor={id}>{label}</label>
      {input}
      {/* Always there, empty until needed: the space it takes is reserved (a message never moves the layout);
          an alert only while it has something to say. */}
      <p id={errorId} className="input-error" role={error ? 'alert' : undefined}>
        {error}
      </p>
    </form>
  );
}
