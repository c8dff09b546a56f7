import { memo, useId, useMemo, useState } from 'react';
import {
  CASES,
  EngineInputError,
  parsePrice,
  requiredMarketSize,
  requiredMarketSizeAtShare,
  scenarioCell,
  tierLabel,
  type TokenInput,
} from '../../engine/index.ts';
import { formatMultiple, formatPrice, formatShare } from '../../lib/format.ts';
import { useScenarioParams } from '../../state/scenario-store.ts';
import { scenarioView, type ScenarioView } from './scenario-view.ts';
import { INPUT_SETTLE_MS, useSettledValue } from '../../ui/use-settled-value.ts';

const CASE_WORD = { bear: 'bear', base: 'base', moon: 'moon' } as const;

/** "at 38.5T", "beyond any market size in this case", "already within reach at today's 3.11T market". */
function reachText(m: number | null, today: number): string {
  if (m === null) return 'beyond any market size in this case';
  if (m <= today) return `already within reach at today's ${tierLabel(today)} market`;
  return `at ${tierLabel(m)}`;
}

interface AnswersProps {
  readonly input: TokenInput;
  /** Why the diluted view equals the circulating one, when it does. */
  readonly note: string | null;
  readonly symbol: string;
}

/**
 * The answers' section. It reads the scenario from the store itself; the sentences tell it once the
 * keys pause (`useSettledValue`), as a transition, and the section is busy meanwhile. Re-rendering
 * the sentences after every step was measured: at 4x CPU it put the sliders at 2.4x the bare slider's
 * latency (their text changes lay out and paint the page on every press).
 */
export function Answers({ input, note, symbol }: AnswersProps) {
  const params = useScenarioParams();
  const told = useSettledValue(params, INPUT_SETTLE_MS);
  const view = useMemo(() => scenarioView(input, note, told), [input, note, told]);
  return (
    <section aria-labelledby="answers-title" aria-busy={told !== params} className="answers">
      <Sentences view={view} symbol={symbol} />
    </section>
  );
}

/** The scenario in plain sentences, every number from the engine. */
const Sentences = memo(function Sentences({ view, symbol }: { readonly view: ScenarioView; readonly symbol: string }) {
  const { input, params } = view;
  const [targetText, setTargetText] = useState('');
  const targetId = useId();
  const today = input.totalMarketCap;

  const atSize = useMemo(
    () => CASES.map((c) => ({ c, cell: scenarioCell(input, params.captures[c], params.marketSize) })),
    [input, params.captures, params.marketSize],
  );
  const tenX = useMemo(() => {
    const target = input.price * 10;
    return { target, moon: requiredMarketSize(input, params.captures.moon, target), base: requiredMarketSize(input, params.captures.base, target) };
  }, [input, params.captures.moon, params.captures.base]);

  const target = useMemo((): { ok: true; text: string } | { ok: false; text: string } | null => {
    if (targetText.trim() === '') return null;
    try {
      const t = parsePrice(targetText);
      const parts = CASES.map((c) => `${CASE_WORD[c]} ${reachText(requiredMarketSize(input, params.captures[c], t), today)}`);
      const atShare = requiredMarketSizeAtShare(input, view.share, t);
      return {
        ok: true,
        text:
          `To reach ${formatPrice(t)} (${formatMultiple(t / input.price)}): ${parts.join('; ')}. ` +
          `At your share of ${formatShare(view.share)}: ${reachText(atShare, today)}.`,
      };
    } catch (error) {
      return { ok: false, text: error instanceof EngineInputError ? `${error.message.replace(/^\w+: /, '')}.` : 'That price could not be read.' };
    }
  }, [targetText, input, params.captures, view.share, today]);

  return (
    <>
      <h2 id="answers-title">Answers</h2>
      <p>
        At a {tierLabel(params.marketSize)} total market:{' '}
        {atSize.map(({ c, cell }) => `${CASE_WORD[c]} ${formatPrice(cell.price)} (${formatMultiple(cell.multiple)})`).join(', ')}.
      </p>
      <p>
        Your point: {formatShare(view.share)} of a {tierLabel(params.marketSize)} market is {formatPrice(view.customPrice)} per {symbol} (
        {formatMultiple(view.customPrice / input.price)} today&apos;s price).
      </p>
      <p>
        10x from today is {formatPrice(tenX.target)}: reached in the moon case {reachText(tenX.moon, today)}, in the base case {reachText(tenX.base, today)}.
      </p>
      <div className="target">
        <label htmlFor={targetId}>Target price</label>
        <input
          id={targetId}
          type="text"
          inputMode="decimal"
          placeholder="e.g. 5 or $0.001"
          value={targetText}
          onChange={(e) => setTargetText(e.target.value)}
          aria-invalid={target?.ok === false}
        />
      </div>
      <p role="status" aria-label="Target answer" className={target?.ok === false ? 'input-error' : undefined}>
        {target ? target.text : 'Type a price to see the total market size each case needs.'}
      </p>
    </>
  );
});
