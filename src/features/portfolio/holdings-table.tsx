import { useId, useState } from 'react';
import type { Dataset } from '../../data/types.ts';
import { formatAmount, parseAmount } from '../../lib/amount.ts';
import { formatPrice } from '../../lib/format.ts';
import { findToken } from '../../lib/token-match.ts';
import { MAX_HOLDINGS, useHoldingsStore } from '../../state/holdings-store.ts';
import { Link } from '../../ui/link.tsx';
import { ScrollBox } from '../../ui/scroll-box.tsx';
import { TokenPicker } from '../../ui/token-picker.tsx';
import type { PortfolioEntry } from './portfolio-model.ts';

interface AmountInputProps {
  readonly entry: PortfolioEntry;
  readonly errorId: string;
  readonly onError: (id: string, message: string | null) => void;
}

/**
 * The amount of one holding. A valid amount is kept as it is typed; what cannot be read is said on
 * leaving the box (or Enter), and the last good amount stays in the totals meanwhile.
 */
function AmountInput({ entry, errorId, onError }: AmountInputProps) {
  const { id, name, amount } = entry.holding;
  const setAmount = useHoldingsStore((s) => s.setAmount);
  const [text, setText] = useState(amount === null ? '' : formatAmount(amount));
  const [seen, setSeen] = useState(amount);
  const [invalid, setInvalid] = useState(false);
  // A new amount from elsewhere (an import, a link) replaces what the box shows.
  if (amount !== seen) {
    setSeen(amount);
    setText(amount === null ? '' : formatAmount(amount));
  }
  const change = (value: string): void => {
    setText(value);
    const r = parseAmount(value);
    if (r.ok) {
      setSeen(r.value);
      setAmount(id, r.value);
      if (invalid) {
        setInvalid(false);
        onError(id, null);
      }
    }
  };
  const check = (): void => {
    if (text.trim() === '') {
      setAmount(id, null);
      setSeen(null);
      setInvalid(false);
      onError(id, null);
      return;
    }
    const r = parseAmount(text);
    setInvalid(!r.ok);
    onError(id, r.ok ? null : `Amount of ${name}: ${r.error}`);
  };
  return (
    <input
      type="text"
      inputMode="decimal"
      className="amount-input"
      aria-label={`Amount of ${name}`}
      aria-invalid={invalid}
      aria-describedby={invalid ? errorId : undefined}
      placeholder="e.g. 1,500"
      value={text}
      onChange={(e) => change(e.target.value)}
      onBlur={check}
      onKeyDown={(e) => {
        if (e.key === 'Enter') check();
      }}
    />
  );
}

/** `table` "Holdings": one row per token with its amount, today's price and value, and where its captures come from. */
export function HoldingsTable({ entries, dataset }: { readonly entries: readonly PortfolioEntry[]; readonly dataset: Dataset }) {
  const remove = useHoldingsStore((s) => s.remove);
  const add = useHoldingsStore((s) => s.add);
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const errorId = useId();
  const onError = (id: string, message: string | null): void =>
    setErrors((prev) => {
      const next = new Map(prev);
      if (message === null) next.delete(id);
      else next.set(id, message);
      return next;
    });
  const pick = (text: string): string | null => {
    const token = findToken(dataset.tokens, text);
    if (!token) return `No loaded token is called "${text.trim().slice(0, 40)}": type a name or symbol from the list.`;
    if (entries.some((e) => e.holding.id === token.id)) return `${token.name} is already in your holdings.`;
    if (!add(token)) return `At most ${MAX_HOLDINGS} holdings.`;
    return null;
  };
  return (
    <>
      <ScrollBox label="Holdings table">
        <table aria-label="Holdings" className="holdings-table">
          <thead>
            <tr>
              <th scope="col" className="left">
                Token
              </th>
              <th scope="col">Amount</th>
              <th scope="col" className="narrow-hide">
                Price today
              </th>
              <th scope="col">Value today</th>
              <th scope="col" className="left narrow-hide">
                Captures
              </th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.length === 0 ? (
              <tr>
                <td colSpan={6} className="left empty-row">
                  No holdings yet: add a token below, or paste a list.
                </td>
              </tr>
            ) : null}
            {entries.map((entry) => {
              const { holding, token, line } = entry;
              return (
                <tr key={holding.id}>
                  <th scope="row">
                    {token ? <Link href={`/token/${encodeURIComponent(holding.id)}`}>{holding.name}</Link> : holding.name}{' '}
                    <span className="cell-multiple">{holding.symbol}</span>
                  </th>
                  <td>
                    <AmountInput entry={entry} errorId={errorId} onError={onError} />
                  </td>
                  <td className="narrow-hide">{token ? formatPrice(token.price) : <span className="na">no price</span>}</td>
                  <td>{line && token ? formatPrice(line.amount * token.price) : <span className="na">{token ? entry.missing : 'no price'}</span>}</td>
                  <td className="left capture-src narrow-hide" title={entry.from?.detail}>
                    {entry.from?.short ?? 'not in the loaded list'}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="remove"
                      aria-label={`Remove ${holding.name}`}
                      onClick={() => {
                        remove(holding.id);
                        onError(holding.id, null);
                      }}
                    >
                      ×
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollBox>
      {/* Always present, so a message does not move the page. */}
      <p id={errorId} className="input-error amount-errors" role="alert">
        {[...errors.values()].join(' ')}
      </p>
      <TokenPicker className="add-holding" label="Token" submit="Add holding" tokens={dataset.tokens} onPick={pick} />
    </>
  );
}
