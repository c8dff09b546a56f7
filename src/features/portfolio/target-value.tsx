import { useId, useState, type FormEvent } from 'react';
import { CASES, portfolioTarget, tierLabel, TARGET_VALUE_RANGE, type PortfolioLine, type PortfolioTarget } from '../../engine/index.ts';
import { parseAmount } from '../../lib/amount.ts';
import { formatValue } from './scenarios-table.tsx';

/** Reads a target value in USD: "$250k", "1.5M", "250,000", "2e6 USD". */
export function parseTargetValue(text: string): { ok: true; value: number } | { ok: false; error: string } {
  const cleaned = text
    .trim()
    .replace(/^\$/, '')
    .replace(/\s*usd$/i, '');
  const r = parseAmount(cleaned);
  if (!r.ok) return { ok: false, error: r.error.replace('An amount', 'A target value').replace('an amount', 'a value in USD') };
  if (r.value < TARGET_VALUE_RANGE.min) return { ok: false, error: `A target value must be above $0 ("${text.trim()}" was typed).` };
  return r;
}

function answerText(answer: PortfolioTarget, totalMarketCap: number): string {
  if (answer.reach === 'always') return 'at any market size';
  if (answer.reach === 'never') return answer.why === 'flat' ? 'never: nothing counted here grows with the market' : 'beyond reach';
  return answer.marketSize <= totalMarketCap ? `reached today (${tierLabel(answer.marketSize)})` : tierLabel(answer.marketSize);
}

/** The answer to "what market size makes my portfolio worth X?", per case, in one sentence. */
export function targetAnswer(lines: readonly PortfolioLine[], target: number, totalMarketCap: number, excluded: readonly string[]): string {
  if (lines.length === 0) return 'Add holdings with amounts to answer this.';
  const parts = CASES.map((c) => `${c} ${answerText(portfolioTarget(lines, c, target), totalMarketCap)}`);
  const left = excluded.length > 0 ? ` (without ${excluded.join(', ')}: no price)` : '';
  return `${formatValue(target)} needs a total crypto market of: ${parts.join('; ')}${left}.`;
}

interface TargetValueProps {
  readonly lines: readonly PortfolioLine[];
  readonly target: number | null;
  /** What the box shows first (the address's `t`). */
  readonly initialText: string;
  /** A value read from the box (null when emptied) and the text it was read from. */
  readonly onTarget: (value: number | null, text: string) => void;
  readonly totalMarketCap: number;
  readonly excluded: readonly string[];
}

/** `textbox` "Target value" and its answer in `status` "Target value answer". */
export function TargetValue({ lines, target, initialText, onTarget, totalMarketCap, excluded }: TargetValueProps) {
  const [text, setText] = useState(initialText);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const errorId = useId();
  const commit = (e?: FormEvent): void => {
    e?.preventDefault();
    if (text.trim() === '') {
      setError(null);
      if (target !== null) onTarget(null, '');
      return;
    }
    const r = parseTargetValue(text);
    setError(r.ok ? null : r.error);
    if (r.ok && r.value !== target) onTarget(r.value, text);
  };
  return (
    <form className="typed-input target-value" onSubmit={commit}>
      <label htmlFor={id}>Target value</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        placeholder="e.g. 100k"
        value={text}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => commit()}
      />
      <button type="submit">Answer</button>
      <p role="status" aria-label="Target value answer" className="target-answer">
        {target === null
          ? 'Type a value in USD, such as 100k or 1.5M, to see the market size each case needs.'
          : targetAnswer(lines, target, totalMarketCap, excluded)}
      </p>
      <p id={errorId} className="input-error target-error" role="alert">
        {error ?? ''}
      </p>
    </form>
  );
}
