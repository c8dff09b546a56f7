import { useId, useState, type FormEvent } from 'react';

/** What a commit answers: an error message, or null when the text was taken; now or once read. */
export type Committed = string | null | Promise<string | null>;

interface TypedInputProps {
  readonly label: string;
  /** The current value as text ("16T"); the box shows it again whenever it changes elsewhere. */
  readonly value: string;
  /**
   * Parses and applies the text; returns an error message to show, or null when accepted. It may answer
   * later (a promise: the code that reads the text loads on first use); the text typed stays until then.
   */
  readonly onCommit: (text: string) => Committed;
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
  // What is being typed, and the error about it, each with the value it was typed over: once the
  // owner's value moves (a slider, a link), both are stale and the box shows the new value. Derived
  // during render, so a slider step renders the box once.
  const [draft, setDraft] = useState<{ readonly text: string; readonly over: string } | null>(null);
  // A message is about the value its commit left (`over` is null until the render after the commit: a
  // value moved into range, "showing 100T", is the new value, and the message stays with it).
  const [failed, setFailed] = useState<{ readonly message: string; readonly over: string | null } | null>(null);
  if (failed !== null && failed.over === null) setFailed({ message: failed.message, over: value });
  const typed = draft !== null && draft.over === value ? draft.text : null;
  const error = failed !== null && failed.over === value ? failed.message : null;
  const commit = (): void => {
    if (typed === null) return;
    if (typed.trim() === value) {
      setDraft(null);
      setFailed(null);
      return;
    }
    const settle = (message: string | null): void => {
      setFailed(message === null ? null : { message, over: null });
      setDraft(message === null ? null : { text: typed, over: value });
    };
    const answer = onCommit(typed);
    if (answer instanceof Promise) void answer.then(settle);
    else settle(answer);
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
        value={typed ?? value}
        placeholder={placeholder}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => setDraft({ text: e.target.value, over: value })}
        onBlur={commit}
      />
      {/* Always there, empty until needed: the space it takes is reserved (a message never moves the layout);
          an alert only while it has something to say. */}
      <p id={errorId} className="input-error" role={error ? 'alert' : undefined}>
        {error}
      </p>
    </form>
  );
}
