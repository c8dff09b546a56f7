import { memo } from 'react';
import type { TokenCaptures } from '../../data/captures.ts';
import { CASES, DEFAULT_CAPTURES, type Captures } from '../../engine/index.ts';

const same = (a: Captures, b: Captures): boolean => CASES.every((c) => Math.abs(a[c] - b[c]) < 5e-5);

/** "0.42 / 0.63 / 0.84". */
const triple = (c: Captures): string => CASES.map((k) => c[k].toFixed(2)).join(' / ');

/**
 * Where `captures` come from, in one sentence: the token's own evidence (named, with its dates), the
 * defaults, or the user's own values. For the page and for every export.
 */
export function captureOrigin(captures: Captures, own: TokenCaptures): string {
  if (same(captures, own.captures)) return own.detail;
  if (same(captures, DEFAULT_CAPTURES)) return 'The default captures (0.5 / 0.75 / 1), the same for every token.';
  return `Your own captures. This token's own: ${triple(own.captures)} (${own.short}).`;
}

/** The captures in use and where they come from, in one line under the scenario table. */
export const CaptureSource = memo(function CaptureSource({ captures, own }: { readonly captures: Captures; readonly own: TokenCaptures }) {
  const text = captureOrigin(captures, own);
  return (
    <p className="capture-source hint">
      <strong>Captures {triple(captures)}</strong> (bear / base / moon). {text}
    </p>
  );
});
