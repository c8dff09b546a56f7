import { SAMPLE } from '../../data/sample.ts';
import { formatAsOf, formatChange, formatPrice, formatUsdCompact } from '../../lib/format.ts';
import { Link } from '../../ui/link.tsx';

/** `/`: the token browser (the in-code sample until the snapshot and the full browser land). */
export default function TokenListPage() {
  return (
    <section aria-labelledby="tokens-title">
      <h1 id="tokens-title">Tokens</h1>
      <p role="status">
        {SAMPLE.tokens.length} tokens · {SAMPLE.source} · as of {formatAsOf(SAMPLE.asOf)}
      </p>
      <div className="table-scroll">
        <table aria-label="Tokens" className="token-table">
          <thead>
            <tr>
              <th scope="col">Rank</th>
              <th scope="col">Name</th>
              <th scope="col">Symbol</th>
              <th scope="col">Price</th>
              <th scope="col">Market cap</th>
              <th scope="col">30d</th>
            </tr>
          </thead>
          <tbody>
            {SAMPLE.tokens.map((t) => (
              <tr key={t.id}>
                <td>{t.rank}</td>
                <td>
                  <Link href={`/token/${encodeURIComponent(t.id)}`}>{t.name}</Link>
                </td>
                <td>{t.symbol}</td>
                <td>{formatPrice(t.price)}</td>
                <td>{formatUsdCompact(t.price * t.circulatingSupply)}</td>
                <td>{formatChange(t.change30d)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
