import { useId, useState, type ChangeEvent } from 'react';
import type { Dataset, Token } from '../../data/types.ts';
import { formatAmount } from '../../lib/amount.ts';
import { formatPrice } from '../../lib/format.ts';
import { HOLDINGS_PASTE_LIMITS, parseHoldingsPaste, type PastedHolding } from '../../lib/holdings-paste.ts';
import { matchTokens } from '../../lib/token-match.ts';
import { useHoldingsStore, type MergeReport } from '../../state/holdings-store.ts';

interface Ambiguous {
  readonly pasted: PastedHolding;
  readonly options: readonly Token[];
}

interface Outcome {
  readonly summary: string;
  readonly unknown: readonly PastedHolding[];
  readonly ambiguous: readonly Ambiguous[];
  readonly errors: readonly string[];
}

const lineList = (lines: readonly number[]): string => `line${lines.length > 1 ? 's' : ''} ${lines.join(', ')}`;

function reportText(report: MergeReport): string {
  const parts = [
    report.added.length > 0 ? `added ${report.added.join(', ')}` : '',
    report.updated.length > 0 ? `updated the amount of ${report.updated.join(', ')}` : '',
    report.skipped.length > 0 ? `left out ${report.skipped.join(', ')} (the list is full)` : '',
  ].filter(Boolean);
  return parts.length > 0 ? `Imported: ${parts.join('; ')}.` : '';
}

/** One symbol two tokens share: the user picks which one they hold. */
function ChooseToken({ item, onDone }: { readonly item: Ambiguous; readonly onDone: (token: Token | null) => void }) {
  const [choice, setChoice] = useState(item.options[0]?.id ?? '');
  const id = useId();
  const { text, amount } = item.pasted;
  return (
    <li>
      <span>
        “{text}” ({formatAmount(amount)}) is {item.options.length} tokens: which one do you hold?
      </span>{' '}
      <label htmlFor={id}>Token for {text}</label>{' '}
      <select id={id} value={choice} onChange={(e) => setChoice(e.target.value)}>
        {item.options.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name} ({t.symbol}), {formatPrice(t.price)}
            {t.rank !== null ? `, rank ${t.rank}` : ''}
          </option>
        ))}
      </select>{' '}
      <button type="button" onClick={() => onDone(item.options.find((t) => t.id === choice) ?? null)}>
        Add {text}
      </button>{' '}
      <button type="button" onClick={() => onDone(null)}>
        Skip {text}
      </button>
    </li>
  );
}

/**
 * "Paste holdings" and a CSV file: lines that name one loaded token are merged at once; unknown names and
 * symbols two tokens share are listed to resolve. A paste that yields nothing changes nothing.
 */
export function PasteImport({ dataset }: { readonly dataset: Dataset }) {
  const merge = useHoldingsStore((s) => s.merge);
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const areaId = useId();
  const fileId = useId();

  const apply = (input: string): void => {
    const parsed = parseHoldingsPaste(input);
    const ready: Array<{ token: Token; amount: number }> = [];
    const unknown: PastedHolding[] = [];
    const ambiguous: Ambiguous[] = [];
    for (const pasted of parsed.holdings) {
      const found = matchTokens(dataset.tokens, pasted.text);
      if (found.length === 1 && found[0]) ready.push({ token: found[0], amount: pasted.amount });
      else if (found.length === 0) unknown.push(pasted);
      else ambiguous.push({ pasted, options: found.slice(0, 8) });
    }
    const report = merge(ready.map(({ token, amount }) => ({ id: token.id, name: token.name, symbol: token.symbol, amount })));
    const done = reportText(report);
    const left = unknown.length + ambiguous.length + parsed.errors.length;
    const summary =
      done !== ''
        ? `${done}${left > 0 ? ` ${left} line${left > 1 ? 's need' : ' needs'} you: see below.` : ''}`
        : `Nothing imported from ${parsed.shape}: your holdings are unchanged.${left === 0 ? ' Write one token and amount per line, such as "ADA, 1500", or paste a CSV with a symbol and an amount column.' : ''}`;
    setOutcome({ summary, unknown, ambiguous, errors: parsed.errors.map((e) => e.message) });
    // A clean import empties the box; anything to fix keeps the text, so nothing typed is lost.
    if (left === 0 && done !== '') setText('');
  };

  const readFile = (e: ChangeEvent<HTMLInputElement>): void => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    if (file.size > HOLDINGS_PASTE_LIMITS.chars * 4) {
      setOutcome({
        summary: `${file.name} is too large (${Math.round(file.size / 1024)} kB); a holdings file is at most about 200 kB.`,
        unknown: [],
        ambiguous: [],
        errors: [],
      });
      return;
    }
    void file.text().then(apply);
  };

  const resolve = (item: Ambiguous, token: Token | null): void => {
    const report = token ? merge([{ id: token.id, name: token.name, symbol: token.symbol, amount: item.pasted.amount }]) : null;
    setOutcome((prev) =>
      prev
        ? {
            ...prev,
            summary: report ? reportText(report) : `Skipped “${item.pasted.text}”.`,
            ambiguous: prev.ambiguous.filter((a) => a !== item),
          }
        : prev,
    );
  };

  return (
    <section className="paste-import" aria-labelledby={`${areaId}-h`}>
      <h2 id={`${areaId}-h`}>Import holdings</h2>
      <label htmlFor={areaId}>Paste holdings</label>
      <textarea
        id={areaId}
        rows={5}
        value={text}
        placeholder={'ADA, 1500\nBitcoin 0.25\n2e6 SHIB\n(or an exchange CSV with a symbol and an amount column)'}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="paste-actions">
        <button type="button" onClick={() => apply(text)} disabled={text.trim() === ''}>
          Import holdings
        </button>
        <label className="file-label" htmlFor={fileId}>
          or a CSV file: <input id={fileId} type="file" accept=".csv,.txt,text/csv,text/plain" onChange={readFile} />
        </label>
      </div>
      <p role="status" className="paste-status">
        {outcome?.summary ?? ''}
      </p>
      {outcome && outcome.unknown.length > 0 ? (
        <ul aria-label="Not found" className="paste-issues">
          {outcome.unknown.map((u) => (
            <li key={u.text}>
              “{u.text}” ({lineList(u.lines)}): no loaded token has this name or symbol. Add it with “Add holding” under another name, or check the spelling.
            </li>
          ))}
        </ul>
      ) : null}
      {outcome && outcome.ambiguous.length > 0 ? (
        <ul aria-label="Choose a token" className="paste-issues">
          {outcome.ambiguous.map((a) => (
            <ChooseToken key={a.pasted.text} item={a} onDone={(token) => resolve(a, token)} />
          ))}
        </ul>
      ) : null}
      {outcome && outcome.errors.length > 0 ? (
        <ul aria-label="Lines not read" className="paste-issues">
          {outcome.errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
