import { useId, useState } from 'react';
import type { Captures, HistoryCapturesFound } from '../../engine/index.ts';
import type { CoinGeckoConfig } from '../../data/providers/coingecko.ts';
import { useHistoryCaptures, type HistoryCapturesState, type LiveChartFailure } from '../../data/queries/history.ts';

interface HistoryCapturesProps {
  /** CoinGecko-style id (`cardano`). */
  readonly tokenId: string;
  /** The live CoinGecko config, or null to use the embedded history only. */
  readonly live: CoinGeckoConfig | null;
  /** Token names by id, to name the tokens the embedded history covers. */
  readonly names?: ReadonlyMap<string, string>;
  /** Receives the history captures (2 decimals, ordered, within 0..3) when the button is pressed. */
  readonly onApply: (captures: Captures) => void;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;
const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The captures as applied and as shown: two decimals, the precision 30-odd noisy windows support. */
function rounded(c: Captures): Captures {
  return { bear: round2(c.bear), base: round2(c.base), moon: round2(c.moon) };
}

/** "From 30 windows of 90 days (2025-09-19 to 2026-07-08, <source>): bear 0.85 (25th percentile), ..." */
function foundText(r: HistoryCapturesFound, state: HistoryCapturesState): string {
  const c = rounded(r.captures);
  const source = state.token?.source ?? 'market caps';
  const market = state.market ? ` Total market: ${state.market.source}.` : '';
  const note = state.reason ? ` ${state.reason}` : '';
  return (
    `From ${r.windows} windows of ${r.windowDays} days (${day(r.from)} to ${day(r.to)}, ${source}): ` +
    `bear ${c.bear.toFixed(2)} (25th percentile), base ${c.base.toFixed(2)} (median), moon ${c.moon.toFixed(2)} (75th).${market}${note}`
  );
}

/** The live chart's failure, named like the app's other data alerts: source, reason, what is used instead. */
function LiveFailureAlert({ failure }: { readonly failure: LiveChartFailure }) {
  return (
    <p role="alert" className="data-alert">
      Live market caps unavailable from {failure.source}: {failure.reason}.{' '}
      {failure.fallback !== null
        ? `History captures use ${failure.fallback} instead.`
        : 'No embedded history covers this token, so history captures are unavailable.'}
    </p>
  );
}

/**
 * "History captures": the capture ratios the token's own market-cap history showed against the
 * total market (25th/50th/75th percentile of rolling 90-day windows), with the windows and data
 * named. The button is disabled, with the reason beside it, while loading, without data or when
 * the history is too short.
 */
export function HistoryCaptures({ tokenId, live, names, onApply }: HistoryCapturesProps) {
  const state = useHistoryCaptures(tokenId, live, names);
  const [appliedFor, setAppliedFor] = useState<string | null>(null);
  const describedBy = useId();
  const found = state.status === 'ready' && state.result && !state.result.tooShort ? state.result : null;
  const text = found ? foundText(found, state) : (state.reason ?? '');

  return (
    <div className="history-captures">
      <button
        type="button"
        disabled={!found}
        aria-describedby={describedBy}
        onClick={() => {
          if (!found) return;
          onApply(rounded(found.captures));
          setAppliedFor(tokenId);
        }}
      >
        History captures
      </button>
      <p id={describedBy} className="hint" role="status">
        {text}
        {found && appliedFor === tokenId ? ' Applied to the bear, base and moon captures.' : ''}
      </p>
      {state.liveFailure ? <LiveFailureAlert failure={state.liveFailure} /> : null}
    </div>
  );
}
