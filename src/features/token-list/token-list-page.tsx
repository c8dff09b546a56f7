import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useDataset } from '../../data/queries/dataset.ts';
import type { Dataset } from '../../data/types.ts';
import { formatDated, formatUsdCompact } from '../../lib/format.ts';
import { useBrowserStore, type BrowserState, type SortKey } from '../../state/browser-store.ts';
import { useDataConfig } from '../../state/settings-store.ts';
import { useScreenStore, type ScreenParams } from '../../state/screen-store.ts';
import { carriedQuery } from '../../state/carry.ts';
import { useRowWindow } from '../../ui/use-row-window.ts';
import { useSettledStore, type SettleSource } from '../../ui/use-settled-value.ts';
import { useShallow } from 'zustand/react/shallow';
import { shallow } from 'zustand/shallow';
import { ScenarioBar } from './scenario-bar.tsx';
import { useScreenUrl } from './screen-url.ts';
import { categoriesOf, filterRows, orderRows, sortsByScreen, tokenRows, type ScreenLookup, type TokenRow } from './select-tokens.ts';
import { TokenTableRow } from './token-table-row.tsx';
import { ColumnToggle } from './column-toggle.tsx';
import { Filters } from './filters.tsx';
import { COLUMNS, columnWidth, starWidth, initialHidden, isNarrowScreen, tableClass, tableWidth } from './columns.ts';
import { HelpTip } from '../../ui/help-tip.tsx';
import { useScreen, type ScreenResult } from './use-screen.ts';
import './token-list.css';

const ROW_HEIGHT = 44;
/** A lookup without the screener's values: for an order or filter that does not use them. */
function noScreen(only: ReadonlySet<string> | null, watched: ReadonlySet<string>): ScreenLookup {
  return { minMultiple: 0, only, watched, value: () => null };
}

/** The browser store's search, sort and filters (no actions). */
const selectBrowser = (s: BrowserState): BrowserState => ({
  search: s.search,
  sortKey: s.sortKey,
  sortDir: s.sortDir,
  rating: s.rating,
  signal: s.signal,
  category: s.category,
});

/** The screener store's scenario (no watchlist, no actions). */
const selectScreen = (s: ScreenParams): ScreenParams => ({
  marketSize: s.marketSize,
  scenarioCase: s.scenarioCase,
  targetMultiple: s.targetMultiple,
  captureMode: s.captureMode,
  horizon: s.horizon,
  minMultiple: s.minMultiple,
  watchOnly: s.watchOnly,
});

/** The search, sort and filters, and the screener's scenario, as the rows follow them: once the keys pause. */
const SETTLED_BROWSER: SettleSource<BrowserState> = {
  subscribe: useBrowserStore.subscribe,
  read: () => selectBrowser(useBrowserStore.getState()),
  equal: shallow,
};
const SETTLED_SCREEN: SettleSource<ScreenParams> = { subscribe: useScreenStore.subscribe, read: () => selectScreen(useScreenStore.getState()), equal: shallow };
const selectSort = (s: BrowserState) => ({ key: s.sortKey, dir: s.sortDir });

/** `/`: every loaded token; search, sort and filter; only the rows on screen are in the DOM. */
export default function TokenListPage() {
  const { dataset, isLoading } = useDataset(useDataConfig());
  useScreenUrl();
  // The inputs show the stores' values at once (they read the stores themselves); this page, the rows and the
  // screener's columns (the expensive part, over every token) follow once the keys pause, as a transition.
  const deferred = useSettledStore(SETTLED_BROWSER).value;
  const sort = useBrowserStore(useShallow(selectSort));
  const rows = useMemo(() => (dataset ? tokenRows(dataset.tokens, dataset.grades) : []), [dataset]);
  const categories = useMemo(() => (dataset ? categoriesOf(dataset.tokens) : []), [dataset]);
  const watchlist = useScreenStore((s) => s.watchlist);
  const deferredScreen = useSettledStore(SETTLED_SCREEN).value;
  const screen = useScreen(dataset, deferredScreen);
  const watchSet = useMemo(() => new Set(watchlist), [watchlist]);
  const only = deferredScreen.watchOnly ? watchSet : null;
  const { search, sortKey, sortDir, rating, signal, category } = deferred;
  // Sorted once per order, then filtered per search: a key in the search box costs one pass over the
  // sorted rows, and a move of the scenario bar re-sorts only when the order or a filter uses its values.
  const sortScreen = sortsByScreen(sortKey) ? screen : null;
  const orderLookup = useMemo(() => (sortScreen ? sortScreen.lookup(0, null, watchSet) : noScreen(null, watchSet)), [sortScreen, watchSet]);
  const ordered = useMemo(() => orderRows(rows, { sortKey, sortDir }, orderLookup), [rows, sortKey, sortDir, orderLookup]);
  const minMultiple = deferredScreen.minMultiple;
  const filterScreen = minMultiple > 0 ? screen : null;
  const filterLookup = useMemo(
    () => (filterScreen ? filterScreen.lookup(minMultiple, only, watchSet) : noScreen(only, watchSet)),
    [filterScreen, minMultiple, only, watchSet],
  );
  const shown = useMemo(() => filterRows(ordered, deferred, filterLookup), [ordered, deferred, filterLookup]);
  const onExport = useCallback(
    // The CSV code loads on the click, so `/` does not download it up front.
    () =>
      dataset
        ? import('./screen-csv.ts').then(({ exportScreen }) => exportScreen(shown, screen, deferredScreen, dataset))
        : Promise.reject(new Error('no data is loaded')),
    [shown, screen, deferredScreen, dataset],
  );
  // A new order or filter starts at its top: sorting by market cap while scrolled down must show the largest.
  const { marketSize, scenarioCase, captureMode, horizon } = deferredScreen;
  // A token's link opens it in this scenario (and its link back returns here).
  const linkQuery = useMemo(() => carriedQuery({ marketSize, scenarioCase, captureMode, horizon }), [marketSize, scenarioCase, captureMode, horizon]);
  const [narrow] = useState(isNarrowScreen);
  const [hidden, setHidden] = useState(() => initialHidden(narrow));
  const onToggleColumn = useCallback((key: SortKey, show: boolean) => {
    setHidden((before) => {
      const next = new Set(before);
      if (show) next.delete(key);
      else next.add(key);
      return next;
    });
  }, []);
  const scrollKey = JSON.stringify([search, sortKey, sortDir, rating, signal, category, deferredScreen.watchOnly, deferredScreen.minMultiple]);

  if (!dataset) {
    // Without a dataset and not loading, the snapshot could not be read: the alert above says why.
    return <p className="loading">{isLoading ? 'Loading…' : 'No token data to show.'}</p>;
  }
  return (
    <section aria-labelledby="tokens-title" className="token-browser">
      <h1 id="tokens-title">Tokens</h1>
      <p className="intro">
        What would each token be worth if the whole crypto market grew to a size you choose? Today&apos;s total crypto market is{' '}
        <strong>{formatUsdCompact(dataset.market.totalMarketCap)}</strong> ({formatDated(dataset.market.asOf)}): pick a market size and a case below, and each
        row gives its scenario price and its multiple of today&apos;s price.
      </p>
      <ScenarioBar watchCount={watchlist.length} hasPublished={Object.keys(dataset.published).length > 0} onExport={onExport} />
      <Filters categories={categories} />
      <TokenTable
        shown={shown}
        total={rows.length}
        screen={screen}
        watchSet={watchSet}
        dataset={dataset}
        sortKey={sort.key}
        sortDir={sort.dir}
        scrollKey={scrollKey}
        hidden={hidden}
        narrow={narrow}
        linkQuery={linkQuery}
        onToggleColumn={onToggleColumn}
      />
    </section>
  );
}

interface TokenTableProps {
  readonly shown: readonly TokenRow[];
  readonly total: number;
  readonly screen: ScreenResult;
  readonly watchSet: ReadonlySet<string>;
  readonly dataset: Dataset;
  readonly sortKey: SortKey;
  readonly sortDir: 'asc' | 'desc';
  /** Changes when the order or a filter does: the list then scrolls back to its top. */
  readonly scrollKey: string;
  /** Columns the user (or a phone's first view) left out. */
  readonly hidden: ReadonlySet<SortKey>;
  readonly narrow: boolean;
  /** What each token's link carries of the scenario ("?m=23T&case=moon"). */
  readonly linkQuery: string;
  readonly onToggleColumn: (key: SortKey, shown: boolean) => void;
}

const onWatch = (id: string): void => useScreenStore.getState().toggleWatch(id);
/** The browser store's actions, read when a handler runs. */
const browser = () => useBrowserStore.getState();

/** The status line and the virtualised table: re-rendered when what it shows changes, not per key press. */
const TokenTable = memo(function TokenTable(props: TokenTableProps) {
  const { shown, total, screen, watchSet, dataset, sortKey, sortDir, scrollKey, hidden, narrow, linkQuery, onToggleColumn } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const { start, end, padTop, padBottom } = useRowWindow(scrollRef, ROW_HEIGHT, shown.length, 3);
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
    // oxlint-disable-next-line react/exhaustive-deps -- the effect runs *because* the order or a filter changed (it reads no value of it)
  }, [scrollKey]);

  const source = dataset.sources[dataset.market.source]?.name ?? dataset.source;
  const sortOf = (key: SortKey) => (sortKey === key ? (sortDir === 'asc' ? 'ascending' : 'descending') : undefined);

  return (
    <>
      <div className="list-head">
        <p role="status" className="list-status">
          {shown.length === total ? `${total} tokens` : `${shown.length} of ${total} tokens match`} · {source} · prices of {formatDated(dataset.asOf)}
          {dataset.dropped > 0 ? ` · ${dataset.dropped} invalid rows left out` : ''}
        </p>
        <ColumnToggle hidden={hidden} onToggle={onToggleColumn} />
      </div>
      <div className="token-scroll" ref={scrollRef} tabIndex={-1}>
        <table aria-label="Tokens" aria-rowcount={shown.length + 1} className={tableClass(hidden, narrow)} style={{ width: tableWidth(hidden, narrow) }}>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col" className="star-col" style={{ width: starWidth(narrow) }} aria-sort={sortOf('watched')}>
                <button type="button" className="sort" aria-label="Watched" onClick={() => browser().sortBy('watched')}>
                  ★
                </button>
              </th>
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  className={c.left ? `col-${c.key} left` : `col-${c.key}`}
                  style={{ width: columnWidth(c, narrow) }}
                  aria-sort={sortOf(c.key)}
                >
                  <div className="head-cell">
                    <button type="button" className="sort" onClick={() => browser().sortBy(c.key)}>
                      {c.label}
                      <span aria-hidden="true">{sortKey === c.key ? (sortDir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                    </button>
                    {c.help ? <HelpTip term={c.help} align={c.key === 'signal' || c.key === 'traderGrade' ? 'end' : 'start'} /> : null}
                  </div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {padTop > 0 ? <tr aria-hidden="true" className="spacer" style={{ height: padTop }} /> : null}
            {shown.slice(start, end).map((row, i) => (
              <TokenTableRow
                key={row.token.id}
                row={row}
                index={start + i + 2}
                height={ROW_HEIGHT}
                cells={screen.cells(row.token.id)}
                todayMarket={dataset.market.totalMarketCap}
                watched={watchSet.has(row.token.id)}
                remoteLogo={dataset.source !== 'snapshot'}
                onWatch={onWatch}
                linkQuery={linkQuery}
              />
            ))}
            {padBottom > 0 ? <tr aria-hidden="true" className="spacer" style={{ height: padBottom }} /> : null}
          </tbody>
        </table>
        {shown.length === 0 ? (
          <p className="empty">
            No token matches.{' '}
            <button type="button" onClick={() => browser().resetFilters()}>
              Clear search and filters
            </button>
          </p>
        ) : null}
      </div>
    </>
  );
});
