import { useMemo } from 'react';
import { Area, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { tierLabel } from '../../engine/index.ts';
import { formatMultiple, formatUsdCompact } from '../../lib/format.ts';
import { logAxisProps } from '../../lib/log-axis.ts';
import { TierLines } from '../../ui/tier-lines.tsx';
import { compareDomain, compareSeries, type ComparePoint, type CompareToken } from './compare-model.ts';

export const COMPARE_COLORS = ['var(--c1)', 'var(--c2)', 'var(--c3)', 'var(--c4)'] as const;

/** The colour of the i-th token (wrapping, though the view holds at most four). */
export function compareColor(i: number): string {
  return COMPARE_COLORS[i % COMPARE_COLORS.length] ?? 'var(--fg)';
}

interface CompareChartProps {
  readonly tokens: readonly CompareToken[];
  readonly tiers: readonly number[];
  readonly totalMarketCap: number;
  readonly width?: number | undefined;
}

/** Each token's bear-moon band and base line as a multiple of its own price, over total market size. */
export function CompareChart({ tokens, tiers, totalMarketCap, width }: CompareChartProps) {
  const domain = useMemo(() => compareDomain(totalMarketCap, tiers), [totalMarketCap, tiers]);
  const series = useMemo(() => compareSeries(tokens, domain.min, domain.max, tiers), [tokens, domain, tiers]);
  const yMax = Math.max(2, ...series.flatMap((p) => p.band.map((b) => b[1])));
  const yMin = Math.min(0.5, ...series.flatMap((p) => p.band.map((b) => b[0])));
  const yDomain: [number, number] = [Math.max(1e-6, yMin / 1.2), yMax * 1.2];
  const summary =
    tokens.length === 0
      ? 'No token to compare.'
      : tokens
          .map(({ token }, i) => {
            const last = series.find((p) => p.m === tiers[tiers.length - 1]) ?? series[series.length - 1];
            const base = last?.base[i];
            return `${token.name}: base ${base === undefined ? 'not available' : formatMultiple(base)} at ${tierLabel(last?.m ?? 0)}`;
          })
          .join('; ');
  const chart = (
    <ComposedChart
      data={series}
      margin={{ top: 20, right: 24, bottom: 8, left: 8 }}
      {...(width ? { width, height: 360 } : {})}
      title="Multiples of today's price"
      desc={summary}
    >
      <XAxis dataKey="m" {...logAxisProps(domain.min, domain.max, (v: number) => formatUsdCompact(v))} />
      <YAxis {...logAxisProps(yDomain[0], yDomain[1], (v: number) => formatMultiple(v), 8)} width={56} />
      {tokens.map(({ token }, i) => (
        <Area
          key={`r${token.id}`}
          dataKey={(p: ComparePoint) => p.band[i]}
          name={`${token.symbol} bear to moon`}
          fill={compareColor(i)}
          fillOpacity={0.12}
          stroke="none"
          isAnimationActive={false}
          activeDot={false}
        />
      ))}
      {tokens.map(({ token }, i) => (
        <Line
          key={`b${token.id}`}
          dataKey={(p: ComparePoint) => p.base[i]}
          name={`${token.symbol} base`}
          stroke={compareColor(i)}
          strokeWidth={2.5}
          dot={false}
          isAnimationActive={false}
        />
      ))}
      <ReferenceLine
        y={1}
        stroke="var(--muted)"
        strokeDasharray="4 4"
        label={{ value: 'Today 1x', position: 'insideBottomRight', fill: 'var(--muted)', fontSize: 12 }}
      />
      <TierLines tiers={tiers} label={tierLabel} />
      <Tooltip
        isAnimationActive={false}
        formatter={(v: unknown) => (Array.isArray(v) ? v.map((x: number) => formatMultiple(x)).join(' to ') : typeof v === 'number' ? formatMultiple(v) : '')}
        labelFormatter={(v: unknown) => (typeof v === 'number' ? `At ${formatUsdCompact(v)}` : '')}
      />
    </ComposedChart>
  );
  return (
    <figure className="compare-chart band-chart" aria-label="Compare chart">
      <div data-export-chart="compare-chart" data-export-omit=".recharts-tooltip-cursor, .recharts-active-dot, .recharts-tooltip-wrapper">
        {width ? (
          chart
        ) : (
          <ResponsiveContainer width="100%" height={360}>
            {chart}
          </ResponsiveContainer>
        )}
      </div>
      <ul className="band-chart-legend compare-legend">
        {tokens.map(({ token }, i) => (
          <li key={token.id}>
            <span aria-hidden="true" className="swatch" style={{ background: compareColor(i) }} /> {token.name} ({token.symbol})
          </li>
        ))}
        <li>Band: bear to moon; line: base</li>
      </ul>
      <figcaption className="band-chart-summary">{summary}</figcaption>
    </figure>
  );
}
