import { useState } from 'react';

export type ExportKind = 'PNG' | 'PNG (social)' | 'SVG' | 'CSV';

interface ExportButtonsProps {
  /** The exports this view offers, each producing and saving its file (may throw: the message is shown). */
  readonly actions: Partial<Record<ExportKind, () => Promise<string> | string>>;
}

/** `Export PNG`, `Export PNG (social)`, `Export SVG`, `Export CSV` (those the view offers) with a visible result ("Saved capbands-ada-2026-11-23.png") or error. */
export function ExportButtons({ actions }: ExportButtonsProps) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState<ExportKind | null>(null);
  const run = async (kind: ExportKind, action: () => Promise<string> | string): Promise<void> => {
    setBusy(kind);
    try {
      const name = await action();
      setMessage({ ok: true, text: `Saved ${name}` });
    } catch (error) {
      setMessage({ ok: false, text: `${kind} export failed: ${error instanceof Error ? error.message.replace(/^PNG export failed: /, '') : 'unknown error'}` });
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      {(['PNG', 'PNG (social)', 'SVG', 'CSV'] as const).map((kind) => {
        const action = actions[kind];
        return action ? (
          <button key={kind} type="button" disabled={busy !== null} onClick={() => void run(kind, action)}>
            Export {kind}
          </button>
        ) : null;
      })}
      <span role="status" className={message?.ok === false ? 'input-error export-status' : 'export-status'}>
        {message?.text ?? ''}
      </span>
    </>
  );
}
