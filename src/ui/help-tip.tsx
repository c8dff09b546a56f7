import { useCallback, useId, useState, type KeyboardEvent } from 'react';
import type { GLOSSARY, Term } from './glossary.ts';

interface HelpTipProps {
  /** The term explained (its text names the term first: "Multiple: ..."); several are shown one after another. */
  readonly term: Term | readonly Term[];
  /** Which edge the tip lines up with: `end` for a control near the right of its box, so the tip stays in view. */
  readonly align?: 'start' | 'end';
}

/** The least room kept between an open tip and the screen's edge, px. */
const SCREEN_MARGIN = 8;

/** The sideways move (px) that brings a box from `left` to `right` inside the screen's margins: left first. */
function onScreen(left: number, right: number): number {
  const edge = document.documentElement.clientWidth - SCREEN_MARGIN;
  if (right > edge) return Math.max(SCREEN_MARGIN - left, edge - right);
  return left < SCREEN_MARGIN ? SCREEN_MARGIN - left : 0;
}

type Glossary = typeof GLOSSARY;
let loaded: Glossary | null = null;
let loading: Promise<Glossary> | null = null;

/**
 * The glossary's texts, fetched once, when the first tip opens: `/`'s script does not carry them.
 * A fetch that failed (offline) is tried again at the next opening.
 */
function loadGlossary(): Promise<Glossary> {
  loading ??= import('./glossary.ts').then(
    (m) => (loaded = m.GLOSSARY),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/**
 * A small "?" button beside a heading or column header that explains its term on hover, focus or click,
 * and closes on Escape, on blur or when the pointer leaves (a click only opens it: a pointer on it has
 * opened it already). While open, the text is the button's description (`aria-describedby`), so a screen
 * reader reads it with the button on focus. Its name is "Explain", never the term itself: the sort button
 * beside it keeps the term as its whole name ("Multiple"), and a search by name finds only that.
 */
export function HelpTip({ term, align = 'start' }: HelpTipProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [texts, setTexts] = useState(loaded);
  // How far the open tip moves sideways to stay on screen (a "?" near a phone's edge), in px: measured
  // when the tip appears, less the shift it was drawn with.
  const [shift, setShift] = useState(0);
  const place = useCallback((tip: HTMLSpanElement | null) => {
    if (!tip) return;
    const { left, right } = tip.getBoundingClientRect();
    setShift((before) => onScreen(left - before, right - before));
  }, []);
  const show = (): void => {
    setOpen(true);
    if (texts === null) loadGlossary().then(setTexts, () => {});
  };
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>): void => {
    if (e.key === 'Escape' && open) {
      // Escape closes the tip only; a dialog or menu around it stays open.
      e.stopPropagation();
      setOpen(false);
    }
  };
  return (
    <span className={`help-tip ${align}`} onMouseEnter={show} onMouseLeave={() => setOpen(false)}>
      {/* The "?" is drawn by CSS: the header's text stays its term alone ("Multiple"), for a reader and a test. */}
      <button
        type="button"
        className="help-button"
        aria-label="Explain"
        aria-describedby={open ? id : undefined}
        aria-expanded={open}
        onClick={show}
        onFocus={show}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {/* The first tip opened shows once the glossary is in (a moment); every later one at once. */}
      {open && texts !== null ? (
        <span role="tooltip" id={id} className="help-text" ref={place} style={shift === 0 ? undefined : { transform: `translateX(${shift}px)` }}>
          {(typeof term === 'string' ? [term] : term).map((t) => texts[t]).join(' ')}
        </span>
      ) : null}
    </span>
  );
}
