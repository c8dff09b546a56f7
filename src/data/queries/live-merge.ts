import { useEffect, useState } from 'react';
import type * as LiveMerge from './live-answers.ts';

let loaded: typeof LiveMerge | null = null;

/**
 * The merge of live answers (`live-answers.ts`), loaded when `wanted` (a live source or a key) and null
 * until it is in: live answers are then not merged yet, and the snapshot shows meanwhile. The request goes
 * out with the providers' own, well before their answers come back.
 */
export function useLiveMerge(wanted: boolean): typeof LiveMerge | null {
  const [merge, setMerge] = useState(loaded);
  useEffect(() => {
    if (!wanted || merge !== null) return undefined;
    let current = true;
    import('./live-answers.ts').then(
      (m) => {
        loaded = m;
        if (current) setMerge(m);
      },
      // Offline after a deploy: the providers' code cannot load either, and their queries say so.
      () => {},
    );
    return () => {
      current = false;
    };
  }, [wanted, merge]);
  return merge;
}
