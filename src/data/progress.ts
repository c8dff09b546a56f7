import { useSyncExternalStore } from 'react';

/** A long load's progress: `done` of `total` steps (pages of tokens, history), or null when idle. */
export interface LoadProgress {
  readonly label: string;
  readonly done: number;
  readonly total: number;
}

let current: LoadProgress | null = null;
const listeners = new Set<() => void>();

/** Reports progress (null when finished); every `useLoadProgress` re-renders. */
export function reportProgress(progress: LoadProgress | null): void {
  current = progress;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current long load, for a `progressbar`. */
export function useLoadProgress(): LoadProgress | null {
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => null,
  );
}
