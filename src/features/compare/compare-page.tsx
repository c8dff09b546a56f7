import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { useDataset } from '../../data/queries/dataset.ts';
import type { Dataset } from '../../data/types.ts';
import { CASES, scenarioCell, tierLabel } from '../../engine/index.ts';
import { formatMultiple } from '../../lib/format.ts';
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
import { CAPTURE_MODES, type CaptureMode } from '../../data/captures.ts';
import { RadioChoice } from '../../ui/radio-choice.tsx';
import { MAX_COMPARE, TARGET_MULTIPLES, allAlike, compareSelection, needsFor, type CompareToken } from './compare-model.ts';
import './compare.css';

const FIGURE = 'figure.compare-chart';
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

function findToken(dataset: Dataset, text: string) {
  const t = text.trim().toLowerCase();
  return (
    dataset.tokens.find((x) => x.id === t) ?? dataset.tokens.find((x) => x.name.toLowerCase() === t) ?? dataset.tokens.find((x) => x.symbol.toLowerCase() === t)
  );
}

function AddToken({ dataset, ids, onAdd }: { readonly dataset: Dataset; readonly ids: readonly string[]; readonly onAdd: (id: string) => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const listId = useId();
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const token = findToken(dataset, text);
    if (!token) return setError(`No loaded token is called "${text.trim().slice(0, 40)}".`);
    if (ids.includes(token.id)) return setError(`${token.name} is already here.`);
    if (ids.length >= MAX_COMPARE) return setError(`At most ${MAX_COMPARE} tokens compare at once.`);
    setError(null);
    setText('');
    onAdd(token.id);
  };
  return (
    <form className="add-token typed-input" onSubmit={submit}>
      <label htmlFor={inputId}>Add token</label>
      <input id={inputId} list={listId} value={text} placeholder="Name or symbol" onChange={(e) => setText(e.target.value)} />
      <datalist id={listId}>
        {dataset.tokens.slice(0, 300).map((t) => (
          <option key={t.id} value={t.name}>
            {t.symbol}
          </option>
        ))}
      </datalist>
      <button type="submit">Add</button>
      {error ? (
        <p className="input-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}

function MultiplesTable({ tokens, tiers }: { readonly tokens: readonly CompareToken[]; readonly tiers: readonly number[] }) {
  return (
    <div className="table-scroll">
      <table aria-label="Multiples" className="compare-table">
        <thead>
          <tr>
            <th scope="col">Token</th>
            <th scope="col">Captures</th>
            {tiers.map((t) => (
              <th key={t} scope="col">
                {tierLabel(t)}
              </th>
            ))}
            {TARGET_MULTIPLES.map((x) => (
              <th key={x} scope="col">
                {x}x needs
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {tokens.map(({ token, input, captures, from }, i) => (
            <tr key={token.id}>
              <th scope="row">
                <span aria-hidden="true" className="swatch" style={{ background: compareColor(i) }} /> {token.symbol}
              </th>
              <td className="left" title={from.detail}>
                {CASES.map((c) => captures[c].toFixed(2)).join(' / ')} <span className="capture-src">{from.short}</span>
              </td>
              {tiers.map((t) => {
                const [bear, base, moon] = CASES.map((c) => scenarioCell(input, captures[c], t).multiple);
                return (
                  <td key={t} title={`bear ${formatMultiple(bear)} to moon ${formatMultiple(moon)}`}>
                    {formatMultiple(base)}{' '}
                    <span className="cell-multiple">
                      ({formatMultiple(bear)}–{formatMultiple(moon)})
                    </span>
                  </td>
                );
              })}
              {TARGET_MULTIPLES.map((x) => {
                const m = needsFor(input, captures.base, x);
                return <td key={x}>{m === null ? 'beyond reach' : m <= input.totalMarketCap ? 'reached today' : tierLabel(m)}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        Captures: bear / base / moon and where they come from. Cells: base multiple (bear to moon). “x needs”: the total market size the base case needs.
      </p>
    </div>
  );
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
            <Link href={`/token/${encodeURIComponent(token.id)}`}>{token.name}</Link>
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
