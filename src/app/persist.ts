import { createAsyncStoragePersister } from '@tanstack/query-async-storage-persister';
import type { QueryClient } from '@tanstack/react-query';
import { persistQueryClientRestore, persistQueryClientSubscribe, type PersistQueryClientOptions } from '@tanstack/react-query-persist-client';
import { del, get, set } from 'idb-keyval';
import type { Persistence } from './app.tsx';

/** How long a persisted answer may be reused after a reload (the query cache keeps it as long: gcTime >= maxAge). */
export const PERSIST_MAX_AGE = 24 * 60 * 60 * 1000;

/**
 * Live answers survive a reload in IndexedDB, so a reload does not spend the user's rate limit.
 * Only successful live queries are kept (never the snapshot or history files, which are local, and never an error);
 * query keys and results hold no API key. The app version busts the cache on every release.
 */
export function persistOptions(version: string): Omit<PersistQueryClientOptions, 'queryClient'> {
  const persister = createAsyncStoragePersister({
    storage: {
      getItem: async (key) => (await get<string>(key)) ?? null,
      setItem: (key, value) => set(key, value),
      removeItem: (key) => del(key),
    },
    key: 'capbands.query-cache',
    throttleTime: 2000,
  });
  return {
    persister,
    maxAge: PERSIST_MAX_AGE,
    buster: version,
    dehydrateOptions: {
      shouldDehydrateQuery: (query) =>
        query.state.status === 'success' && query.queryKey[0] === 'data' && query.queryKey[1] !== 'snapshot' && query.queryKey[1] !== 'history',
    },
  };
}

/**
 * The persistence `App` starts once a live source is in use (this module is loaded only then: the
 * snapshot alone never needs it). A cache that cannot be read is dropped, and the app goes on without it.
 */
export function persistence(version: string): Persistence {
  const options = persistOptions(version);
  return {
    restore: (queryClient: QueryClient) => persistQueryClientRestore({ ...options, queryClient }).catch(() => undefined),
    subscribe: (queryClient: QueryClient) => persistQueryClientSubscribe({ ...options, queryClient }),
  };
}
