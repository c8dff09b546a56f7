import { memo, useCallback, useMemo, useState } from 'react';
import {
  CASES,
  DEFAULT_TIERS,
  EngineInputError,
  MARKET_SIZE_RANGE,
  SHARE_RANGE,
  logScale,
  sliderPosition,
  sliderValue,
  tierLabel,
  type Captures,
  type TokenInput,
} from '../../engine/index.ts';
import type { PublishedScenario } from '../../data/types.ts';
import type { TokenCaptures } from '../../data/captures.ts';
import { typedMarketSize, typedShare } from '../../state/typed-limits.ts';
import { formatShare, formatUsdCompact } from '../../lib/format.ts';
import { useScenarioActions, useScenarioStore } from '../../state/scenario-store.ts';
import { SliderField } from '../../ui/slider-field.tsx';
import { fitPublished, publishedName } from '../../data/published.ts';
import { useDataConfig } from '../../state/settings-store.ts';
import type { Horizon } from '../../state/url-codec.ts';
import { HistoryCaptures } from './history-captures.tsx';
import { HelpTip } from '../../ui/help-tip.tsx';
import { shareFor } from './scenario-view.ts';
import { CaptureSliders } from './capture-sliders.tsx';

const SHARE_SCALE = logScale(SHARE_RANGE.min, SHARE_RANGE.max, 300);
function errorText(error: unknown): string {
  return error instanceof EngineInputError ? error.message.replace(/^[\w.[\]]+: /, '') : 'That value could not be read.';
}

/**
 * The user's market size: its slider (snapping to the tiers) and typed box. It reads the market size
 * from the store itself, so a step of its slider re-renders this control and not the section around it.
 */
const MarketSizeControl = memo(function MarketSizeControl({ tiersKey }: { readonly tiersKey: string }) {
  const marketSize = useScenarioStore((s) => s.marketSize);
  const { setMarketSize } = useScenarioActions();
  // Snap to the user's tiers as well as the defaults, so every tier in the table is one key press away.
  const marketScale = useMemo(
    () => logScale(MARKET_SIZE_RANGE.min, MARKET_SIZE_RANGE.max, 200, [...new Set([...DEFAULT_TIERS, ...tiersKey.split(',').map(Number)])]),
    [tiersKey],
  );
  return (
    <SliderField
      label="Total market size"
      steps={marketScale.steps}
      shown={{ position: sliderPosition(marketScale, marketSize), valueText: tierLabel(marketSize) }}
      onPosition={(p) => setMarketSize(sliderValue(marketScale, p))}
      box={{
        label: 'Market size',
        placeholder: '16T',
        onCommit: (text) => {
          const typed = typedMarketSize(text);
          if (typed.ok) setMarketSize(typed.value);
          return typed.message;
        },
      }}
    />
  );
});

/**
 * The user's market share: its slider and typed box, and whether it follows the base case. It reads the
 * share in use from the store itself (a number: it moves with the market size while it follows the
 * base case), so only this control re-renders when it moves.
 */
const ShareControl = memo(function ShareControl({ input }: { readonly input: TokenInput }) {
  const share = useScenarioStore((s) => shareFor(input, s));
  const followsBase = useScenarioStore((s) => s.share === null);
  const { setShare } = useScenarioActions();
  return (
    <SliderField
      label="Market share"
      steps={SHARE_SCALE.steps}
      shown={{ position: sliderPosition(SHARE_SCALE, share), valueText: formatShare(share) }}
      onPosition={(p) => setShare(sliderValue(SHARE_SCALE, p))}
      hint={followsBase ? 'Following the base case at this market size.' : undefined}
      box={{
        label: 'Share',
        placeholder: '0.5%',
        inputMode: 'decimal',
        onCommit: (text) => {
          const typed = typedShare(text);
          if (typed.ok) setShare(typed.value);
          return typed.message;
        },
      }}
    />
  );
});

/** Circulating or fully diluted supply, and why the two are the same when they are. */
const SupplyChoice = memo(function SupplyChoice({ horizon, note }: { readonly horizon: 'circ' | 'max'; readonly note: string | null }) {
  const { setHorizon } = useScenarioActions();
  return (
    <fieldset className="supply">
      <legend>Supply at the horizon</legend>
      <HelpTip term="supply" />
      <label>
        <input type="radio" name="horizon" checked={horizon === 'circ'} onChange={() => setHorizon('circ')} /> Circulating
      </label>
      <label>
        <input type="radio" name="horizon" checked={horizon === 'max'} onChange={() => setHorizon('max')} /> Max supply (fully diluted)
      </label>
      {note ? <p className="hint">{note}</p> : null}
    </fieldset>
  );
});

interface PresetsProps {
  readonly tokenId: string;
  /** The token's own captures and where they come from. */
  readonly own: TokenCaptures;
  readonly published: PublishedScenario | undefined;
  readonly captures: Captures;
  readonly circulatingSupply: number;
  /** Token names by id, for the history's note on the tokens it covers. */
  readonly tokenNames: ReadonlyMap<string, string>;
}

/** Reset, Token Metrics' published captures, and the captures fitted from history; a note on what was applied. */
const Presets = memo(function Presets({ tokenId, own, published, captures, circulatingSupply, tokenNames }: PresetsProps) {
  const config = useDataConfig();
  const actions = useScenarioActions();
  const [presetNote, setPresetNote] = useState<string | null>(null);
  const { setCaptures } = actions;
  const applyHistory = useCallback(
    (next: Captures): void => {
      setCaptures(next);
      setPresetNote(null);
    },
    [setCaptures],
  );

  const applyPublished = (): void => {
    if (!published) return;
    let fit: ReturnType<typeof fitPublished>;
    try {
      fit = fitPublished(published, circulatingSupply);
    } catch (error) {
      setPresetNote(`${publishedName(published)} could not be fitted: ${errorText(error)}`);
      return;
    }
    const next = { ...captures };
    for (const c of CASES) next[c] = fit.captures[c] ?? next[c];
    actions.setCaptures(next);
    const fitted = CASES.filter((c) => fit.captures[c] !== null);
    setPresetNote(
      `Fitted ${fitted.join(', ')} from ${publishedName(published)} (largest gap ${(fit.maxResidual * 100).toFixed(2)} cents)` +
        (fitted.length < 3 ? '; the other cases keep their values (not published).' : '.') +
        (fit.assumedMarket ? ' Their tiers are read as 2x-8x the 3.875T market of the analysis.' : ''),
    );
  };

  return (
    <div className="presets">
      <button
        type="button"
        onClick={() => {
          actions.reset();
          setPresetNote(null);
        }}
      >
        Reset to defaults
      </button>
      <button
        type="button"
        disabled={own.origin !== 'observed' && own.origin !== 'tracks'}
        title={own.origin === 'default' ? 'No history: this token has no observed captures' : undefined}
        onClick={() => {
          actions.setCaptures(own.captures);
          setPresetNote(own.detail);
        }}
      >
        Observed captures
      </button>
      <button type="button" disabled={!published} onClick={applyPublished} title={published ? undefined : 'No published table is known for this token'}>
        Token Metrics published
      </button>
      <HistoryCaptures tokenId={tokenId} live={config.source === 'coingecko' ? config.coingecko : null} names={tokenNames} onApply={applyHistory} />
      {presetNote ? <p role="status">{presetNote}</p> : null}
    </div>
  );
});

interface ControlsProps {
  readonly tokenId: string;
  readonly input: TokenInput;
  /** Why the diluted view equals the circulating one, when it does. */
  readonly note: string | null;
  readonly captures: Captures;
  readonly tiers: readonly number[];
  readonly horizon: Horizon;
  readonly published: PublishedScenario | undefined;
  readonly own: TokenCaptures;
  readonly hasMaxSupply: boolean;
  readonly tokenNames: ReadonlyMap<string, string>;
}

/**
 * Sliders and typed inputs for the user's point and the three capture ratios, the supply toggle, presets.
 * The market size and the share read the store themselves, so a step of their sliders re-renders
 * those two controls (the share moves with the market size while it follows the base case), not this
 * section; the other parts are memoised on their own values.
 */
export const Controls = memo(function Controls({ tokenId, input, note, captures, tiers, horizon, published, own, hasMaxSupply, tokenNames }: ControlsProps) {
  return (
    <section aria-labelledby="controls-title" className="controls">
      <h2 id="controls-title">Your scenario</h2>
      <div className="control-grid">
        <MarketSizeControl tiersKey={tiers.join(',')} />
        <ShareControl input={input} />
        <CaptureSliders captures={captures} />
      </div>
      <SupplyChoice horizon={horizon} note={horizon === 'max' && !hasMaxSupply ? note : null} />
      <Presets tokenId={tokenId} own={own} published={published} captures={captures} circulatingSupply={input.circulatingSupply} tokenNames={tokenNames} />
      <TodayMarket totalMarketCap={input.totalMarketCap} />
    </section>
  );
});

const TodayMarket = memo(function TodayMarket({ totalMarketCap }: { readonly totalMarketCap: number }) {
  return (
    <p className="hint">
      Today&apos;s total crypto market: {formatUsdCompact(totalMarketCap)}. A capture of 1 keeps today&apos;s share of the market; 0.5 keeps half of it for
      every new dollar.
    </p>
  );
});
