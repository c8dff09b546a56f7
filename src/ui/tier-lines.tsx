import { ReferenceLine } from 'recharts';

interface TierLinesProps {
  /** Market sizes (USD) on the chart's x axis. */
  readonly tiers: readonly number[];
  /** The text over a tier's line ("16T"), or null to draw the line without one (where labels would crowd). */
  readonly label: (tier: number) => string | null;
}

/** A dotted vertical line at each market-size tier, labelled at the top of the plot: the same on every chart. */
export function TierLines({ tiers, label }: TierLinesProps) {
  return tiers.map((tier) => {
    const text = label(tier);
    return (
      <ReferenceLine
        key={tier}
        x={tier}
        stroke="var(--muted)"
        strokeDasharray="2 4"
        {...(text === null ? {} : { label: { value: text, position: 'top', fill: 'var(--muted)', fontSize: 12 } })}
      />
    );
  });
}
