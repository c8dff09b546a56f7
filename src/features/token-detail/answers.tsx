import { memo, useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';
import { CASES, requiredMarketSize, scenarioCell, tierLabel } from '../../engine/index.ts';
import { formatMultiple, formatPrice } from '../../lib/format.ts';
import { shareText } from './controls.tsx';
import { sameScenario, useScenarioStore } from '../../state/scenario-store.ts';
import type { ScenarioParams } from '../../state/url-codec.ts';
import type { ScenarioView } from './scenario-view.ts';
import { reachSentence } from './target-price.tsx';

const CASE_WORD = { bear: 'bear', base: 'base', moon: 'moon' } as const;

interface AnswersProps {
  /** The scenario the sentences tell: the last one the sliders rested on. */
  readonly view: ScenarioView;
  readonly symbol: string;
}

/**
 * The answers' section, busy while the store's scenario differs from the one the sentences tell (the
 * sliders move). It follows the store itself and writes `aria-busy` without a render: the first step
 * of a burst would otherwise pay for a React commit to flip it.
 */
function AnswersSection({ told, children }: { readonly told: ScenarioParams; readonly children: ReactNode }) {
  const ref = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const section = ref.current;
    if (!section) return undefined;
    const mark = (): void => {
      const busy = String(!sameScenario(useScenarioStore.getState(), told));
      if (section.getAttribute('aria-busy') !== busy) section.setAttribute('aria-busy', busy);
    };
    mark();
    return useScenarioStore.subscribe(mark);
  }, [told]);
  return (
    <section ref={ref} aria-labelledby="answers-title" className="answers">
      {children}
    </section>
  );
}

/** The scenario in plain sentences, every number from the engine. */
export const Answers = memo(function Answers({ view, symbol }: AnswersProps) {
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
    <AnswersSection told={params}>
      <h2 id="answers-title">Answers</h2>
      <p>
        At a {tierLabel(params.marketSize)} total market:{' '}
        {atSize.map(({ c, cell }) => `${CASE_WORD[c]} ${formatPrice(cell.price)} (${formatMultiple(cell.multiple)})`).join(', ')}.
      </p>
      <p>
        Your point: {shareText(view.share)} of a {tierLabel(params.marketSize)} market is {formatPrice(view.customPrice)} per {symbol} (
        {formatMultiple(view.customPrice / input.price)} today&apos;s price).
      </p>
      <p>
        10x from today is {formatPrice(tenX.target)}: {tenX.cases.map(({ c, m }) => `the ${CASE_WORD[c]} case ${reachSentence(m, today)}`).join('; ')}.
      </p>
    </AnswersSection>
  );
});
