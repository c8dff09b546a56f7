import type { ReactNode } from 'react';

/**
 * A table's box that scrolls sideways within itself on a narrow screen. It takes focus, so a keyboard
 * can scroll it (axe: scrollable-region-focusable), and its label says what it holds.
 */
export function ScrollBox({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    // oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a region that scrolls must take focus to be scrolled by keyboard (WCAG 2.1.1)
    <div className="table-scroll" role="group" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
