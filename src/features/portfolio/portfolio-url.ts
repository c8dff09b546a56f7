import { CASES, DEFAULT_TIERS, tierLabel, type ScenarioCase } from '../../engine/index.ts';
import { navigate } from '../../lib/location.ts';
import { parseTargetValue } from './target-value.tsx';

/** What `/portfolio`'s address holds besides the holdings a shared link may carry: `tier=16T`, `case=moon`, `t=20000`. */
export interface PortfolioView {
  readonly tier: number;
  readonly scenario: ScenarioCase;
  /** The target value, USD, or null. */
  readonly target: number | null;
  /** `t` as it was written, for the box. */
  readonly targetText: string;
  readonly notices: readonly string[];
}

const DEFAULT_TIER = DEFAULT_TIERS[1] ?? 16e12;
const clip = (text: string): string => text.replace(/[\p{Cc}\p{Cf}]/gu, ' ').slice(0, 24);

/** Reads the view's keys; a value that is not one of the allowed ones is ignored, and a notice says so. */
export function parsePortfolioView(search: string): PortfolioView {
  const q = new URLSearchParams(search);
  const notices: string[] = [];
  const tierText = q.get('tier');
  const tier = tierText === null ? DEFAULT_TIER : DEFAULT_TIERS.find((t) => tierLabel(t).toLowerCase() === tierText.trim().toLowerCase());
  if (tier === undefined)
    notices.push(`tier "${clip(tierText ?? '')}" is not one of ${DEFAULT_TIERS.map(tierLabel).join(', ')}; showing ${tierLabel(DEFAULT_TIER)}.`);
  const caseText = q.get('case');
  const scenario = CASES.find((c) => c === caseText?.trim().toLowerCase());
  if (caseText !== null && scenario === undefined) notices.push(`case "${clip(caseText)}" is not bear, base or moon; showing base.`);
  const targetText = q.get('t') ?? '';
  const parsed = targetText === '' ? null : parseTargetValue(targetText);
  if (parsed && !parsed.ok) notices.push(`t: ${parsed.error}`);
  return {
    tier: tier ?? DEFAULT_TIER,
    scenario: scenario ?? 'base',
    target: parsed?.ok ? parsed.value : null,
    targetText: parsed?.ok ? targetText : '',
    notices,
  };
}

/** Writes one of the view's keys into the address (replacing the entry: a choice is not a page to go back to). */
export function writePortfolioView(search: string, changes: Partial<Readonly<Record<'tier' | 'case' | 't', string | null>>>): void {
  const q = new URLSearchParams(search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) q.delete(key);
    else q.set(key, value);
  }
  const text = q.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
  navigate(`/portfolio${text ? `?${text}` : ''}`, { replace: true });
}
