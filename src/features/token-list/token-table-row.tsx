import { memo } from 'react';
import { formatChange, formatMultiple, formatPrice, formatUsdCompact } from '../../lib/format.ts';
import { Link } from '../../ui/link.tsx';
import { Logo } from '../../ui/logo.tsx';
import { NotAvailable } from '../../ui/not-available.tsx';
import type { TokenRow } from './select-tokens.ts';
import type { ScreenCells } from './use-screen.ts';

/** "reached today", "beyond reach" or the market size, for the Needs column; "never" for a pegged asset. */
function needsText(cells: ScreenCells, today: number): string {
  if (cells.from.peg?.kind === 'pegged') return 'never: pegged';
  if (cells.needs === null) return 'beyond reach';
  if (cells.needs <= today) return 'reached today';
  return formatUsdCompact(cells.needs);
}

interface RowProps {
  readonly row: TokenRow;
  readonly index: number;
  readonly height: number;
  readonly cells: ScreenCells | null;
  readonly todayMarket: number;
  readonly watched: boolean;
  /** Remote logos only with live data: on the snapshot no request leaves the app. */
  readonly remoteLogo: boolean;
  readonly onWatch: (id: string) => void;
  /** The screener's scenario for the token's link ("?m=23T&case=moon"). */
  readonly linkQuery: string;
}

function Change({ pct }: { readonly pct: number | null }) {
  if (pct === null) return <NotAvailable />;
  const text = formatChange(pct);
  return <span className={text === '0%' ? undefined : pct < 0 ? 'down' : 'up'}>{text}</span>;
}

/** The capture of the chosen case and where it comes from ("0.62 observed"); a pegged asset's peg. */
function CaptureText({ cells }: { readonly cells: ScreenCells }) {
  const { from } = cells;
  if (from.peg?.kind === 'pegged') return <span className={`capture-src ${from.origin}`}>{from.short}</span>;
  return (
    <>
      {cells.capture.toFixed(2)} <span className={`capture-src ${from.origin}`}>{from.short}</span>
    </>
  );
}

/** One row of the token browser (memoised: scrolling re-renders only rows that enter the window). */
export const TokenTableRow = memo(function TokenTableRow({ row, index, height, cells, todayMarket, watched, remoteLogo, onWatch, linkQuery }: RowProps) {
  const { token } = row;
  return (
    <tr aria-rowindex={index} style={{ height }}>
      <td>
        <button type="button" className="star" aria-pressed={watched} aria-label={`Watch ${token.name}`} onClick={() => onWatch(token.id)}>
          {watched ? '★' : '☆'}
        </button>
      </td>
      <td className="col-rank">{token.rank ?? <NotAvailable />}</td>
      <td className="col-name left">
        <div className="name-cell">
          <Logo src={remoteLogo ? token.logo : null} symbol={token.symbol} id={token.id} size={20} />
          <Link href={`/token/${encodeURIComponent(token.id)}${linkQuery}`}>{token.name}</Link>
        </div>
      </td>
      <td className="col-symbol left clip">{token.symbol}</td>
      <td className="col-price">{formatPrice(token.price)}</td>
      <td className="col-marketCap">{token.marketCap !== null ? formatUsdCompact(token.marketCap) : <NotAvailable />}</td>
      <td className="col-scenarioPrice">{cells?.price != null ? formatPrice(cells.price) : <NotAvailable />}</td>
      <td className="col-capture left clip capture-cell" title={cells?.from.detail}>
        {cells ? <CaptureText cells={cells} /> : <NotAvailable />}
      </td>
      <td className="col-multiple">
        {cells?.from.peg?.kind === 'pegged' ? 'pegged' : cells?.multiple != null ? formatMultiple(cells.multiple) : <NotAvailable />}
      </td>
      <td className="col-needs clip">{cells ? needsText(cells, todayMarket) : <NotAvailable />}</td>
      <td className="col-h24">
        <Change pct={token.change.h24} />
      </td>
      <td className="col-d30">
        <Change pct={token.change.d30} />
      </td>
      <td className="col-tmGrade clip">{row.tmGrade !== null ? `${row.tmGrade.toFixed(1)} ${row.rating ?? ''}`.trim() : <NotAvailable />}</td>
      <td className="col-traderGrade">{row.traderGrade !== null ? row.traderGrade.toFixed(1) : <NotAvailable />}</td>
      <td className="col-signal">
        {row.signal === null ? <NotAvailable /> : <span className={row.signal > 0 ? 'badge up' : 'badge down'}>{row.signal > 0 ? 'Bullish' : 'Bearish'}</span>}
      </td>
    </tr>
  );
});
