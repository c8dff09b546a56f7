import { memo, useId, useMemo, useState } from 'react';
import {
  CASE_LABEL,
  CASES,
  EngineInputError,
  MARKET_SIZE_RANGE,
  parsePrice,
  requiredMarketSize,
  requiredMarketSizeAtShare,
  tierLabel,
  type TokenInput,
} from '../../engine/index.ts';
import { formatMultiple, formatPrice, formatShare } from '../../lib/format.ts';
import { SETTLED_SCENARIO, useScenarioActions, useTarget } from '../../state/scenario-store.ts';
import { useSettledStore } from '../../ui/use-settled-value.ts';
import { scenarioView, type ScenarioView } from './scenario-view.ts';

const RANGE = `${tierLabel(MARKET_SIZE_RANGE.min)} to ${tierLabel(MARKET_SIZE_RANGE.max)}`;

/**
 * Where a market size `m` (USD, or null: never) puts a target: "needs a 38.5T total market", "already
 * reached at today's 3.11T market", or "cannot reach it within the model's range (0.5T to 100T)".
 */
export function reachSentence(m: number | null, today: number): string {
  if (m !== null && m <= today) return `already reached at today's ${tierLabel(today)} market`;
  if (m === null || m > MARKET_SIZE_RANGE.max) return `cannot reach it within the model's range of total market sizes (${RANGE})`;
  return `needs a ${tierLabel(m)} total market`;
}

/** The answer to a target price for the scenario `view`: one sentence per case, then the fixed-share one. */
export function targetAnswer(view: ScenarioView, target: number): { readonly lead: string; readonly lines: readonly string[] } {
  const { input, params } = view;
  const today = input.totalMarketCap;
  const lines = CASES.map((c) => `${CASE_LABEL[c]} case: ${reachSentence(requiredMarketSize(input, params.captures[c], target), today)}.`);
  const atShare = requiredMarketSizeAtShare(input, view.share, target);
  lines.push(`At your share of ${formatShare(view.share)} (a fixed share of any market size, not a case): ${reachSentence(atShare, today)}.`);
  return { lead: `To reach ${formatPrice(target)} (${formatMultiple(target / input.price)} today's ${formatPrice(input.price)}):`, lines };
}

/** The box's text for a target held in the store ("" for none). */
const textOf = (target: number | null): string => (target === null ? '' : String(target));

/** A typed target: a price, none (empty), or the reason it cannot be used. */
function readTyped(text: string): { ok: true; price: number | null } | { ok: false; message: string } {
  if (text.trim() === '') return { ok: true, price: null };
  try {
    return { ok: true, price: parsePrice(text) };
  } catch (error) {
    const why = error instanceof EngineInputError ? error.message.replace(/^\w+: /, '') : `"${text}" could not be read`;
    return { ok: false, message: `${why}. A target is a price in USD above 0, such as 2.50 or $0.001 (at most $1,000,000,000,000,000).` };
  }
}

/**
 * "Target price": a box whose price is kept in the store (and so the link, `t`) and drawn on the chart,
 * and its answer, one sentence per case, announced politely (`status` "Target answer"). The sentences
 * follow the scenario once the keys pause, as the answers do.
 */
export function TargetPrice({ input, note }: { readonly input: TokenInput; readonly note: string | null }) {
  const told = useSettledStore(SETTLED_SCENARIO).value;
  const view = useMemo(() => scenarioView(input, note, told), [input, note, told]);
  return <TargetBox view={view} />;
}

const TargetBox = memo(function TargetBox({ view }: { readonly view: ScenarioView }) {
  const target = useTarget();
  const { setTarget } = useScenarioActions();
  const [text, setText] = useState(() => textOf(target));
  const [held, setHeld] = useState(target);
  const id = useId();
  const typed = readTyped(text);
  // A target set elsewhere (a link read on back or forward) replaces the box's text, unless it says the same.
  if (held !== target) {
    setHeld(target);
    if (!(typed.ok && typed.price === target)) setText(textOf(target));
  }
  const answer = useMemo(() => (target === null ? null : targetAnswer(view, target)), [view, target]);
  const onChange = (next: string): void => {
    setText(next);
    const read = readTyped(next);
    // An unreadable price clears the line: the chart never shows a target the box does not say.
    const price = read.ok ? read.price : null;
    setHeld(price);
    setTarget(price);
  };
  return (
    <div className="target">
      {/* `typed-input`: the look of every typed box (src/ui/ui.css). */}
      <div className="typed-input target-field">
        <label htmlFor={id}>Target price</label>
        <input
          id={id}
          type="text"
          inputMode="decimal"
          placeholder="e.g. 5 or $0.001"
          value={text}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={!typed.ok}
          aria-describedby={`${id}-answer`}
        />
      </div>
      <p id={`${id}-answer`} role="status" aria-live="polite" aria-label="Target answer" className={typed.ok ? 'target-answer' : 'target-answer input-error'}>
        {!typed.ok ? (
          typed.message
        ) : answer ? (
          <>
            {answer.lead}
            {answer.lines.map((line) => (
              <span key={line} className="target-line">
                {line}
              </span>
            ))}
          </>
        ) : (
          'Type a price to see the total market size each case needs; it is drawn on the chart and kept in the link.'
        )}
      </p>
    </div>
  );
});
