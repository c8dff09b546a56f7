import { useEffect, useState } from 'react';
import type * as LiveMerge from './live-answers.ts';

let loaded: typeof LiveMerge | null = null;

/**
 * The merge of live answers (`live-answers.ts`), loaded when `wanted` (a live source or a key): `merge`
 * is null until it is in, and live answers are not merged meanwhile (the snapshot shows). The request goes
 * out with the providers' own, well before their answers come back. `error` is why it could not load
 * (offline after a deploy), for the views to say.
 */
export function useLiveMerge(wanted: boolean): { readonly merge: typeof LiveMerge | null; readonly error: unknown } {
  const [merge, setMerge] = useState(loaded);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!wanted || merge !== null) return undefined;
    let current = true;
    import('./live-answers.ts').then(
      (m) => {
        loaded = m;
        if (current) setMerge(m);
      },
      (reason: unknown) => {
        if (current) setError(reason);
      },
    );
    return () => {
      current = false;
    };
  }, [wanted, merge]);
  return { merge, error };
}
