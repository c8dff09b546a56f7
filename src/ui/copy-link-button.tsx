import { useEffect, useState } from 'react';

type CopyState = 'idle' | 'copied' | 'failed';

/** Puts text on the clipboard, or selects it in a fallback input when the clipboard is refused. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * `Copy link`: the address of this view (which carries the whole scenario) onto the clipboard, with a
 * visible confirmation. When the browser refuses the clipboard, the link is shown to copy by hand.
 */
export function CopyLinkButton({ href, label = 'Copy link' }: { readonly href: () => string; readonly label?: string }) {
  const [state, setState] = useState<CopyState>('idle');
  const [shown, setShown] = useState('');
  useEffect(() => {
    if (state !== 'copied') return undefined;
    const timer = window.setTimeout(() => setState('idle'), 4000);
    return () => window.clearTimeout(timer);
  }, [state]);
  const copy = async (): Promise<void> => {
    const link = href();
    setShown(link);
    setState((await copyText(link)) ? 'copied' : 'failed');
  };
  return (
    <span className="copy-link">
      <button type="button" onClick={() => void copy()}>
        {label}
      </button>
      <span role="status" className="copy-status">
        {state === 'copied' ? 'Link copied' : ''}
      </span>
      {state === 'failed' ? (
        <label className="copy-fallback">
          Copy this link:
          <input type="text" readOnly value={shown} onFocus={(e) => e.currentTarget.select()} />
        </label>
      ) : null}
    </span>
  );
}
