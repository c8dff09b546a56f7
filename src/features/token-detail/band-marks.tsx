/**
 * What the band chart writes on its drawing besides the series: each tier's three prices, the published
 * points' market sizes, where the cases meet today, and where each case meets the target price. Drawn
 * inside recharts' `<svg>` at its own scales (so an export carries them), as part of the memoised drawing.
 */
import { usePlotArea, useXAxisScale, useYAxisScale } from 'recharts';
import { tierLabel, type ScenarioCase } from '../../engine/index.ts';
import type { PublishedPoint } from '../../data/published.ts';
import { formatPrice } from '../../lib/format.ts';
import type { BandPoint, LogDomain } from './chart-series.ts';

const FONT = 11;
type Scale = (v: number) => number | undefined;

/** Both scales, or null before recharts has laid the axes out. */
function useScales(): { x: Scale; y: Scale } | null {
  const x = useXAxisScale();
  const y = useYAxisScale();
  return x && y ? { x: (v) => finite(x(v)), y: (v) => finite(y(v)) } : null;
}

const finite = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const inside = (v: number, d: LogDomain): boolean => v >= d.min && v <= d.max;

/**
 * Each labelled tier's base price, at the top of the plot under the tier's own label (the picture then
 * carries the table's middle column; an export writes all three cases in its footer).
 */
export function TierPrices({ series, tiers }: { readonly series: readonly BandPoint[]; readonly tiers: ReadonlySet<number> }) {
  const scales = useScales();
  const area = usePlotArea();
  if (!scales || !area) return null;
  return (
    <g className="band-chart-tier-prices">
      {series
        .filter((p) => tiers.has(p.m))
        .map((p) => {
          const px = scales.x(p.m);
          return px === undefined ? null : (
            <text
              key={p.m}
              x={px}
              y={area.y + 12}
              textAnchor="middle"
              fontSize={FONT}
              fill="var(--base)"
              stroke="var(--bg)"
              strokeWidth={3}
              paintOrder="stroke"
            >
              {formatPrice(p.base)}
            </text>
          );
        })}
    </g>
  );
}

/**
 * "TM 15.5T" over each market size the published prices belong to (they are not the tiers' sizes); a
 * label that would touch the one left of it is left out (the key says what the diamonds are).
 */
export function PublishedLabels({ points, name, y }: { readonly points: readonly PublishedPoint[]; readonly name: string; readonly y: LogDomain }) {
  const scales = useScales();
  if (!scales || points.length === 0) return null;
  const top = new Map<number, number>();
  for (const p of points) if (inside(p.price, y)) top.set(p.m, Math.max(top.get(p.m) ?? 0, p.price));
  const labels: Array<{ m: number; px: number; py: number }> = [];
  for (const [m, price] of [...top].sort((a, b) => a[0] - b[0])) {
    const px = scales.x(m);
    const py = scales.y(price);
    const prev = labels.at(-1);
    if (px !== undefined && py !== undefined && (prev === undefined || px - prev.px >= 56 || Math.abs(py - prev.py) >= 14)) labels.push({ m, px, py });
  }
  return (
    <g className="band-chart-published-labels">
      {labels.map(({ m, px, py }) => (
        <text key={m} x={px} y={py - 9} textAnchor="middle" fontSize={FONT} fill="var(--muted)" stroke="var(--bg)" strokeWidth={3} paintOrder="stroke">
          {`${name} ${tierLabel(m)}`}
        </text>
      ))}
    </g>
  );
}

/** A dot where the three cases meet (today's market, today's price) and, when `labelled`, a short note naming it. */
export function CrossingNote(props: {
  readonly market: number;
  readonly price: number;
  readonly x: LogDomain;
  readonly y: LogDomain;
  readonly labelled: boolean;
}) {
  const { market, price, x, y, labelled } = props;
  const scales = useScales();
  if (!scales || !inside(market, x) || !inside(price, y)) return null;
  const px = scales.x(market);
  const py = scales.y(price);
  if (px === undefined || py === undefined) return null;
  return (
    <g className="band-chart-crossing">
      <circle cx={px} cy={py} r={3} fill="var(--muted)" />
      {labelled ? (
        <text x={px + 6} y={py + 16} fontSize={FONT} fill="var(--muted)" stroke="var(--bg)" strokeWidth={3} paintOrder="stroke">
          {`Cases meet at today's ${tierLabel(market)}`}
        </text>
      ) : null}
    </g>
  );
}

/** Where one case reaches the target price: its market size (USD). */
export interface TargetHit {
  readonly c: ScenarioCase;
  readonly m: number;
}

/** The market size each case needs marked on the target's line: a dot in the case's colour, labelled unless the chart is compact. */
export function TargetHits(props: { readonly target: number; readonly hits: readonly TargetHit[]; readonly x: LogDomain; readonly labelled: boolean }) {
  const { target, hits, x, labelled } = props;
  const scales = useScales();
  const py = scales?.y(target);
  if (!scales || py === undefined) return null;
  const placed = placeHits(hits.filter((h) => inside(h.m, x)).flatMap((h) => (scales.x(h.m) === undefined ? [] : [{ ...h, px: scales.x(h.m) ?? 0 }])));
  return (
    <g className="band-chart-target-hits">
      {placed.map(({ c, m, px, at }) => (
        <g key={c}>
          <circle cx={px} cy={py} r={4} fill={`var(--${c})`} stroke="var(--bg)" strokeWidth={1.5} />
          {labelled && at !== null ? (
            <text
              x={px}
              y={at === 'below' ? py + 16 : py - 8}
              textAnchor="middle"
              fontSize={FONT}
              fill={`var(--${c})`}
              stroke="var(--bg)"
              strokeWidth={3}
              paintOrder="stroke"
            >
              {hitText({ c, m })}
            </text>
          ) : null}
        </g>
      ))}
    </g>
  );
}

/** About how wide a label is in px (an 11 px sans-serif figure or letter is about 0.62 em wide). */
const labelWidth = (text: string): number => text.length * FONT * 0.62 + 6;

/** The label under a hit: the case and the market size it needs ("bear 22.3T"). */
const hitText = (hit: TargetHit): string => `${hit.c} ${tierLabel(hit.m)}`;

/**
 * Hits left to right, each label above the line unless it would overlap the last label above, then below
 * unless it would overlap the last one there; a label with room on neither side is left out (its dot stays,
 * and the "Target price" answer names every case).
 */
function placeHits(
  hits: ReadonlyArray<TargetHit & { readonly px: number }>,
): Array<TargetHit & { readonly px: number; readonly at: 'above' | 'below' | null }> {
  const end = { above: -Infinity, below: -Infinity };
  return [...hits]
    .sort((a, b) => a.px - b.px)
    .map((hit) => {
      const half = labelWidth(hitText(hit)) / 2;
      const at = hit.px - half >= end.above ? 'above' : hit.px - half >= end.below ? 'below' : null;
      if (at !== null) end[at] = hit.px + half;
      return { ...hit, at };
    });
}
