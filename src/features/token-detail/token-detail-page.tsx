import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { capturesFor, type TokenCaptures } from '../../data/captures.ts';
import { engineInputFor } from '../../data/engine-input.ts';
import { CASES, scenarioTable, type Captures, type ScenarioCase } from '../../engine/index.ts';
import { useDataset } from '../../data/queries/dataset.ts';
import type { Dataset, Token } from '../../data/types.ts';
import { useDataConfig } from '../../state/settings-store.ts';
import {
  selectScenarioParams,
  syncScenarioToUrl,
  useCaptures,
  useHorizon,
  useScenarioActions,
  useScenarioNotices,
  useScenarioStore,
  useTarget,
  useTiers,
} from '../../state/scenario-store.ts';
import { Link } from '../../ui/link.tsx';
import { Answers } from './answers.tsx';
import { BandChart } from './band-chart.tsx';
import { Controls } from './controls.tsx';
import { ExportBar } from './export-bar.tsx';
import { GradesPanel } from './grades-panel.tsx';
import { publishedCaptures, publishedPoints, type PublishedPoint } from '../../data/published.ts';
import { PublishedPanel } from './published-panel.tsx';
import { ScenarioTable } from './scenario-table.tsx';
import { CaptureSource } from './capture-source.tsx';
import { PeggedScenario } from './pegged-scenario.tsx';
import { TargetPrice } from './target-price.tsx';
import { TierEditor } from './tier-editor.tsx';
import { TokenHeader } from './token-header.tsx';
import { BackLink } from './back-link.tsx';
import { readCarried } from '../../state/carry.ts';
import { HelpTip } from '../../ui/help-tip.tsx';
import { scenarioView, userPointStore, type ScenarioView } from './scenario-view.ts';
import './token-detail.css';
import './workbench.css';

interface TokenDetailPageProps {
  readonly id: string;
}

/**
 * Detail pages in the document. A page that renders while another is still there (back or forward
 * straight from one token to another) must not change the store during its render: that would update
 * the other page's components in the middle of this render.
 */
let detailPagesMounted = 0;

function loadLink(): void {
  useScenarioStore.getState().loadFromSearch(window.location.search);
}

/**
 * The URL is the source of truth on arrival; afterwards the store writes the URL (replaceState).
 * The page is keyed by token id, so a new token is a new mount and reads its own URL. The link is
 * read during the page's first render, so that render already shows its scenario (an effect would run
 * after a frame painted with the previous one); when another detail page is still mounted, before the
 * first paint instead. The subscription that writes the URL (`syncScenarioToUrl`) starts in an effect,
 * and first writes the link back in its clamped form.
 */
function useScenarioUrl(): void {
  const [readInRender] = useState(() => {
    if (detailPagesMounted > 0) return false;
    loadLink();
    return true;
  });
  useLayoutEffect(() => {
    detailPagesMounted += 1;
    // The other page is gone by now (its cleanups ran first): the store may change, and this page
    // re-renders before the browser paints.
    if (!readInRender) loadLink();
    return () => {
      detailPagesMounted -= 1;
    };
  }, [readInRender]);
  useEffect(() => syncScenarioToUrl(), []);
}

function Notices() {
  const notices = useScenarioNotices();
  const dismiss = useScenarioStore((s) => s.dismissNotices);
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="note" aria-label="Link notices">
      <ul>
        {notices.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
      <button type="button" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}

/**
 * The scenario of one token. A step of the market-size or share slider does not re-render it: those
 * two controls, the chart's mark and caption, and the answers read the store themselves. It
 * re-renders when the captures, tiers or supply change.
 */
function Scenario({
  token,
  dataset,
  own,
  chosen,
  side,
}: {
  readonly token: Token;
  readonly dataset: Dataset;
  readonly own: TokenCaptures;
  readonly chosen: ScenarioCase | null;
  readonly side: ReactNode;
}) {
  // Three atomic reads (what a step of the market-size or share slider leaves alone): each is one
  // comparison per step, where one selected object would be built and compared field by field.
  const captures = useCaptures();
  const tiers = useTiers();
  const horizon = useHorizon();
  const market = dataset.market;
  const base = useMemo(() => engineInputFor(token, market, horizon), [token, market, horizon]);
  const input = base.ok ? base.input : null;
  const note = base.ok ? base.note : null;
  const rows = useMemo(() => (input ? scenarioTable(input, captures, tiers) : []), [input, captures, tiers]);
  const published = dataset.published[token.id];
  const tokenNames = useMemo(() => new Map(dataset.tokens.map((t) => [t.id, t.name])), [dataset.tokens]);
  const [pasted, setPasted] = useState<PublishedPoint[] | null>(null);
  const points = useMemo(() => pasted ?? (published ? publishedPoints(published) : undefined), [pasted, published]);
  // The chart's own inputs follow a beat behind (a capture slider or a tier edit paints first); the
  // user's point does not: the chart's mark subscribes to it, so it keeps up with the keys.
  const chartInput = useDeferredValue(input);
  const chartCaptures = useDeferredValue(captures);
  const chartTiers = useDeferredValue(tiers);
  // The target's line follows the target alone (not the market-size slider), a beat behind as well.
  const target = useDeferredValue(useTarget());
  const point = useMemo(() => (input ? userPointStore(input) : null), [input]);
  // The export bar reads the scenario when pressed, not on every step.
  const currentView = useCallback((): ScenarioView => {
    const state = useScenarioStore.getState();
    const now = engineInputFor(token, market, state.horizon);
    if (!now.ok) throw new Error(now.reason);
    return scenarioView(now.input, now.note, selectScenarioParams(state));
  }, [token, market]);
  if (!base.ok)
    return (
      <DetailGrid side={side}>
        <p role="note">{base.reason}</p>
      </DetailGrid>
    );
  if (!input || !point) return null;
  return (
    <>
      <div className="workbench">
        <div className="workbench-chart">
          <BandChart
            token={chartInput ?? input}
            captures={chartCaptures}
            tiers={chartTiers}
            userPoint={point}
            published={points}
            publishedName={pasted ? 'Pasted' : 'TM'}
            target={target}
            symbol={token.symbol}
          />
        </div>
        <section aria-labelledby="bands-title" className="bands workbench-side">
          <div className="heading-row">
            <h2 id="bands-title">Scenario bands</h2>
            <HelpTip term={['cases', 'totalMarket']} />
          </div>
          <ScenarioTable rows={rows} chosen={chosen} />
          <TargetPrice input={input} note={note} />
          <CaptureSource captures={captures} own={own} />
          <TierEditor tiers={tiers} />
        </section>
        <div className="workbench-controls">
          <Controls
            tokenId={token.id}
            input={input}
            note={note}
            captures={captures}
            tiers={tiers}
            horizon={horizon}
            published={published}
            own={own}
            hasMaxSupply={token.maxSupply !== null || token.totalSupply !== null}
            tokenNames={tokenNames}
          />
        </div>
      </div>
      <DetailGrid side={side}>
        <ExportBar token={token} dataset={dataset} view={currentView} />
        <Answers input={input} note={note} symbol={token.symbol} />
        <PublishedPanel
          symbol={token.symbol}
          published={published}
          sources={dataset.sources}
          input={input}
          marketAsOf={dataset.market.asOf}
          onPoints={setPasted}
        />
      </DetailGrid>
    </>
  );
}

/** The rest of the view beside the grades (an aside). */
function DetailGrid({ side, children }: { readonly side: ReactNode; readonly children: ReactNode }) {
  return (
    <div className="detail-grid">
      <div className="detail-main">{children}</div>
      <aside className="detail-side">{side}</aside>
    </div>
  );
}

/** Whether the store holds `own` as the token's own captures (to the 4 decimals it keeps). */
function sameCaptures(held: Captures | null, own: Captures): boolean {
  return held !== null && CASES.every((c) => Math.abs(held[c] - own[c]) < 5e-5);
}

/** A pegged asset keeps its peg; any other token gets the workbench, with its own captures. */
function TokenScenario({ token, dataset, side }: { readonly token: Token; readonly dataset: Dataset; readonly side: ReactNode }) {
  // A link from the screener or compare says whose captures and which case it was showing (`cap`, `case`).
  const [carried] = useState(() => readCarried(window.location.search));
  const own = useMemo(() => capturesFor(token, dataset, carried.captureMode, publishedCaptures), [token, dataset, carried.captureMode]);
  const tiers = useTiers();
  const { adoptOwnCaptures } = useScenarioActions();
  // The store takes the token's own captures before the scenario mounts (a layout effect: before the
  // first paint), so no part of it starts from the defaults and catches up later.
  const inStore = useScenarioStore((s) => s.ownCaptures);
  const adopted = sameCaptures(inStore, own.captures);
  // Again whenever a link is read (it clears them): back and forward read a new page's link after this.
  useLayoutEffect(() => {
    if (!sameCaptures(inStore, own.captures)) adoptOwnCaptures(own.captures);
  }, [inStore, adoptOwnCaptures, own.captures]);
  if (own.peg?.kind === 'pegged') {
    return (
      <DetailGrid side={side}>
        <PeggedScenario token={token} peg={own.peg} tiers={tiers} />
      </DetailGrid>
    );
  }
  if (!adopted) return <DetailGrid side={side}>{null}</DetailGrid>;
  return (
    <>
      {own.peg?.kind === 'tracks' ? (
        <p role="note" className="tracks-note">
          {token.name} {own.peg.label}: its scenarios follow <Link href={`/token/${encodeURIComponent(own.peg.underlying)}`}>{own.peg.underlyingName}</Link>
          &apos;s captures, so its multiples are {own.peg.underlyingName}&apos;s.
        </p>
      ) : null}
      <Scenario token={token} dataset={dataset} own={own} chosen={carried.scenarioCase} side={side} />
    </>
  );
}

/** `/token/:id`: one token, its grades, scenario bands, chart, sliders and answers. */
export default function TokenDetailPage({ id }: TokenDetailPageProps) {
  const { dataset, isLoading } = useDataset(useDataConfig(), id);
  useScenarioUrl();
  const token = dataset?.tokens.find((t) => t.id === id);

  if (isLoading) return <p className="loading">Loading…</p>;
  if (!token || !dataset) {
    return (
      <section aria-labelledby="not-found-title">
        <h1 id="not-found-title">Token not found</h1>
        <p>
          No token with the id “{id}” is loaded. <Link href="/">Browse the tokens</Link> to pick one.
        </p>
      </section>
    );
  }

  return (
    <article className="token-detail">
      <BackLink />
      <TokenHeader token={token} dataset={dataset} />
      <Notices />
      <TokenScenario token={token} dataset={dataset} side={<GradesPanel grades={dataset.grades[token.id]} sources={dataset.sources} />} />
    </article>
  );
}
