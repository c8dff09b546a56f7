import { useMemo } from 'react';
import { engineInputFor } from '../../data/engine-input.ts';
import { useDataset } from '../../data/queries/dataset.ts';
import { DEFAULT_CAPTURES, DEFAULT_TIERS, scenarioTable } from '../../engine/index.ts';
import { useDataConfig } from '../../state/settings-store.ts';
import { formatAsOf, formatChange, formatPrice, formatUsdCompact } from '../../lib/format.ts';
import { Link } from '../../ui/link.tsx';
import { ScenarioTable } from './scenario-table.tsx';

interface TokenDetailPageProps {
  readonly id: string;
}

/** `/token/:id`: one token and its scenario bands. */
export default function TokenDetailPage({ id }: TokenDetailPageProps) {
  const { dataset, isLoading } = useDataset(useDataConfig(), id);
  const token = dataset?.tokens.find((t) => t.id === id);
  const market = dataset?.market;
  const input = useMemo(() => (token && market ? engineInputFor(token, market, 'circ') : null), [token, market]);
  const rows = useMemo(() => (input?.ok ? scenarioTable(input.input, DEFAULT_CAPTURES, DEFAULT_TIERS) : []), [input]);

  if (isLoading) return <p className="loading">Loading…</p>;
  if (!token || !dataset) {
    return (
      <section aria-labelledby="not-found-title">
        <h1 id="not-found-title">Token not found</h1>
        <p>
          No token with the id “{id}” is loaded. <Link href="/">Browse the tokens</Link> to pick one.
        </p>
      </section>
    );
  }

  const source = dataset.sources[dataset.market.source]?.name ?? dataset.source;
  return (
    <article className="token-detail">
      <header className="token-header">
        <h1>
          {token.name} ({token.symbol})
        </h1>
        <dl className="facts">
          <div>
            <dt>Price</dt>
            <dd>{formatPrice(token.price)}</dd>
          </div>
          <div>
            <dt>Market cap</dt>
            <dd>{formatUsdCompact(token.marketCap)}</dd>
          </div>
          <div>
            <dt>Rank</dt>
            <dd>{token.rank !== null ? `#${token.rank}` : 'not available'}</dd>
          </div>
          <div>
            <dt>30d</dt>
            <dd>{formatChange(token.change.d30)}</dd>
          </div>
          <div>
            <dt>Total crypto market</dt>
            <dd>{formatUsdCompact(dataset.market.totalMarketCap)}</dd>
          </div>
        </dl>
        <p className="source">
          Source: {source}, prices as of {formatAsOf(dataset.asOf)}.
        </p>
      </header>
      {input?.ok ? <ScenarioTable rows={rows} /> : <p role="note">{input?.reason}</p>}
      <p className="assumptions">
        Capture ratios: bear {DEFAULT_CAPTURES.bear}, base {DEFAULT_CAPTURES.base}, moon {DEFAULT_CAPTURES.moon} (the
        part of its current share the token keeps of every new dollar entering the market). Circulating supply.
      </p>
    </article>
  );
}
