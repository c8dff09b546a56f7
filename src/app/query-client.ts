import { QueryClient, type DefaultOptions } from '@tanstack/react-query';

/** Query defaults in one place; the data layer refines retries per provider. */
export const queryDefaults = {
  queries: {
    staleTime: 5 * 60 * 1000,
    gcTime: 24 * 60 * 60 * 1000,
    refetchOnWindowFocus: false,
    retry: false,
  },
} satisfies DefaultOptions;

/** A fresh client (one per app, one per test). */
export function createQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: queryDefaults });
}
