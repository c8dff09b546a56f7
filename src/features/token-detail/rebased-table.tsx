import { ScrollBox } from '../../ui/scroll-box.tsx';
import { memo, useId, useMemo } from 'react';
import { CASE_LABEL, CASES, tierLabel, type TokenInput } from '../../engine/index.ts';
import { formatPrice, formatUsdCompact } from '../../lib/format.ts';
import { pricesFrom, worstCell, type PublishedReference } from './published-reference.ts';

const NOT_PUBLISHED = 'not published';

interface RebasedTableProps {
  readonly reference: PublishedReference;
  /** True for a table the user pasted (the heading then does not name Token Metrics). */
  readonly pasted: boolean;
  /** Today's price, circulating supply and total market. */
  readonly today: TokenInput;
  /** The date of today's figures ("2026-01-09"). */
  readonly todayAsOf: string;
  readonly symbol: string;
}

/** "bear 0.450, base 0.622, moon 0.797" for the cases that were fitted. */
function capturesText(ref: PublishedReference): string {
  return CASES.flatMap((c) => (ref.captures[c] === null ? [] : [`${c} ${ref.captures[c]?.toFixed(3)}`])).join(', ');
}

/** "8T, 16T and 31T". */
function list(xs: readonly string[]): string {
  return xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`;
}

/** "8T, 16T, 23T and 31T stand for 7.75T, 15.5T, 23.3T and 31T", or null when every label is its size. */
function tierNote(ref: PublishedReference): string | null {
  const sizes = ref.tiers.map(tierLabel);
  if (sizes.every((s, i) => s === ref.labels[i])) return null;
  return `Its tiers ${list(ref.labels)} stand for ${list(sizes)} (multiples of the market of publication); both columns are at those sizes.`;
}

/**
 * A published table side by side with the same fitted captures started from today's price and total
 * market, per tier and case, with the source, its date and why the two differ.
 */
export const RebasedTable = memo(function RebasedTable({ reference: ref, pasted, today, todayAsOf, symbol }: RebasedTableProps) {
  const titleId = useId();
  const rebased = useMemo(() => pricesFrom(ref, today), [ref, today]);
  const worst = useMemo(() => worstCell(ref, today.circulatingSupply), [ref, today.circulatingSupply]);
  const title = pasted ? 'Pasted table, as published and rebased' : 'Token Metrics, as published and rebased';
  const note = tierNote(ref);
  return (
    <section aria-labelledby={titleId} className="rebased">
      <h2 id={titleId}>{title}</h2>
      <p>
        {ref.source} ({ref.asOf ?? 'date not given'}) started from {symbol} at {formatPrice(ref.p0)} in a {formatUsdCompact(ref.m0)} total crypto market
        {ref.assumedMarket ? ', a market the analysis does not state: its tiers are read as 2x, 4x, 6x and 8x of it' : ''}. {note}
      </p>
      <p>
        Rebased: the same fitted captures ({capturesText(ref)}) started from today&apos;s {formatPrice(today.price)} in a{' '}
        {formatUsdCompact(today.totalMarketCap)} market ({todayAsOf}). They differ because the published prices start from the price and total market of
        publication, and the rebased ones from today&apos;s.
      </p>
      <ScrollBox label="Token Metrics' table, as published and rebased">
        <table className="scenario-table rebased-table" aria-label={title}>
          <thead>
            <tr>
              <th scope="col">Tier</th>
              {CASES.flatMap((c) => [
                <th key={`${c}-p`} scope="col" className={`case-${c}`}>
                  {CASE_LABEL[c]} as published
                </th>,
                <th key={`${c}-r`} scope="col" className={`case-${c}`}>
                  {CASE_LABEL[c]} rebased
                </th>,
              ])}
            </tr>
          </thead>
          <tbody>
            {ref.labels.map((label, i) => (
              <tr key={ref.tiers[i] ?? label}>
                <th scope="row" title={formatUsdCompact(ref.tiers[i])}>
                  {label}
                </th>
                {CASES.flatMap((c) => {
                  const published = ref.cells[c][i];
                  const now = rebased[c][i];
                  return [
                    <td key={`${c}-p`}>{published === null || published === undefined ? NOT_PUBLISHED : formatPrice(published)}</td>,
                    <td key={`${c}-r`}>{now === null || now === undefined ? NOT_PUBLISHED : formatPrice(now)}</td>,
                  ];
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      {worst ? (
        <p className="hint">
          The fitted captures reproduce the published cells within {formatPrice(ref.maxResidual)} (largest gap at {worst.label} {worst.case}).
        </p>
      ) : null}
    </section>
  );
});
