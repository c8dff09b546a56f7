/** Saving an export: its file name and the download itself. */

/**
 * The download name of an export: `capbands-ada-2026-11-23.png`, or with `tag` and the data's day
 * `capbands-ada-social-data-2026-01-09-made-2026-11-23.png`. The symbol is lower-cased with anything but
 * a-z, 0-9, `-` and `_` removed (accents first: "ÉTH" -> "eth"; "$PEPE" -> "pepe"; "USD₮" -> "usd"),
 * at most 32 characters, left out when nothing remains; the date is the UTC day, left out for an invalid date;
 * `dataDay` is used only when it is a `YYYY-MM-DD` day, `tag` only its a-z, 0-9 and `-`.
 */
export function exportFileName(symbol: string, date: Date, ext: 'png' | 'svg' | 'csv', extra: { tag?: string; dataDay?: string | null } = {}): string {
  const safe = symbol
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '')
    .replace(/-{2,}/g, '-')
    .slice(0, 32)
    .replace(/^[-_]+|[-_]+$/g, '');
  const year = date.getUTCFullYear();
  const day =
    Number.isNaN(date.getTime()) || year < 0 || year > 9999
      ? ''
      : `${String(year).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
  const tag = (extra.tag ?? '').toLowerCase().replace(/[^a-z0-9-]+/g, '');
  const data = extra.dataDay && /^\d{4}-\d{2}-\d{2}$/.test(extra.dataDay) ? `data-${extra.dataDay}` : '';
  // Beside the data's day, today's is named, so the two cannot be confused.
  const made = data !== '' && day !== '' ? `made-${day}` : day;
  return `${['capbands', safe, tag, data, made].filter((part) => part !== '').join('-')}.${ext}`;
}

/** How long the object URL lives after the click: Safari and Firefox read it after the click returns. */
export const REVOKE_AFTER_MS = 40_000;

/**
 * Saves a Blob as a file named `name`: an object URL, a temporary hidden `<a download>` clicked and removed,
 * and the URL revoked `REVOKE_AFTER_MS` later (revoking at once cancels the download in some browsers).
 */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
