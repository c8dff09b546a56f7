import { useId, useState, type KeyboardEvent } from 'react';

interface HelpTipProps {
  /** The explanation, one or two short sentences; it names its term first ("Multiple: ..."). */
  readonly text: string;
  /** Which edge the tip lines up with: `end` for a control near the right of its box, so the tip stays in view. */
  readonly align?: 'start' | 'end';
}

/**
 * A small "?" button beside a heading or column header that explains its term on hover, focus or click,
 * and closes on Escape, on blur or when the pointer leaves (a click only opens it: a pointer on it has
 * opened it already). While open, the text is the button's description (`aria-describedby`), so a screen
 * reader reads it with the button on focus. Its name is "Explain", never the term itself: the sort button
 * beside it keeps the term as its whole name ("Multiple"), and a search by name finds only that.
 */
export function HelpTip({ text, align = 'start' }: HelpTipProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>): void => {
    if (e.key === 'Escape' && open) {
      // Escape closes the tip only; a dialog or menu around it stays open.
      e.stopPropagation();
      setOpen(false);
    }
  };
  return (
    <span className={`help-tip ${align}`} onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      {/* The "?" is drawn by CSS: the header's text stays its term alone ("Multiple"), for a reader and a test. */}
      <button
        type="button"
        className="help-button"
        aria-label="Explain"
        aria-describedby={open ? id : undefined}
        aria-expanded={open}
        onClick={() => setOpen(true)}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {open ? (
        <span role="tooltip" id={id} className="help-text">
          {text}
        </span>
      ) : null}
    </span>
  );
}
