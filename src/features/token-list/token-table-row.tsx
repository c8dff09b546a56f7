import { memo } from 'react';
import { formatChange, formatPrice, formatUsdCompact } from '../../lib/format.ts';
import { Link } from '../../ui/link.tsx';
import { Logo } from '../../ui/logo.tsx';
import { NotAvailable } from '../../ui/not-available.tsx';
import type { TokenRow } from './select-tokens.ts';

function Change({ pct }: { readonly pct: number | null }) {
  if (pct === null) return <NotAvailable />;
  const text = formatChange(pct);
  return <span className={text === '0%' ? undefined : pct < 0 ? 'down' : 'up'}>{text}</span>;
}

/** One row of the token browser (memoised: scrolling re-renders only rows that enter the window). */
export const TokenTableRow = memo(function TokenTableRow({ row, index, height }: { readonly row: TokenRow; readonly index: number; readonly height: number }) {
  const { token } = row;
  return (
    <tr aria-rowindex={index} style={{ height }}>
      <td>{token.rank ?? <NotAvailable />}</td>
      <td className="left">
        <div className="name-cell">
          <Logo src={token.logo} size={20} />
          <Link href={`/token/${encodeURIComponent(token.id)}`}>{token.name}</Link>
        </div>
      </td>
      <td className="left">{token.symbol}</td>
      <td>{formatPrice(token.price)}</td>
      <td>{token.marketCap !== null ? formatUsdCompact(token.marketCap) : <NotAvailable />}</td>
      <td>
        <Change pct={token.change.h24} />
      </td>
      <td>
        <Change pct={token.change.d30} />
      </td>
      <td>{row.tmGrade !== null ? `${row.tmGrade.toFixed(1)} ${row.rating ?? ''}`.trim() : <NotAvailable />}</td>
      <td>{row.traderGrade !== null ? row.traderGrade.toFixed(1) : <NotAvailable />}</td>
      <td>{row.signal === null ? <NotAvailable /> : <span className={row.signal > 0 ? 'badge up' : 'badge down'}>{row.signal > 0 ? 'Bullish' : 'Bearish'}</span>}</td>
    </tr>
  );
});
