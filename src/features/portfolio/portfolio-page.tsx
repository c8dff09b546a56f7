import { useMemo, useState } from 'react';
import { useDataset } from '../../data/queries/dataset.ts';
import type { Dataset } from '../../data/types.ts';
import { CASES, DEFAULT_TIERS, tierLabel } from '../../engine/index.ts';
import { saveCsv, saveFigurePng } from '../../lib/chart-export.ts';
import { formatDated } from '../../lib/format.ts';
import { useHoldingsStore } from '../../state/holdings-store.ts';
import { useDataConfig } from '../../state/settings-store.ts';
import { CopyLinkButton } from '../../ui/copy-link-button.tsx';
import { ExportButtons } from '../../ui/export-buttons.tsx';
import { RadioChoice } from '../../ui/radio-choice.tsx';
import { HoldingsTable } from './holdings-table.tsx';
import { LinkOffer } from './link-offer.tsx';
import { PasteImport } from './paste-import.tsx';
import { portfolioCsvRows, portfolioFigureText, PORTFOLIO_FILE } from './portfolio-export.ts';
import { PORTFOLIO_CHART_EXPORT, PortfolioChart } from './portfolio-chart.tsx';
import { linkWithAmounts, usePortfolioUrl, usePortfolioView } from './portfolio-url.ts';
import { portfolioSummary, type PortfolioSummary } from './portfolio-model.ts';
import { ContributionsTable, formatValue, ScenariosTable } from './scenarios-table.tsx';
import { TargetValue } from './target-value.tsx';
import './portfolio.css';

const CASE_OPTIONS = CASES.map((c) => ({ value: c, label: c[0]?.toUpperCase() + c.slice(1) }));

/** One sentence a reader takes in first: today's value and the range at the chosen tier. */
function Headline({ summary, tier }: { readonly summary: PortfolioSummary; readonly tier: number }) {
  const row = summary.rows.find((r) => r.tier === tier);
  if (summary.lines.length === 0 || !row) return null;
  return (
    <p className="portfolio-headline">
      Worth <strong>{formatValue(summary.today)}</strong> today; if the crypto market reaches <strong>{tierLabel(tier)}</strong>:{' '}
      <strong>{formatValue(row.bear.value)}</strong> (bear) to <strong>{formatValue(row.moon.value)}</strong> (moon), base{' '}
      <strong>{formatValue(row.base.value)}</strong>.
      {summary.excluded.length > 0 ? <span className="excluded"> Totals exclude {summary.excluded.join(', ')}: no price.</span> : null}
    </p>
  );
}

function Scenarios({ summary, dataset }: { readonly summary: PortfolioSummary; readonly dataset: Dataset }) {
  const tier = usePortfolioView((s) => s.tier);
  const scenario = usePortfolioView((s) => s.scenario);
  const target = usePortfolioView((s) => s.target);
  const targetText = usePortfolioView((s) => s.targetText);
  const arrival = usePortfolioView((s) => s.arrival);
  const setTier = usePortfolioView((s) => s.setTier);
  const setCase = usePortfolioView((s) => s.setCase);
  const setTarget = usePortfolioView((s) => s.setTarget);
  const [showAmounts, setShowAmounts] = useState(false);
  const tiers = DEFAULT_TIERS;
  return (
    <>
      <h2>Scenarios</h2>
      <p className="hint">
        Each token with its own captures (observed where the data has a market move, else the defaults); pegged assets stay at their peg; circulating supply.
        Prices as of {formatDated(dataset.asOf)}.{summary.excluded.length > 0 ? ` Totals exclude ${summary.excluded.join(', ')} (no price).` : ''}
      </p>
      <ScenariosTable summary={summary} />
      <PortfolioChart lines={summary.lines} tiers={tiers} totalMarketCap={dataset.market.totalMarketCap} today={summary.today} target={target} />
      <TargetValue
        key={arrival}
        lines={summary.lines}
        target={target}
        initialText={targetText}
        onTarget={setTarget}
        totalMarketCap={dataset.market.totalMarketCap}
        excluded={summary.excluded}
      />
      <h2>Who carries the result</h2>
      <div className="portfolio-options">
        <RadioChoice
          label="Tier"
          value={String(tier)}
          options={tiers.map((t) => ({ value: String(t), label: tierLabel(t) }))}
          onChange={(v) => setTier(Number(v))}
        />
        <RadioChoice label="Case" value={scenario} options={CASE_OPTIONS} onChange={setCase} />
      </div>
      <ContributionsTable summary={summary} tier={tier} scenario={scenario} />
      <div className="export-bar portfolio-export" role="toolbar" aria-label="Share and export">
        <label className="show-amounts">
          <input type="checkbox" checked={showAmounts} onChange={(e) => setShowAmounts(e.target.checked)} /> Show amounts in export
        </label>
        <ExportButtons
          actions={{
            PNG: () => saveFigurePng(PORTFOLIO_CHART_EXPORT, portfolioFigureText(summary, dataset, showAmounts, target), PORTFOLIO_FILE),
            CSV: () => saveCsv(portfolioCsvRows(summary, dataset, showAmounts), PORTFOLIO_FILE),
          }}
        />
        <CopyLinkButton label="Copy link with amounts" href={() => linkWithAmounts(useHoldingsStore.getState().holdings)} />
      </div>
      <p className="hint">
        The link carries your tokens and amounts, and this tier, case and target (no key, nothing else); whoever opens it is asked before they are added to
        their own list.
      </p>
    </>
  );
}

/** `/portfolio`: the user's holdings, valued today and in every scenario. Kept on this device; never sent anywhere. */
export default function PortfolioPage() {
  usePortfolioUrl();
  const { dataset, isLoading } = useDataset(useDataConfig());
  const holdings = useHoldingsStore((s) => s.holdings);
  const [merged, setMerged] = useState('');
  const tier = usePortfolioView((s) => s.tier);
  const notices = usePortfolioView((s) => s.notices);
  const summary = useMemo(() => (dataset ? portfolioSummary(holdings, dataset, DEFAULT_TIERS) : null), [holdings, dataset]);
  if (isLoading || !dataset || !summary) return <p className="loading">Loading…</p>;
  return (
    <section aria-labelledby="portfolio-title" className="portfolio">
      <h1 id="portfolio-title">Portfolio</h1>
      <p className="hint">
        What your holdings would be worth if the whole crypto market reached each size. They stay on this device: nothing you enter here is sent anywhere.
      </p>
      <LinkOffer dataset={dataset} onMerged={setMerged} />
      <p role="status" className="link-status">
        {merged}
      </p>
      {notices.length > 0 ? (
        <div className="notices" role="note" aria-label="Link notices">
          <ul>
            {notices.map((n) => (
              <li key={n.key}>{n.text}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <Headline summary={summary} tier={tier} />
      <h2>Holdings</h2>
      <HoldingsTable entries={summary.entries} dataset={dataset} />
      {summary.entries.length > 0 ? <Scenarios summary={summary} dataset={dataset} /> : null}
      <PasteImport dataset={dataset} />
    </section>
  );
}
