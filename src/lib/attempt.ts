/**
 * Runs `apply` and returns null, or the message of what it threw for a person to read (an engine error's
 * "field: " prefix removed, since the box it belongs to is already named). For typed inputs' `onCommit`.
 */
export function attempt(apply: () => void): string | null {
  try {
    apply();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message.replace(/^[\w.[\] ]+: /, '') : 'That value could not be read.';
  }
}
