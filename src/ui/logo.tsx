import { useState } from 'react';

/** A token logo that disappears (leaving its space) when it cannot load: no broken-image icon offline. */
export function Logo({ src, size }: { readonly src: string | null; readonly size: number }) {
  const [failed, setFailed] = useState(false);
  if (!src || failed) return <span className="logo-blank" style={{ width: size, height: size }} aria-hidden="true" />;
  return <img className="logo" src={src} alt="" width={size} height={size} loading="lazy" referrerPolicy="no-referrer" onError={() => setFailed(true)} />;
}
