import type { Peg } from '../../data/pegs.ts';
import type { Token } from '../../data/types.ts';
import { formatPrice } from '../../lib/format.ts';
import { PeggedTable } from './scenario-table.tsx';

/**
 * A pegged asset's scenarios: its peg at every market size, and no multiple. Its market cap may grow
 * with the market; its price does not.
 */
export function PeggedScenario({
  token,
  peg,
  tiers,
}: {
  readonly token: Token;
  readonly peg: Extract<Peg, { kind: 'pegged' }>;
  readonly tiers: readonly number[];
}) {
  const price = formatPrice(peg.price);
  return (
    <section aria-labelledby="bands-title" className="bands">
      <h2 id="bands-title">Scenario bands</h2>
      <p role="note" className="pegged-note">
        {token.name} is {peg.label}: {price} at every total market size. A bigger market may mean more {token.symbol} in circulation, not a higher price, so
        there is no multiple to show.
      </p>
      <PeggedTable tiers={tiers} price={peg.price} />
    </section>
  );
}
