import { useMemo } from 'react';
import { DEFAULT_CAPTURES, DEFAULT_TIERS, scenarioTable } from '../../engine/index.ts';
import { SAMPLE, sampleToken } from '../../data/sample.ts';
import { formatAsOf, formatChange, formatPrice, formatUsdCompact } from '../../lib/format.ts';
import { Link } from '../../ui/link.tsx';
import { ScenarioTable } from './scenario-table.tsx';

interface TokenDetailPageProps {
  readonly id: string;
}

/** `/token/:id`: one token and its scenario bands (on the in-code sample until the snapshot lands). */
export default function TokenDetailPage({ id }: TokenDetailPageProps) {
  const token = sampleToken(id);
  const rows = useMemo(
    () =>
      token
        ? scenarioTable(
            { price: token.price, circulatingSupply: token.circulatingSupply, totalMarketCap: SAMPLE.totalMarketCap },
            DEFAULT_CAPTURES,
            DEFAULT_TIERS,
          )
        : [],
    [token],
  );

  if (!token) {
    return (
      <section aria-labelledby="not-found-title">
        <h1 id="not-found-title">Token not found</h1>
        <p>
          No token with the id “{id}” is loaded. <Link href="/">Browse the tokens</Link> to pick one.
        </p>
      </section>
    );
  }

  const marketCap = token.price * token.circulatingSupply;
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
            <dd>{formatUsdCompact(marketCap)}</dd>
          </div>
          <div>
            <dt>Rank</dt>
            <dd>#{token.rank}</dd>
          </div>
          <div>
            <dt>30d</dt>
            <dd>{formatChange(token.change30d)}</dd>
          </div>
          <div>
            <dt>Total crypto market</dt>
            <dd>{formatUsdCompact(SAMPLE.totalMarketCap)}</dd>
          </div>
        </dl>
        <p className="source">
          Source: {SAMPLE.source}, as of {formatAsOf(SAMPLE.asOf)}.
        </p>
      </header>
      <ScenarioTable rows={rows} />
      <p className="assumptions">
        Capture ratios: bear {DEFAULT_CAPTURES.bear}, base {DEFAULT_CAPTURES.base}, moon {DEFAULT_CAPTURES.moon} (the
        part of its current share the token keeps of every new dollar entering the market). Circulating supply.
      </p>
    </article>
  );
}
