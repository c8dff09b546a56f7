import { memo, useId, useState, type FormEvent } from 'react';
import type { PublishedPoint } from '../../data/published.ts';
import { CASES, EngineInputError, calibrate, parseMarketSize, parsePrice, tierLabel, type Captures } from '../../engine/index.ts';
import { formatPrice, formatUsdCompact } from '../../lib/format.ts';
import { parsePublishedTable } from '../../lib/paste-table.ts';
import { useScenarioActions } from '../../state/scenario-store.ts';

/** Token Metrics' tier labels and the multiples of the market of the day they stand for (docs/scenario-model.md). */
const TM_SERIES: ReadonlyMap<number, number> = new Map([
  [8e12, 2],
  [16e12, 4],
  [23e12, 6],
  [31e12, 8],
]);

interface ImportTableProps {
  readonly todayPrice: number;
  readonly todayMarket: number;
  readonly circulatingSupply: number;
  /** The pasted table's cells, for the chart (null clears them). */
  readonly onPoints: (points: PublishedPoint[] | null) => void;
}

/**
 * "Import published table": paste tiers x bear/base/moon prices as published, fit the captures, and the
 * chart extends those bands to every market size. Garbage gets a message naming the line.
 */
export const ImportTable = memo(function ImportTable({ todayPrice, todayMarket, circulatingSupply, onPoints }: ImportTableProps) {
  const { setCaptures } = useScenarioActions();
  const ids = { text: useId(), price: useId(), market: useId() };
  const [text, setText] = useState('');
  const [priceText, setPriceText] = useState(String(Number(todayPrice.toPrecision(4))));
  const [marketText, setMarketText] = useState(tierLabel(todayMarket));
  const [multiples, setMultiples] = useState(true);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const fit = (event: FormEvent): void => {
    event.preventDefault();
    const table = parsePublishedTable(text);
    if (!table.ok) {
      setResult({ ok: false, text: table.line > 0 ? `Line ${table.line}: ${table.error.replace(/^Line \d+: /, '')}` : table.error });
      return;
    }
    try {
      const p0 = parsePrice(priceText, 'price at publication');
      const m0 = parseMarketSize(marketText, 'market at publication');
      const isSeries = table.tiers.every((t) => TM_SERIES.has(t));
      const tiers = multiples && isSeries ? table.tiers.map((t) => (TM_SERIES.get(t) ?? 1) * m0) : table.tiers;
      const fitted = calibrate({ price: p0, circulatingSupply, totalMarketCap: m0 }, tiers, { bear: table.bear, base: table.base, moon: table.moon });
      const next: Record<keyof Captures, number> = { bear: 0.5, base: 0.75, moon: 1 };
      const missing: string[] = [];
      for (const c of CASES) {
        const v = fitted.captures[c];
        if (v === null) missing.push(c);
        else next[c] = Number(v.toFixed(4));
      }
      setCaptures(next);
      onPoints(CASES.flatMap((c) => tiers.flatMap((m, i) => {
        const price = table[c][i];
        return price === null || price === undefined ? [] : [{ m, price, case: c }];
      })));
      setResult({
        ok: true,
        text:
          `Fitted from ${fitted.cells} cells: ${CASES.filter((c) => fitted.captures[c] !== null).map((c) => `${c} ${fitted.captures[c]?.toFixed(3)}`).join(', ')}; ` +
          `largest gap ${formatPrice(fitted.maxResidual)}` +
          (missing.length > 0 ? `; ${missing.join(' and ')} not published (left at defaults)` : '') +
          (multiples && isSeries ? `; tiers read as 2x-8x the ${formatUsdCompact(m0)} market` : '') +
          (table.warnings.length > 0 ? `. ${table.warnings.join(' ')}` : '.'),
      });
    } catch (error) {
      setResult({ ok: false, text: error instanceof EngineInputError ? error.message : 'The table could not be fitted.' });
    }
  };

  return (
    <details className="import-table">
      <summary>Import published table</summary>
      <form onSubmit={fit}>
        <label htmlFor={ids.text}>Published table</label>
        <textarea
          id={ids.text}
          rows={6}
          value={text}
          spellCheck={false}
          placeholder={'8T  0.94  1.05  1.16\n16T $1.53 | $1.86 | $2.20\n23T 2.11 2.67 3.23\n31T 2.70 3.48 4.27'}
          onChange={(e) => setText(e.target.value)}
        />
        <div className="import-frame">
          <label htmlFor={ids.price}>Price at publication</label>
          <input id={ids.price} type="text" inputMode="decimal" value={priceText} onChange={(e) => setPriceText(e.target.value)} />
          <label htmlFor={ids.market}>Total market at publication</label>
          <input id={ids.market} type="text" value={marketText} onChange={(e) => setMarketText(e.target.value)} />
        </div>
        <label className="choice">
          <input type="checkbox" checked={multiples} onChange={(e) => setMultiples(e.target.checked)} /> Read 8T, 16T, 23T, 31T as 2x, 4x, 6x, 8x the market at publication
          (Token Metrics&apos; convention)
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
