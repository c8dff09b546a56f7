import { useSyncExternalStore } from 'react';
import { currentHref, subscribeLocation } from '../lib/location.ts';

/** The current `pathname + search`, re-rendering on every change. */
export function useHref(): string {
  return useSyncExternalStore(subscribeLocation, currentHref, () => '/');
}
