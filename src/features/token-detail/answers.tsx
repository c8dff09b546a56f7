import { memo, useMemo } from 'react';
import { CASES, requiredMarketSize, scenarioCell, tierLabel, type TokenInput } from '../../engine/index.ts';
import { formatMultiple, formatPrice, formatShare } from '../../lib/format.ts';
import { SETTLED_SCENARIO } from '../../state/scenario-store.ts';
import { scenarioView, type ScenarioView } from './scenario-view.ts';
import { reachSentence } from './target-price.tsx';
import { useSettledStore } from '../../ui/use-settled-value.ts';

const CASE_WORD = { bear: 'bear', base: 'base', moon: 'moon' } as const;

interface AnswersProps {
  readonly input: TokenInput;
  /** Why the diluted view equals the circulating one, when it does. */
  readonly note: string | null;
  readonly symbol: string;
}

/**
 * The answers' section. It reads the scenario from the store itself; the sentences tell it once the
 * keys pause (`useSettledStore`), as a transition, and the section is busy meanwhile. Re-rendering
 * the sentences after every step was measured: at 4x CPU it put the sliders at 2.4x the bare slider's
 * latency (their text changes lay out and paint the page on every press).
 */
export function Answers({ input, note, symbol }: AnswersProps) {
  const told = useSettledStore(SETTLED_SCENARIO);
  const view = useMemo(() => scenarioView(input, note, told.value), [input, note, told.value]);
  return (
    <section aria-labelledby="answers-title" aria-busy={told.pending} className="answers">
      <Sentences view={view} symbol={symbol} />
    </section>
  );
}

/** The scenario in plain sentences, every number from the engine. */
const Sentences = memo(function Sentences({ view, symbol }: { readonly view: ScenarioView; readonly symbol: string }) {
  const { input, params } = view;
  const today = input.totalMarketCap;

  const atSize = useMemo(
    () => CASES.map((c) => ({ c, cell: scenarioCell(input, params.captures[c], params.marketSize) })),
    [input, params.captures, params.marketSize],
  );
  const tenX = useMemo(() => {
    const target = input.price * 10;
    return { target, cases: CASES.map((c) => ({ c, m: requiredMarketSize(input, params.captures[c], target) })) };
  }, [input, params.captures]);

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
        10x from today is {formatPrice(tenX.target)}: {tenX.cases.map(({ c, m }) => `the ${CASE_WORD[c]} case ${reachSentence(m, today)}`).join('; ')}.
      </p>
    </>
  );
});
