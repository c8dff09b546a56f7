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

function Part({ name, value }: { readonly name: string; readonly value: number | null }) {
  return (
    <li>
      {name}: {value === null ? NA : Math.round(value)}
    </li>
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
        <div>
          <dt>
            TM Grade
            <HelpTip term="tmGrade" />
          </dt>
          <dd>
            {g?.tmGrade ? (
              <>
                <Gauge value={g.tmGrade.value} label="TM Grade" /> <strong>{g.tmGrade.value.toFixed(2)}</strong> {g.tmGrade.rating}{' '}
                <AsOf entry={g.tmGrade} sources={sources} />
              </>
            ) : (
              NA
            )}
          </dd>
        </div>
        <div>
          <dt>
            Trader Grade
            <HelpTip term="traderGrade" />
          </dt>
          <dd>
            {g?.traderGrade ? (
              <>
                <strong>{g.traderGrade.value.toFixed(2)}</strong> {momentumWord(g.traderGrade.value)} <AsOf entry={g.traderGrade} sources={sources} />
              </>
            ) : (
              NA
            )}
          </dd>
        </div>
        <div>
          <dt>Investor Grade</dt>
          <dd>
            {g?.investorGrade ? (
              <>
                <strong>{g.investorGrade.value.toFixed(2)}</strong> <AsOf entry={g.investorGrade} sources={sources} />
              </>
            ) : (
              NA
            )}
          </dd>
        </div>
        <div>
          <dt>Fundamental</dt>
          <dd>
            {g?.fundamental ? (
              <>
                <strong>{g.fundamental.value.toFixed(2)}</strong> {g.fundamental.class} <AsOf entry={g.fundamental} sources={sources} />
                <ul className="parts" aria-label="Fundamental parts">
                  <Part name="Community" value={g.fundamental.parts.community} />
                  <Part name="Tokenomics" value={g.fundamental.parts.tokenomics} />
                  <Part name="Exchange" value={g.fundamental.parts.exchange} />
                  <Part name="VC" value={g.fundamental.parts.vc} />
                  <Part name="DeFi Scanner" value={g.fundamental.parts.defiScanner} />
                </ul>
              </>
            ) : (
              NA
            )}
          </dd>
        </div>
        <div>
          <dt>Technology</dt>
          <dd>
            {g?.technology ? (
              <>
                <strong>{g.technology.value.toFixed(2)}</strong> <AsOf entry={g.technology} sources={sources} />
                <ul className="parts" aria-label="Technology parts">
                  <Part name="Activity" value={g.technology.parts.activity} />
                  <Part name="Repository" value={g.technology.parts.repository} />
                  <Part name="Collaboration" value={g.technology.parts.collaboration} />
                  <Part name="Security" value={g.technology.parts.security} />
                  <Part name="DeFi Scanner" value={g.technology.parts.defiScanner} />
                </ul>
              </>
            ) : (
              NA
            )}
          </dd>
        </div>
        <div>
          <dt>
            Signal
            <HelpTip term="signal" />
          </dt>
          <dd>
            {g?.signal ? (
              <>
                <span className={g.signal.trend === 'bullish' ? 'badge up' : 'badge down'}>{g.signal.trend === 'bullish' ? 'Bullish' : 'Bearish'}</span>{' '}
                <AsOf entry={g.signal} sources={sources} />
              </>
            ) : (
              NA
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
