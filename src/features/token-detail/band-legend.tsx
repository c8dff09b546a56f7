import { CASE_LABEL, CASES } from '../../engine/index.ts';

type SwatchKind = 'line' | 'thick' | 'dashed' | 'area' | 'dot' | 'diamond';

/** A key's sample, drawn as what it stands for: a line, a dashed line, a shaded area, a dot or a diamond. */
function Swatch({ kind, color }: { readonly kind: SwatchKind; readonly color: string }) {
  return <span aria-hidden="true" className={`band-swatch band-swatch-${kind}`} style={{ color }} />;
}

export interface BandLegendProps {
  readonly published: string | null;
  readonly user: boolean;
  readonly target: boolean;
}

/**
 * The band chart's key, in HTML beside the drawing (recharts' own legend would add an `<svg>` per icon
 * to the chart). The export draws its own legend, with the same samples, inside the picture.
 */
export function BandLegend({ published, user, target }: BandLegendProps) {
  return (
    <ul className="band-chart-legend">
      {CASES.map((c) => (
        <li key={c}>
          <Swatch kind={c === 'base' ? 'thick' : 'line'} color={`var(--${c})`} />
          {CASE_LABEL[c]}
        </li>
      ))}
      <li>
        <Swatch kind="area" color="var(--base)" />
        Bear to moon band
      </li>
      <li>
        <Swatch kind="dashed" color="var(--muted)" />
        Today&apos;s price, tiers
      </li>
      {target && (
        <li>
          <Swatch kind="dashed" color="var(--fg)" />
          Target price
        </li>
      )}
      {user && (
        <li>
          <Swatch kind="dot" color="var(--fg)" />
          Your point
        </li>
      )}
      {published && (
        <li>
          <Swatch kind="diamond" color="var(--muted)" />
          {published}
        </li>
      )}
    </ul>
  );
}
