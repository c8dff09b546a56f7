import type { Peg } from '../../data/pegs.ts';
import type { Token } from '../../data/types.ts';
import { CASES, tierLabel } from '../../engine/index.ts';
import { formatPrice } from '../../lib/format.ts';

const CASE_LABEL = { bear: 'Bear', base: 'Base', moon: 'Moon' } as const;

/**
 * A pegged asset's scenarios: its peg at every market size, and no multiple. Its market cap may grow
 * with the market; its price does not.
 */
export function PeggedScenario({ token, peg, tiers }: { readonly token: Token; readonly peg: Extract<Peg, { kind: 'pegged' }>; readonly tiers: readonly number[] }) {
  const price = formatPrice(peg.price);
  return (
    <section aria-labelledby="bands-title" className="bands">
      <h2 id="bands-title">Scenario bands</h2>
      <p role="note" className="pegged-note">
        {token.name} is {peg.label}: {price} at every total market size. A bigger market may mean more {token.symbol} in circulation, not a higher
        price, so there is no multiple to show.
      </p>
      <div className="table-scroll">
        <table className="scenario-table" aria-label="Scenario bands">
          <thead>
            <tr>
              <th scope="col">Total market</th>
              {CASES.map((c) => (
                <th key={c} scope="col" className={`case-${c}`}>
                  {CASE_LABEL[c]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {tiers.map((tier) => (
              <tr key={tier}>
                <th scope="row">{tierLabel(tier)}</th>
                {CASES.map((c) => (
                  <td key={c}>
                    <span className="cell-price">{price}</span> <span className="cell-multiple">pegged</span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
