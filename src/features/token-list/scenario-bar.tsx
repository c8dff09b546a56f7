import { memo, useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CASE_LABEL, CASES, DEFAULT_TIERS, MARKET_SIZE_RANGE, logScale, sliderPosition, sliderValue, tierLabel } from '../../engine/index.ts';
import { TARGET_CHOICES, useScreenStore } from '../../state/screen-store.ts';
import { Link } from '../../ui/link.tsx';
import { SliderField } from '../../ui/slider-field.tsx';
import { TypedInput } from '../../ui/typed-input.tsx';
import { RadioChoice } from '../../ui/radio-choice.tsx';
import { HelpTip } from '../../ui/help-tip.tsx';
import type { CaptureMode } from '../../data/captures.ts';
import type { Horizon } from '../../data/engine-input.ts';

const MODES: ReadonlyArray<{ value: CaptureMode; label: string }> = [
  { value: 'token', label: 'Per token' },
  { value: 'same', label: 'Same for all' },
  { value: 'tm', label: 'Token Metrics where published' },
];
const SUPPLIES: ReadonlyArray<{ value: Horizon; label: string }> = [
  { value: 'circ', label: 'Circulating' },
  { value: 'max', label: 'Max supply' },
];
const chooseMode = (mode: CaptureMode): void => screen().setCaptureMode(mode);
const chooseSupply = (horizon: Horizon): void => screen().setHorizon(horizon);
const SCALE = logScale(MARKET_SIZE_RANGE.min, MARKET_SIZE_RANGE.max, 200, DEFAULT_TIERS);

/** The store's actions, read when a handler runs. */
const screen = () => useScreenStore.getState();

/**
 * A typed market size, moved into the slider's range with a message that says so. The reading and its
 * messages load with the first commit: few visits to `/` type one, and its script is smaller without them.
 */
async function commitMarketSize(text: string): Promise<string | null> {
  const { typedMarketSize } = await import('../../state/typed-limits.ts');
  const typed = typedMarketSize(text);
  if (typed.ok) screen().setMarketSize(typed.value);
  return typed.message;
}

/** The bar's market size: its slider and box show the store's value. */
const BarMarketSize = memo(function BarMarketSize() {
  const marketSize = useScreenStore((st) => st.marketSize);
  return (
    <SliderField
      className="bar-size"
      label="Total market size"
      steps={SCALE.steps}
      shown={{ position: sliderPosition(SCALE, marketSize), valueText: tierLabel(marketSize) }}
      onPosition={(p) => screen().setMarketSize(sliderValue(SCALE, p))}
      box={{ label: 'Market size', placeholder: '16T', onCommit: commitMarketSize }}
    />
  );
});

/** The screener's scenario: one market size, one case, one target multiple, for every token at once. */
export const ScenarioBar = memo(function ScenarioBar({
  onExport,
  watchCount,
  hasPublished,
}: {
  readonly onExport: () => Promise<string>;
  readonly watchCount: number;
  readonly hasPublished: boolean;
}) {
  const s = useScreenStore(
    useShallow((st) => ({
      scenarioCase: st.scenarioCase,
      targetMultiple: st.targetMultiple,
      minMultiple: st.minMultiple,
      captureMode: st.captureMode,
      horizon: st.horizon,
      watchOnly: st.watchOnly,
      watchlist: st.watchlist,
    })),
  );
  const [saved, setSaved] = useState<string | null>(null);
  const ids = { target: useId(), targets: useId(), min: useId() };
  return (
    <section className="scenario-bar" aria-label="Scenario for every token">
      <BarMarketSize />
      <div role="radiogroup" aria-label="Case" className="bar-case">
        {CASES.map((c) => (
          <label key={c}>
            <input type="radio" name="screen-case" checked={s.scenarioCase === c} onChange={() => screen().setCase(c)} /> {CASE_LABEL[c]}
          </label>
        ))}
        <HelpTip term="cases" />
      </div>
      <TypedInput
        label="Target multiple"
        value={`${s.targetMultiple}x`}
        placeholder="5x"
        inputMode="decimal"
        listId={ids.targets}
        onCommit={(text) => screen().setTarget(text)}
      />
      <datalist id={ids.targets}>
        {TARGET_CHOICES.map((x) => (
          <option key={x} value={`${x}x`}>
            {x}x
          </option>
        ))}
      </datalist>
      <div className="filter">
        <label htmlFor={ids.min}>Multiple at least</label>
        <input
          id={ids.min}
          type="number"
          min={0}
          step="any"
          inputMode="decimal"
          placeholder="any"
          value={s.minMultiple > 0 ? s.minMultiple : ''}
          onChange={(e) => screen().setMinMultiple(Number(e.target.value))}
        />
      </div>
      <RadioChoice
        label="Captures"
        value={s.captureMode}
        options={hasPublished ? MODES : MODES.slice(0, 2)}
        onChange={chooseMode}
        className="bar-captures"
        help="captures"
      />
      <RadioChoice label="Supply" value={s.horizon} options={SUPPLIES} onChange={chooseSupply} className="bar-supply" help="supply" />
      <label className="choice">
        <input type="checkbox" checked={s.watchOnly} onChange={(e) => screen().setWatchOnly(e.target.checked)} /> Watchlist only ({watchCount})
      </label>
      <Link
        className={s.watchlist.length > 0 ? 'button-link' : 'button-link disabled'}
        aria-disabled={s.watchlist.length > 0 ? undefined : true}
        href={s.watchlist.length > 0 ? `/compare?ids=${s.watchlist.slice(0, 4).map(encodeURIComponent).join(',')}` : '/compare'}
      >
        Compare watched
      </Link>
      <button
        type="button"
        onClick={() => {
          onExport().then(setSaved, (error: unknown) => setSaved(`nothing: ${error instanceof Error ? error.message : 'the export failed'}`));
        }}
      >
        Export CSV
      </button>
      <span aria-live="polite" className="export-status">
        {saved ? `Saved ${saved}` : ''}
      </span>
    </section>
  );
});
