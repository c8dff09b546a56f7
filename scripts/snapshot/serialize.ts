/**
 * JSON for committed data files with one entry per line (one token, one source, one grade entry),
 * so a diff shows what moved.
 */

function block(open: string, close: string, items: readonly string[]): string {
  return items.length === 0 ? `${open}${close}` : `${open}\n${items.join(',\n')}\n${close}`;
}

/**
 * An object as JSON: each top-level key on its own line; an array gets a line per item, and a record
 * whose values are all objects a line per entry; anything else (a number, `market`) stays on one line.
 * Ends with a newline.
 */
export function serializeByLine(doc: object): string {
  const top = Object.entries(doc).map(([key, value]: [string, unknown]) => {
    let body = JSON.stringify(value);
    if (Array.isArray(value)) {
      body = block(
        '[',
        ']',
        value.map((v) => JSON.stringify(v)),
      );
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value);
      if (entries.every(([, v]) => v !== null && typeof v === 'object')) {
        body = block(
          '{',
          '}',
          entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`),
        );
      }
    }
    return `${JSON.stringify(key)}:${body}`;
  });
  return `{\n${top.join(',\n')}\n}\n`;
}
