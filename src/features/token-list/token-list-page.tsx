import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useDeferredValue, useEffect, useId, useMemo, useRef } from 'react';
import { useDataset } from '../../data/queries/dataset.ts';
import { formatAsOf } from '../../lib/format.ts';
import { useBrowserStore, type RatingFilter, type SignalFilter, type SortKey } from '../../state/browser-store.ts';
import { useDataConfig } from '../../state/settings-store.ts';
import { useScreenStore } from '../../state/screen-store.ts';
import { ScenarioBar } from './scenario-bar.tsx';
import { exportScreen, useScreenUrl } from './screen-url.ts';
import { categoriesOf, selectRows, tokenRows } from './select-tokens.ts';
import { TokenTableRow } from './token-table-row.tsx';
import { useScreen } from './use-screen.ts';

const COLUMNS: ReadonlyArray<{ key: SortKey; label: string; className?: string }> = [
  { key: 'rank', label: 'Rank' },
  { key: 'name', label: 'Name', className: 'left' },
  { key: 'symbol', label: 'Symbol', className: 'left wide-only' },
  { key: 'price', label: 'Price' },
  { key: 'marketCap', label: 'Market cap' },
  { key: 'scenarioPrice', label: 'Scenario price', className: 'wide-only' },
  { key: 'multiple', label: 'Multiple' },
  { key: 'needs', label: 'Needs' },
  { key: 'h24', label: '24h', className: 'wide-only' },
  { key: 'd30', label: '30d' },
  { key: 'tmGrade', label: 'TM Grade' },
  { key: 'traderGrade', label: 'Trader Grade', className: 'wide-only' },
  { key: 'signal', label: 'Signal' },
];

const RATINGS: readonly RatingFilter[] = ['Any', 'Strong Buy', 'Buy', 'Neutral', 'Sell', 'Strong Sell'];
const SIGNALS: readonly SignalFilter[] = ['Any', 'Bullish', 'Bearish'];
const ROW_HEIGHT = 44;

/** `/`: every loaded token; search, sort and filter; only the rows on screen are in the DOM. */
export default function TokenListPage() {
  const { dataset, isLoading } = useDataset(useDataConfig());
  const state = useBrowserStore();
  const deferred = useDeferredValue(state);
  const ids = { search: useId(), rating: useId(), signal: useId(), category: useId() };
  const scrollRef = useRef<HTMLDivElement>(null);

  const rows = useMemo(() => (dataset ? tokenRows(dataset.tokens, dataset.grades) : []), [dataset]);
  const categories = useMemo(() => (dataset ? categoriesOf(dataset.tokens) : []), [dataset]);
  const screenParams = useScreenStore();
  const deferredScreen = useDeferredValue(screenParams);
  useScreenUrl();
  const screen = useScreen(dataset, deferredScreen);
  const watchSet = useMemo(() => new Set(screenParams.watchlist), [screenParams.watchlist]);
  const only = deferredScreen.watchOnly ? watchSet : null;
  const shown = useMemo(
    () => selectRows(rows, deferred, screen.lookup(deferredScreen.minMultiple, only, watchSet)),
    [rows, deferred, screen, deferredScreen.minMultiple, only, watchSet],
  );
  const onWatch = useCallback((id: string) => useScreenStore.getState().toggleWatch(id), []);

  // oxlint-disable-next-line react/incompatible-library -- TanStack Virtual's getters are read on every render by design
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    initialRect: { width: 1000, height: 640 },
  });

  // A new order or filter starts at its top: sorting by market cap while scrolled down must show the largest.
  const { search, sortKey, sortDir, rating, signal, category } = deferred;
  const { watchOnly, minMultiple } = deferredScreen;
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [search, sortKey, sortDir, rating, signal, category, watchOnly, minMultiple]);

  if (!dataset) {
    // Without a dataset and not loading, the snapshot could not be read: the alert above says why.
    return <p className="loading">{isLoading ? 'Loading…' : 'No token data to show.'}</p>;
  }
  const source = dataset.sources[dataset.market.source]?.name ?? dataset.source;
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);

  return (
    <section aria-labelledby="tokens-title" className="token-browser">
      <h1 id="tokens-title">Tokens</h1>
      <ScenarioBar
        watchCount={screenParams.watchlist.length}
        hasPublished={Object.keys(dataset.published).length > 0}
        onExport={() => exportScreen(shown, screen, deferredScreen, dataset)}
      />
      <div className="filters">
        <div className="filter search">
          <label htmlFor={ids.search}>Search tokens</label>
          <input
            id={ids.search}
            type="search"
            value={state.search}
            placeholder="Name or symbol"
            autoComplete="off"
            onChange={(e) => state.setSearch(e.target.value)}
          />
        </div>
        <div className="filter">
          <label htmlFor={ids.rating}>Rating</label>
          <select id={ids.rating} value={state.rating} onChange={(e) => state.setRating(RATINGS.find((r) => r === e.target.value) ?? 'Any')}>
            {RATINGS.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor={ids.signal}>Signal</label>
          <select id={ids.signal} value={state.signal} onChange={(e) => state.setSignal(SIGNALS.find((s) => s === e.target.value) ?? 'Any')}>
            {SIGNALS.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor={ids.category}>Category</label>
          <select id={ids.category} value={state.category} onChange={(e) => state.setCategory(e.target.value)}>
            <option value="">Any</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p role="status" className="list-status">
        {shown.length === rows.length ? `${rows.length} tokens` : `${shown.length} of ${rows.length} tokens match`} · {source} · as of{' '}
        {formatAsOf(dataset.asOf)}
        {dataset.dropped > 0 ? ` · ${dataset.dropped} invalid rows left out` : ''}
      </p>
      <div className="token-scroll" ref={scrollRef} tabIndex={-1}>
        <table aria-label="Tokens" aria-rowcount={shown.length + 1} className="token-table">
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col" className="star-col" aria-sort={state.sortKey === 'watched' ? (state.sortDir === 'asc' ? 'ascending' : 'descending') : undefined}>
                <button type="button" className="sort" aria-label="Watched" onClick={() => state.sortBy('watched')}>
                  ★
                </button>
              </th>
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  className={c.className}
                  aria-sort={state.sortKey === c.key ? (state.sortDir === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  <button type="button" className="sort" onClick={() => state.sortBy(c.key)}>
                    {c.label}
                    <span aria-hidden="true">{state.sortKey === c.key ? (state.sortDir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {padTop > 0 ? (
              <tr aria-hidden="true" className="spacer" style={{ height: padTop }} />
            ) : null}
            {items.map((item) => {
              const row = shown[item.index];
              return row ? (
                <TokenTableRow
                  key={row.token.id}
                  row={row}
                  index={item.index + 2}
                  height={ROW_HEIGHT}
                  cells={screen.cells(row.token.id)}
                  todayMarket={dataset.market.totalMarketCap}
                  watched={watchSet.has(row.token.id)}
                  onWatch={onWatch}
                />
              ) : null;
            })}
            {padBottom > 0 ? (
              <tr aria-hidden="true" className="spacer" style={{ height: padBottom }} />
            ) : null}
          </tbody>
        </table>
        {shown.length === 0 ? (
          <p className="empty">
            No token matches. <button type="button" onClick={() => state.resetFilters()}>Clear search and filters</button>
          </p>
        ) : null}
      </div>
    </section>
  );
}
