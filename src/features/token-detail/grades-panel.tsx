import type { Term } from '../../ui/glossary.ts';
import type { ReactNode } from 'react';
import { HelpTip } from '../../ui/help-tip.tsx';
import type { Grades, SourceRef } from '../../data/types.ts';
import { formatDated } from '../../lib/format.ts';

/** Trader Grade momentum words (data-sources doc). */
export function momentumWord(grade: number): string {
  if (grade > 80) return 'surging';
  if (grade > 60) return 'gaining';
  if (grade > 40) return 'steady';
  if (grade > 20) return 'losing';
  return 'crashing';
}

const NA = 'not available';

/** A grade's parts, named as Token Metrics names them, in this order. */
const FUNDAMENTAL_PARTS = [
  ['Community', 'community'],
  ['Tokenomics', 'tokenomics'],
  ['Exchange', 'exchange'],
  ['VC', 'vc'],
  ['DeFi Scanner', 'defiScanner'],
] as const;
const TECHNOLOGY_PARTS = [
  ['Activity', 'activity'],
  ['Repository', 'repository'],
  ['Collaboration', 'collaboration'],
  ['Security', 'security'],
  ['DeFi Scanner', 'defiScanner'],
] as const;

function Parts<K extends string>({
  label,
  names,
  values,
}: {
  readonly label: string;
  readonly names: ReadonlyArray<readonly [string, K]>;
  readonly values: Readonly<Record<K, number | null>>;
}) {
  return (
    <ul className="parts" aria-label={label}>
      {names.map(([name, key]) => (
        <li key={key}>
          {name}: {values[key] === null ? NA : Math.round(values[key])}
        </li>
      ))}
    </ul>
  );
}

function Gauge({ value, label }: { readonly value: number; readonly label: string }) {
  return (
    <meter min={0} max={100} low={40} high={60} optimum={100} value={value} aria-label={label} className="gauge">
      {value.toFixed(1)}
    </meter>
  );
}

function AsOf({ entry, sources }: { readonly entry: { asOf: string; source: string }; readonly sources: Readonly<Record<string, SourceRef>> }) {
  return (
    <span className="as-of">
      {sources[entry.source]?.name ?? entry.source}, {formatDated(entry.asOf)}
    </span>
  );
}

/** One grade: its name (with help when it has some) and what is known of it, or "not available". */
function Grade({ term, help, children }: { readonly term: string; readonly help?: Term; readonly children: ReactNode }) {
  return (
    <div>
      <dt>
        {term}
        {help === undefined ? null : <HelpTip term={help} />}
      </dt>
      <dd>{children ?? NA}</dd>
    </div>
  );
}

interface GradesPanelProps {
  readonly grades: Grades | undefined;
  readonly sources: Readonly<Record<string, SourceRef>>;
}

/** Token Metrics-style grades, each with its source and date; a grade not known says so, never 0. */
export function GradesPanel({ grades: g, sources }: GradesPanelProps) {
  return (
    <section aria-labelledby="grades-title" className="grades">
      <h2 id="grades-title">Grades</h2>
      <dl>
        <Grade term="TM Grade" help="tmGrade">
          {g?.tmGrade && (
            <>
              <Gauge value={g.tmGrade.value} label="TM Grade" /> <strong>{g.tmGrade.value.toFixed(2)}</strong> {g.tmGrade.rating}{' '}
              <AsOf entry={g.tmGrade} sources={sources} />
            </>
          )}
        </Grade>
        <Grade term="Trader Grade" help="traderGrade">
          {g?.traderGrade && (
            <>
              <strong>{g.traderGrade.value.toFixed(2)}</strong> {momentumWord(g.traderGrade.value)} <AsOf entry={g.traderGrade} sources={sources} />
            </>
          )}
        </Grade>
        <Grade term="Investor Grade">
          {g?.investorGrade && (
            <>
              <strong>{g.investorGrade.value.toFixed(2)}</strong> <AsOf entry={g.investorGrade} sources={sources} />
            </>
          )}
        </Grade>
        <Grade term="Fundamental">
          {g?.fundamental && (
            <>
              <strong>{g.fundamental.value.toFixed(2)}</strong> {g.fundamental.class} <AsOf entry={g.fundamental} sources={sources} />
              <Parts label="Fundamental parts" names={FUNDAMENTAL_PARTS} values={g.fundamental.parts} />
            </>
          )}
        </Grade>
        <Grade term="Technology">
          {g?.technology && (
            <>
              <strong>{g.technology.value.toFixed(2)}</strong> <AsOf entry={g.technology} sources={sources} />
              <Parts label="Technology parts" names={TECHNOLOGY_PARTS} values={g.technology.parts} />
            </>
          )}
        </Grade>
        <Grade term="Signal" help="signal">
          {g?.signal && (
            <>
              <span className={g.signal.trend === 'bullish' ? 'badge up' : 'badge down'}>{g.signal.trend === 'bullish' ? 'Bullish' : 'Bearish'}</span>{' '}
              <AsOf entry={g.signal} sources={sources} />
            </>
          )}
        </Grade>
      </dl>
    </section>
  );
}
