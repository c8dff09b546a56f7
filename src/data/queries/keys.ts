/**
 * Query keys, from general to specific, so a whole family can be invalidated at once.
 * No key ever holds an API key: the persisted cache must never store one.
 */
export const dataKeys = {
  all: ['data'] as const,
  snapshot: () => [...dataKeys.all, 'snapshot'] as const,
  coingecko: () => [...dataKeys.all, 'coingecko'] as const,
  markets: (pages: number) => [...dataKeys.coingecko(), 'markets', pages] as const,
  global: () => [...dataKeys.coingecko(), 'global'] as const,
  chart: (id: string) => [...dataKeys.coingecko(), 'chart', id] as const,
  tokenmetrics: () => [...dataKeys.all, 'tokenmetrics'] as const,
  tmIds: (symbols: string) => [...dataKeys.tokenmetrics(), 'ids', symbols] as const,
  tmGrades: (ids: string) => [...dataKeys.tokenmetrics(), 'grades', ids] as const,
  tmScenario: (tmId: number) => [...dataKeys.tokenmetrics(), 'scenario', tmId] as const,
};
