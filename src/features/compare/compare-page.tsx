import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { useDataset } from '../../data/queries/dataset.ts';
import type { Dataset } from '../../data/types.ts';
import { findToken } from '../../lib/token-match.ts';
import { subscribeLocation } from '../../lib/location.ts';
import { syncUrl, syncedHref, type UrlSync } from '../../lib/url-sync.ts';
import { useDataConfig } from '../../state/settings-store.ts';
import { DEFAULT_SCENARIO, parseScenarioSearch, serializeScenarioSearch } from '../../state/url-codec.ts';
import { saveCsv, saveFigurePng, saveFigureSvg } from '../../lib/chart-export.ts';
import { CopyLinkButton } from '../../ui/copy-link-button.tsx';
import { ExportButtons } from '../../ui/export-buttons.tsx';
import { compareCsvRows, compareFigureText, compareName } from './compare-export.ts';
import { Link } from '../../ui/link.tsx';
import { CompareChart, compareColor } from './compare-chart.tsx';
import { carriedQuery } from '../../state/carry.ts';
import { HelpTip } from '../../ui/help-tip.tsx';
import { CAPTURE_MODES, type CaptureMode } from '../../data/captures.ts';
import { RadioChoice } from '../../ui/radio-choice.tsx';
import { TokenPicker } from '../../ui/token-picker.tsx';
import { MAX_COMPARE, allAlike, compareSelection } from './compare-model.ts';
import { MultiplesTable } from './multiples-table.tsx';
import './compare.css';

/** The compare chart's name for export (`data-export-chart` in compare-chart.tsx). */
const FIGURE = 'compare-chart';
const COMPARE_MODES: ReadonlyArray<{ value: CaptureMode; label: string }> = [
  { value: 'token', label: 'Per token' },
  { value: 'same', label: 'Same for all' },
  { value: 'tm', label: 'Token Metrics where published' },
];

/**
 * `/compare?ids=a,b,c` with the scenario's captures and tiers (the rest of the detail view's keys are
 * ignored). The query is the view's state: read from the link on arrival into a store of its own,
 * then the truth, and written back to the address by `syncUrl`, as every view's.
 */
function useCompareUrl() {
  const [store] = useState(() => createStore(() => ({ search: window.location.search })));
  const sync = useMemo<UrlSync>(
    () => ({ path: /^\/compare\/?$/, subscribe: (changed) => store.subscribe(changed), search: () => store.getState().search }),
    [store],
  );
  useEffect(() => {
    const stop = syncUrl(sync);
    // A link opened while here (the header's "Compare") is read as an arrival.
    const unfollow = subscribeLocation(() => store.setState({ search: window.location.search }));
    return () => {
      unfollow();
      stop();
    };
  }, [store, sync]);
  const search = useStore(store, (s) => s.search);
  return useMemo(() => {
    const query = new URLSearchParams(search);
    const { params, notices } = parseScenarioSearch(search);
    // A link that sets captures without saying whose means the same captures for every token.
    const linkCaptures = serializeScenarioSearch({ ...DEFAULT_SCENARIO, captures: params.captures }) !== '';
    const cap = query.get('cap');
    const mode: CaptureMode = CAPTURE_MODES.find((m) => m === cap) ?? (linkCaptures ? 'same' : 'token');
    const write = (changes: Readonly<Record<string, string | null>>): void => {
      const next = new URLSearchParams(query);
      for (const [key, value] of Object.entries(changes)) {
        if (value === null) next.delete(key);
        else next.set(key, value);
      }
      const text = next.toString().replace(/%2C/g, ',');
      store.setState({ search: text ? `?${text}` : '' });
    };
    const writeIds = (ids: readonly string[]): void => write({ ids: ids.length > 0 ? ids.join(',') : null });
    const href = (): string => syncedHref(sync);
    return {
      ids: query.get('ids'),
      captures: params.captures,
      linkCaptures,
      tiers: params.tiers,
      horizon: params.horizon,
      mode,
      notices,
      write,
      writeIds,
      href,
    };
  }, [search, store, sync]);
}

/** What a token's link carries from here: whose captures, the link's own captures, the tiers and the supply. */
function tokenLinkQuery(url: ReturnType<typeof useCompareUrl>): string {
  const scenario = serializeScenarioSearch({
    ...DEFAULT_SCENARIO,
    captures: url.linkCaptures ? url.captures : DEFAULT_SCENARIO.captures,
    tiers: url.tiers,
    horizon: url.horizon,
  });
  const carried = carriedQuery({ marketSize: null, scenarioCase: null, captureMode: url.mode, horizon: 'circ' });
  const parts = [scenario, carried].map((q) => q.replace(/^\?/, '')).filter((q) => q !== '');
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

function AddToken({ dataset, ids, onAdd }: { readonly dataset: Dataset; readonly ids: readonly string[]; readonly onAdd: (id: string) => void }) {
  const pick = (text: string): string | null => {
    const token = findToken(dataset.tokens, text);
    if (!token) return `No loaded token is called "${text.trim().slice(0, 40)}".`;
    if (ids.includes(token.id)) return `${token.name} is already here.`;
    if (ids.length >= MAX_COMPARE) return `At most ${MAX_COMPARE} tokens compare at once.`;
    onAdd(token.id);
    return null;
  };
  return <TokenPicker className="add-token" label="Add token" submit="Add" tokens={dataset.tokens} onPick={pick} />;
}

/** `/compare`: up to four tokens by multiples of their own price, on one chart and one table. */
export default function ComparePage() {
  const { dataset, isLoading } = useDataset(useDataConfig());
  const url = useCompareUrl();
  const selection = useMemo(
    () => (dataset ? compareSelection(url.ids, dataset, { horizon: url.horizon, mode: url.mode, captures: url.captures }) : { tokens: [], notices: [] }),
    [dataset, url.ids, url.horizon, url.captures, url.mode],
  );
  if (isLoading || !dataset) return <p className="loading">Loading…</p>;
  const ids = selection.tokens.map((t) => t.token.id);
  const captures = url.captures;
  const tiers = url.tiers;
  const notices = [...url.notices.filter((n) => !/Market size|Market share/.test(n)), ...selection.notices];

  return (
    <section aria-labelledby="compare-title" className="compare">
      <h1 id="compare-title">Compare</h1>
      <p className="hint">
        Each token as a multiple of its own price, so a $0.0001 token and a $60,000 token compare fairly.{' '}
        {url.mode === 'same'
          ? `Captures for every token: bear ${captures.bear}, base ${captures.base}, moon ${captures.moon}${url.linkCaptures ? ' (from the link)' : ' (defaults)'}.`
          : 'Each token uses its own captures; the table says where they come from.'}
      </p>
      {notices.length > 0 ? (
        <div className="notices" role="note" aria-label="Link notices">
          <ul>
            {notices.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <ul className="compare-tokens" aria-label="Compared tokens">
        {selection.tokens.map(({ token }, i) => (
          <li key={token.id}>
            <span aria-hidden="true" className="swatch" style={{ background: compareColor(i) }} />
            <Link href={`/token/${encodeURIComponent(token.id)}${tokenLinkQuery(url)}`}>{token.name}</Link>
            <button type="button" aria-label={`Remove ${token.name}`} onClick={() => url.writeIds(ids.filter((x) => x !== token.id))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <AddToken dataset={dataset} ids={ids} onAdd={(id) => url.writeIds([...ids, id])} />
      <div className="compare-options">
        <fieldset className="supply">
          <legend>Supply at the horizon</legend>
          <HelpTip term="supply" />
          <label>
            <input type="radio" name="compare-horizon" checked={url.horizon === 'circ'} onChange={() => url.write({ h: null })} /> Circulating
          </label>
          <label>
            <input type="radio" name="compare-horizon" checked={url.horizon === 'max'} onChange={() => url.write({ h: 'max' })} /> Max supply (fully diluted)
          </label>
        </fieldset>
        <RadioChoice
          label="Captures"
          value={url.mode}
          options={COMPARE_MODES}
          onChange={(mode) => url.write({ cap: mode === 'token' && !url.linkCaptures ? null : mode })}
          help="captures"
        />
      </div>
      {allAlike(selection.tokens) ? (
        <p className="hint" role="note">
          With the same captures and no dilution, every token&apos;s multiple is the same: 1 + capture × (market / today&apos;s market − 1). What sets tokens
          apart is dilution (switch to max supply) and each token&apos;s own captures.
        </p>
      ) : null}
      {selection.tokens.length === 0 ? (
        <p>Add up to {MAX_COMPARE} tokens to compare, or pick them with “Compare” in the token browser.</p>
      ) : (
        <>
          <CompareChart tokens={selection.tokens} tiers={tiers} totalMarketCap={dataset.market.totalMarketCap} />
          <div className="export-bar" role="toolbar" aria-label="Share and export">
            <ExportButtons
              actions={{
                PNG: () => saveFigurePng(FIGURE, compareFigureText(selection.tokens, tiers, dataset), compareName(selection.tokens)),
                SVG: () => saveFigureSvg(FIGURE, compareFigureText(selection.tokens, tiers, dataset), compareName(selection.tokens)),
                CSV: () => saveCsv(compareCsvRows(selection.tokens, tiers, dataset), compareName(selection.tokens)),
              }}
            />
            <CopyLinkButton href={url.href} />
          </div>
          <MultiplesTable tokens={selection.tokens} tiers={tiers} />
        </>
      )}
    </section>
  );
}
