import { memo, useId, useState, type FormEvent } from 'react';
import type { PublishedPoint } from '../../data/published.ts';
import { CASES, EngineInputError, tierLabel, type Captures } from '../../engine/index.ts';
import { formatPrice, formatUsdCompact } from '../../lib/format.ts';
import { statedReference } from '../../data/paste-reference.ts';
import { parsePublishedTable } from '../../data/paste-table.ts';
import { useScenarioActions } from '../../state/scenario-store.ts';
import { marketFieldText, priceFieldText, readReference, referenceFromPaste, worstCell, type PublishedReference } from './published-reference.ts';

/** Token Metrics' tier labels and the multiples of the market of the day they stand for (docs/scenario-model.md). */
const TM_SERIES: ReadonlyMap<number, number> = new Map([
  [8e12, 2],
  [16e12, 4],
  [23e12, 6],
  [31e12, 8],
]);

/** Where a reference field's value came from, said beside it. */
type Origin = 'text' | 'known' | 'typed' | 'none';

interface Field {
  readonly text: string;
  readonly origin: Origin;
  /** The value the pasted text stated when it last filled this field (so an unchanged statement does not overwrite an edit). */
  readonly stated: string | null;
}

interface ImportTableProps {
  readonly circulatingSupply: number;
  /** The token's known publication (its price and market at publication fill the fields), or null. */
  readonly known: PublishedReference | null;
  /** The pasted table's cells, for the chart (null clears them). */
  readonly onPoints: (points: PublishedPoint[] | null) => void;
  /** The fitted pasted table, in its own frame, for the rebased view. */
  readonly onFitted: (reference: PublishedReference) => void;
}

function knownField(value: string | null): Field {
  return value === null ? { text: '', origin: 'none', stated: null } : { text: value, origin: 'known', stated: null };
}

/** The field after the pasted text changed: the text's statement when it makes a new one, else as it was. */
function followText(field: Field, stated: string | null, fallback: Field): Field {
  if (stated !== null) return stated === field.stated ? field : { text: stated, origin: 'text', stated };
  // The statement was removed from the text: back to what the field held without it.
  return field.origin === 'text' ? fallback : { ...field, stated: null };
}

interface ReferenceFieldProps {
  readonly label: string;
  readonly placeholder: string;
  readonly decimal?: boolean;
  readonly field: Field;
  /** What is wrong with the value, naming what is allowed; null when nothing is. */
  readonly error: string | null;
  /** Where the value came from. */
  readonly note: string;
  readonly onChange: (field: Field) => void;
}

/** One of the two reference boxes, with where its value came from or what is wrong with it. */
function ReferenceField({ label, placeholder, decimal = false, field, error, note, onChange }: ReferenceFieldProps) {
  const id = useId();
  const noteId = useId();
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="typed-box"
        type="text"
        {...(decimal ? { inputMode: 'decimal' as const } : {})}
        placeholder={placeholder}
        value={field.text}
        aria-invalid={error !== null}
        aria-describedby={noteId}
        onChange={(e) => onChange({ text: e.target.value, origin: 'typed', stated: field.stated })}
      />
      <span id={noteId} className={error ? 'input-error' : 'hint'}>
        {error ?? note}
      </span>
    </>
  );
}

/**
 * "Import published table": paste tiers x bear/base/moon prices as published, with the price and total
 * market they started from, fit the captures, and the chart extends those bands to every market size.
 * The start is read from the text when it says it, else from the token's known publication, else the user
 * must give it. Garbage gets a message naming the line or the field; the pasted text stays.
 */
export const ImportTable = memo(function ImportTable({ circulatingSupply, known, onPoints, onFitted }: ImportTableProps) {
  const { setCaptures } = useScenarioActions();
  const textId = useId();
  const knownPrice = knownField(known ? priceFieldText(known.p0) : null);
  const knownMarket = knownField(known ? marketFieldText(known.m0) : null);
  const [text, setText] = useState('');
  const [price, setPrice] = useState<Field>(knownPrice);
  const [market, setMarket] = useState<Field>(knownMarket);
  const [multiples, setMultiples] = useState(true);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<{ price: string | null; market: string | null }>({ price: null, market: null });

  const onText = (next: string): void => {
    setText(next);
    const stated = statedReference(next);
    setPrice((f) => followText(f, stated.price, knownPrice));
    setMarket((f) => followText(f, stated.market, knownMarket));
  };

  const origin = (o: Origin): string => {
    if (o === 'text') return 'From the pasted text.';
    if (o === 'known' && known) return `From ${known.source} (${known.asOf ?? 'date not given'}).`;
    if (o === 'none') return 'Required: the text does not say it and no publication is known for this token.';
    return '';
  };

  const fit = (event: FormEvent): void => {
    event.preventDefault();
    const stated = statedReference(text);
    const table = parsePublishedTable(stated.rest);
    const reading = readReference(price.text, market.text);
    setFieldErrors(reading.ok ? { price: null, market: null } : { price: reading.price, market: reading.market });
    if (!table.ok) {
      setResult({ ok: false, text: table.error });
      return;
    }
    if (!reading.ok) {
      setResult({ ok: false, text: [reading.price, reading.market].filter((m) => m !== null).join(' ') });
      return;
    }
    try {
      const { p0, m0 } = reading;
      const isSeries = table.tiers.every((t) => TM_SERIES.has(t));
      const asMultiples = multiples && isSeries;
      const tiers = asMultiples ? table.tiers.map((t) => (TM_SERIES.get(t) ?? 1) * m0) : table.tiers;
      const cells = { bear: table.bear, base: table.base, moon: table.moon };
      const reference = referenceFromPaste({ labels: table.tiers.map(tierLabel), tiers, cells }, p0, m0, circulatingSupply);
      const next: Record<keyof Captures, number> = { bear: 0.5, base: 0.75, moon: 1 };
      const missing: string[] = [];
      for (const c of CASES) {
        const v = reference.captures[c];
        if (v === null) missing.push(c);
        else next[c] = Number(v.toFixed(4));
      }
      setCaptures(next);
      onPoints(
        CASES.flatMap((c) =>
          tiers.flatMap((m, i) => {
            const cell = cells[c][i];
            return cell === null || cell === undefined ? [] : [{ m, price: cell, case: c }];
          }),
        ),
      );
      onFitted(reference);
      const worst = worstCell(reference, circulatingSupply);
      setResult({
        ok: true,
        text:
          `Fitted from ${reference.cellCount} cells: ${CASES.filter((c) => reference.captures[c] !== null)
            .map((c) => `${c} ${reference.captures[c]?.toFixed(3)}`)
            .join(', ')}; ` +
          `largest gap ${formatPrice(reference.maxResidual)}` +
          (worst ? ` (${worst.label} ${worst.case}: published ${formatPrice(worst.published)})` : '') +
          `; started from ${formatPrice(p0)} in a ${formatUsdCompact(m0)} market` +
          (missing.length > 0 ? `; ${missing.join(' and ')} not published (left at defaults)` : '') +
          (asMultiples ? `; tiers read as 2x-8x the ${formatUsdCompact(m0)} market` : '') +
          (table.warnings.length > 0 ? `. ${table.warnings.join(' ')}` : '.'),
      });
    } catch (error) {
      setResult({ ok: false, text: error instanceof EngineInputError ? error.message : 'The table could not be fitted.' });
    }
  };

  return (
    <details className="import-table">
      <summary>Import published table</summary>
      <form onSubmit={fit} noValidate>
        <label htmlFor={textId}>Published table</label>
        <textarea
          id={textId}
          rows={6}
          value={text}
          spellCheck={false}
          placeholder={
            '8T  0.94  1.05  1.16\n16T $1.53 | $1.86 | $2.20\n23T 2.11 2.67 3.23\n31T 2.70 3.48 4.27\n(or on one line: 8T: 0.94 / 1.05 / 1.16; 16T: …)'
          }
          onChange={(e) => onText(e.target.value)}
        />
        <div className="import-frame">
          <ReferenceField
            label="Price when published"
            placeholder="0.645"
            decimal
            field={price}
            error={fieldErrors.price}
            note={origin(price.origin)}
            onChange={setPrice}
          />
          <ReferenceField
            label="Total market when published"
            placeholder="3.875T"
            field={market}
            error={fieldErrors.market}
            note={origin(market.origin)}
            onChange={setMarket}
          />
        </div>
        <label className="choice">
          <input type="checkbox" checked={multiples} onChange={(e) => setMultiples(e.target.checked)} /> Read 8T, 16T, 23T, 31T as 2x, 4x, 6x, 8x the market at
          publication (Token Metrics&apos; convention)
        </label>
        <button type="submit">Fit captures</button>
        {result ? (
          <p role={result.ok ? 'status' : 'alert'} className={result.ok ? 'import-result' : 'input-error'}>
            {result.text}
          </p>
        ) : null}
      </form>
    </details>
  );
});
