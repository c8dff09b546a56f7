import { useMemo } from 'react';
import { Area, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { tierLabel, type PortfolioLine } from '../../engine/index.ts';
import { formatUsdCompact } from '../../lib/format.ts';
import { logAxisProps } from '../../lib/log-axis.ts';
import { TierLines } from '../../ui/tier-lines.tsx';
import { chartDomain, portfolioSeries, VALUE_FLOOR } from './portfolio-model.ts';
import { formatValue } from './scenarios-table.tsx';

interface PortfolioChartProps {
  readonly lines: readonly PortfolioLine[];
  readonly tiers: readonly number[];
  readonly totalMarketCap: number;
  readonly today: number;
  readonly target: number | null;
  /** Fixed width in px (tests); without it the chart fills its container. */
  readonly width?: number | undefined;
}

const HEIGHT = 340;

/** The name the portfolio's PNG export finds the chart by (`data-export-chart`). */
export const PORTFOLIO_CHART_EXPORT = 'portfolio-chart';

/** The portfolio's value over total market size: the bear-moon band, the base line, today's value and the target. */
export function PortfolioChart({ lines, tiers, totalMarketCap, today, target, width }: PortfolioChartProps) {
  const domain = useMemo(() => chartDomain(totalMarketCap, tiers), [totalMarketCap, tiers]);
  const series = useMemo(() => portfolioSeries(lines, domain.min, domain.max, tiers), [lines, domain, tiers]);
  const lows = series.map((p) => p.band[0]);
  const highs = series.map((p) => p.band[1]);
  const marks = [today, target ?? today].filter((v) => v > 0);
  const yMin = Math.max(VALUE_FLOOR, Math.min(...lows, ...marks) / 1.3);
  const yMax = Math.max(yMin * 10, Math.max(...highs, ...marks) * 1.3);
  const yDomain: [number, number] = [yMin, yMax];
  const top = tiers.at(-1);
  const last = series.find((p) => p.m === top);
  const summary = last
    ? `Portfolio value today ${formatValue(today)}; at ${tierLabel(last.m)}: base ${formatValue(last.base)}, bear to moon ${formatValue(last.band[0])} to ${formatValue(last.band[1])}.${target !== null ? ` Target ${formatValue(target)} drawn as a line.` : ''}`
    : 'No holdings with a price and an amount yet.';
  const chart = (
    <ComposedChart data={series} margin={{ top: 20, right: 24, bottom: 8, left: 8 }} {...(width ? { width, height: HEIGHT } : {})} desc={summary}>
      <XAxis dataKey="m" {...logAxisProps(domain.min, domain.max, (v: number) => formatUsdCompact(v))} />
      <YAxis {...logAxisProps(yDomain[0], yDomain[1], (v: number) => formatUsdCompact(v), 8)} width={64} />
      <Area dataKey="band" name="Bear to moon" fill="var(--base)" fillOpacity={0.15} stroke="none" isAnimationActive={false} activeDot={false} />
      <Line dataKey="base" name="Base" stroke="var(--base)" strokeWidth={2.5} dot={false} isAnimationActive={false} />
      <TierLines tiers={tiers} label={tierLabel} />
      {today > 0 ? (
        <ReferenceLine
          y={today}
          stroke="var(--muted)"
          strokeDasharray="4 4"
          label={{ value: `Today ${formatValue(today)}`, position: 'insideBottomLeft', fill: 'var(--muted)', fontSize: 12 }}
        />
      ) : null}
      {target !== null ? (
        <ReferenceLine
          y={target}
          stroke="var(--moon)"
          strokeWidth={2}
          label={{ value: `Target ${formatValue(target)}`, position: 'insideTopLeft', fill: 'var(--moon)', fontSize: 12 }}
        />
      ) : null}
      <Tooltip
        isAnimationActive={false}
        formatter={(v: unknown) => (Array.isArray(v) ? v.map((x: number) => formatValue(x)).join(' to ') : typeof v === 'number' ? formatValue(v) : '')}
        labelFormatter={(v: unknown) => (typeof v === 'number' ? `Market ${formatUsdCompact(v)}` : '')}
        contentStyle={{ background: 'var(--bg)', color: 'var(--fg)', border: '1px solid var(--border)' }}
      />
    </ComposedChart>
  );
  return (
    <figure className="portfolio-chart band-chart" aria-label="Portfolio value chart">
      <div data-export-chart={PORTFOLIO_CHART_EXPORT} data-export-omit=".recharts-tooltip-cursor, .recharts-active-dot, .recharts-tooltip-wrapper">
        {width ? (
          chart
        ) : (
          <ResponsiveContainer width="100%" height={HEIGHT}>
            {chart}
          </ResponsiveContainer>
        )}
      </div>
      <ul className="band-chart-legend">
        <li>
          <span aria-hidden="true" className="swatch band" /> Band: bear to moon
        </li>
        <li>
          <span aria-hidden="true" className="swatch base" /> Line: base
        </li>
        <li>
          <span aria-hidden="true" className="swatch today" /> Dashed: today
        </li>
        {target !== null ? (
          <li>
            <span aria-hidden="true" className="swatch target" /> Target
          </li>
        ) : null}
      </ul>
      <figcaption className="band-chart-summary">{summary}</figcaption>
    </figure>
  );
}
