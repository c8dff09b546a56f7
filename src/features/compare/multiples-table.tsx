import { ScrollBox } from '../../ui/scroll-box.tsx';
import { CASES, scenarioCell, tierLabel } from '../../engine/index.ts';
import { formatMultiple } from '../../lib/format.ts';
import { HelpTip } from '../../ui/help-tip.tsx';
import { compareColor } from './compare-chart.tsx';
import { TARGET_MULTIPLES, needsFor, type CompareToken } from './compare-model.ts';

/** The compared tokens as multiples per tier, and the market size each needs for 2x, 5x and 10x; its first column stays as it scrolls. */
export function MultiplesTable({ tokens, tiers }: { readonly tokens: readonly CompareToken[]; readonly tiers: readonly number[] }) {
  return (
    <ScrollBox label="Multiples table">
      <table aria-label="Multiples" className="compare-table">
        <thead>
          <tr>
            <th scope="col">Token</th>
            <th scope="col" className="left">
              Captures <HelpTip term="capture" />
            </th>
            {tiers.map((t, i) => (
              <th key={t} scope="col">
                {tierLabel(t)}
                {i === 0 ? <HelpTip term="tierMultiple" /> : null}
              </th>
            ))}
            {TARGET_MULTIPLES.map((x, i) => (
              <th key={x} scope="col">
                {x}x needs
                {i === 0 ? <HelpTip term="tierNeeds" align="end" /> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {tokens.map(({ token, input, captures, from }, i) => (
            <tr key={token.id}>
              <th scope="row">
                <span aria-hidden="true" className="swatch" style={{ background: compareColor(i) }} /> {token.symbol}
              </th>
              <td className="left" title={from.detail}>
                {CASES.map((c) => captures[c].toFixed(2)).join(' / ')} <span className="capture-src">{from.short}</span>
              </td>
              {tiers.map((t) => {
                const [bear, base, moon] = CASES.map((c) => scenarioCell(input, captures[c], t).multiple);
                return (
                  <td key={t} title={`bear ${formatMultiple(bear)} to moon ${formatMultiple(moon)}`}>
                    {formatMultiple(base)}{' '}
                    <span className="cell-multiple">
                      ({formatMultiple(bear)}–{formatMultiple(moon)})
                    </span>
                  </td>
                );
              })}
              {TARGET_MULTIPLES.map((x) => {
                const m = needsFor(input, captures.base, x);
                return <td key={x}>{m === null ? 'beyond reach' : m <= input.totalMarketCap ? 'reached today' : tierLabel(m)}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        Captures: bear / base / moon and where they come from. Cells: base multiple (bear to moon). “x needs”: the total market size the base case needs.
      </p>
    </ScrollBox>
  );
}
