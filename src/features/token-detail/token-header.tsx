import type { ReactNode } from 'react';
import type { Dataset, Token } from '../../data/types.ts';
import { formatDated, formatChange, formatPrice, formatSupply, formatUsdCompact } from '../../lib/format.ts';
import { Logo } from '../../ui/logo.tsx';
import { NotAvailable } from '../../ui/not-available.tsx';

function Fact({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function change(pct: number | null): ReactNode {
  return pct === null ? <NotAvailable /> : <span className={pct < 0 ? 'down' : 'up'}>{formatChange(pct)}</span>;
}

/** Name, price, cap, rank, changes, and where the numbers come from. */
export function TokenHeader({ token, dataset }: { readonly token: Token; readonly dataset: Dataset }) {
  const source = dataset.sources[dataset.market.source]?.name ?? dataset.source;
  return (
    <header className="token-header">
      <h1>
        <Logo src={dataset.source === 'snapshot' ? null : token.logo} symbol={token.symbol} id={token.id} size={32} />
        {token.name} ({token.symbol})
      </h1>
      <dl className="facts">
        <Fact label="Price">{formatPrice(token.price)}</Fact>
        <Fact label="Market cap">{token.marketCap !== null ? formatUsdCompact(token.marketCap) : <NotAvailable />}</Fact>
        <Fact label="Rank">{token.rank !== null ? `#${token.rank}` : <NotAvailable />}</Fact>
        <Fact label="24h">{change(token.change.h24)}</Fact>
        <Fact label="30d">{change(token.change.d30)}</Fact>
        <Fact label="Circulating supply">{token.circulatingSupply !== null ? formatSupply(token.circulatingSupply) : <NotAvailable />}</Fact>
        <Fact label="Max supply">{token.maxSupply !== null ? formatSupply(token.maxSupply) : <NotAvailable />}</Fact>
        <Fact label="Total crypto market">{formatUsdCompact(dataset.market.totalMarketCap)}</Fact>
      </dl>
      <p className="source">
        Source: {source}; prices of {formatDated(dataset.asOf)}, total market of {formatDated(dataset.market.asOf)}.
        {dataset.source === 'snapshot'
          ? ' Everything here comes from the embedded snapshot.'
          : ' Prices and the total market are live; grades without a key, published tables, observed captures and history come from the embedded snapshot.'}
      </p>
    </header>
  );
}
