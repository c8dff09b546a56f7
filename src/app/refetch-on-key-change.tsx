import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { dataKeys } from '../data/queries/keys.ts';
import { useSettingsStore } from '../state/settings-store.ts';

const TOKENMETRICS_QUERIES = dataKeys.tokenmetrics();
const COINGECKO_QUERIES = dataKeys.coingecko();

/**
 * Invalidates `queries` after a render in which `key` changed (not on the first one). A request still
 * on its way with the old key is cancelled; with no old key, what is on its way already has the new one.
 */
function useInvalidateWhenChanged(key: string, queries: QueryKey): void {
  const queryClient = useQueryClient();
  const seen = useRef(key);
  useEffect(() => {
    const previous = seen.current;
    if (previous === key) return;
    seen.current = key;
    void queryClient.invalidateQueries({ queryKey: queries }, { cancelRefetch: previous !== '' });
  }, [key, queries, queryClient]);
}

/**
 * Asks a provider again when the key in use for it changes (Settings hands a key over once typing
 * pauses): query keys hold no API key, so an answer fetched with the old key (a 401) would otherwise
 * be kept. Render it after the views: effects run in tree order, so by then every query observer has
 * taken the new key, and the refetch uses it. Always mounted, so a key handed over as the settings
 * page unmounts is seen too.
 */
export function RefetchOnKeyChange(): null {
  useInvalidateWhenChanged(
    useSettingsStore((s) => s.tokenMetricsKey),
    TOKENMETRICS_QUERIES,
  );
  useInvalidateWhenChanged(
    useSettingsStore((s) => s.coingeckoKey),
    COINGECKO_QUERIES,
  );
  return null;
}
