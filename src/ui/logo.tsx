import { useState } from 'react';

/** A hue (0-359) from an id, so a token keeps its colour everywhere. */
function hueOf(id: string): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) % 360;
  return h;
}

interface LogoProps {
  /** A remote image, or null to draw the monogram (the snapshot: no request leaves the app). */
  readonly src: string | null;
  /** The token's symbol, whose first letters the monogram shows. */
  readonly symbol: string;
  /** The token's id, which picks the monogram's colour. */
  readonly id: string;
  readonly size: number;
}

/**
 * A token logo, or a monogram (the symbol's first letters on a colour from the id) when there is no
 * image or it fails to load: never a blank gap or a broken-image icon.
 */
export function Logo({ src, symbol, id, size }: LogoProps) {
  const [failed, setFailed] = useState(false);
  if (!src || failed) {
    const letters =
      symbol
        .replace(/[^\p{L}\p{N}]/gu, '')
        .slice(0, 2)
        .toUpperCase() || '?';
    return (
      // The letters are drawn by CSS (`content: attr(data-letters)`), so they never join a name's text.
      <span
        className="logo-monogram"
        data-letters={letters}
        style={{ width: size, height: size, fontSize: size * 0.42, background: `hsl(${hueOf(id)} 45% 42%)` }}
        aria-hidden="true"
      />
    );
  }
  return <img className="logo" src={src} alt="" width={size} height={size} loading="lazy" referrerPolicy="no-referrer" onError={() => setFailed(true)} />;
}
