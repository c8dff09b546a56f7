/**
 * Facts from Token Metrics' published analyses (the seed articles): TM Grade with its rating word,
 * Fundamental and Technology grades with their parts, the trading signal, and the scenario table.
 * Text in, facts out; a cell or grade the article does not state stays null.
 */
import type { PublishedScenario, SnapshotGrades, TmRating } from '../../src/data/schemas/snapshot.ts';
import { toFiniteNumber, toPositiveOrNull } from './parse.ts';

/**
 * The seeds are undated articles: no header, byline date or metadata. What they say (ADA at $0.65,
 * TRX at $0.2971 "up about 80% year-over-year", a bull market expected "into 2026") places them
 * in 2025, so the year is all we claim.
 */
export const SEED_AS_OF = '2025';

export type Case = 'bear' | 'base' | 'moon';
export const CASES: readonly Case[] = ['bear', 'base', 'moon'];
const RATINGS: readonly TmRating[] = ['Strong Buy', 'Buy', 'Neutral', 'Sell', 'Strong Sell'];

/** A scenario table as published: tiers in trillions USD, ascending; one price (or null) per tier and case. */
export interface SeedTable {
  readonly tiers: number[];
  readonly cells: Record<Case, (number | null)[]>;
}

/** A grade with named parts ("Community 80%" -> community: 80; "Security N/A" -> security: null). */
export interface GradeWithParts {
  readonly value: number;
  readonly parts: Readonly<Record<string, number | null>>;
}

/** What one Token Metrics article states; null where it states nothing. */
export interface SeedFacts {
  readonly title: string;
  readonly name: string;
  readonly symbol: string;
  /** USD, as quoted in the article. */
  readonly currentPrice: number | null;
  readonly tmGrade: { readonly value: number; readonly rating: TmRating } | null;
  readonly signal: 'bullish' | 'bearish' | null;
  readonly fundamental: GradeWithParts | null;
  readonly technology: GradeWithParts | null;
  readonly table: SeedTable | null;
}

const MONEY = String.raw`\$(\d+(?:\.\d+)?)`;
const TIER_HEADING = /^\s*(\d+(?:\.\d+)?)T Market Cap - ([A-Z0-9]+) Price Prediction:\s*$/;

function caseOf(word: string): Case | null {
  const w = word.toLowerCase();
  if (w === 'bear' || w === 'base' || w === 'moon') return w;
  return w.startsWith('bull') ? 'moon' : null;
}

function gradeParts(list: string): Record<string, number | null> {
  const parts: Record<string, number | null> = {};
  for (const item of list.split(',')) {
    const m = /^\s*([A-Za-z][A-Za-z ]*?)\s+(\d+(?:\.\d+)?%|N\/A)\s*$/i.exec(item);
    if (!m?.[1] || !m[2]) continue;
    const words = m[1].toLowerCase().split(' ');
    const key = words.map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join('');
    parts[key] = toFiniteNumber(m[2].replace('%', ''));
  }
  return parts;
}

function gradeWithParts(text: string, label: string): GradeWithParts | null {
  const m = new RegExp(String.raw`${label} Grade (\d+(?:\.\d+)?)% \(([^)]*)\)`).exec(text);
  const value = toFiniteNumber(m?.[1]);
  return value === null ? null : { value, parts: gradeParts(m?.[2] ?? '') };
}

/**
 * The scenario table of an article. Each "<N>T Market Cap - <SYM> Price Prediction:" heading's
 * paragraph gives its cells: three prices in bear, base, moon order (or labelled), or phrases like
 * "the moon case projecting $1.02". Cells the paragraphs leave out come from phrases elsewhere
 * ("the 31T moon case shows $1.31", "$1.31 (31T moon case)") when every such phrase agrees.
 * A ranged summary ("$0.30-$1.31 across scenarios") names no cell and is ignored.
 * @returns null when the article publishes no cell.
 * @throws Error when two phrases give one unpublished-by-heading cell different prices.
 */
export function seedTable(text: string): SeedTable | null {
  const lines = text.split(/\r?\n/);
  const cells = new Map<string, number>();
  const tiers = new Set<number>();
  lines.forEach((line, i) => {
    const tier = toFiniteNumber(TIER_HEADING.exec(line)?.[1]);
    if (tier === null) return;
    tiers.add(tier);
    const para = lines.slice(i + 1).find((l) => l.trim() !== '') ?? '';
    const amounts = [...para.matchAll(new RegExp(`${MONEY}([^$]*)`, 'g'))];
    if (amounts.length === 3) {
      const labels = amounts.map((a) => caseOf(/\b(bear|base|moon|bull\w*)/i.exec(a[2] ?? '')?.[1] ?? ''));
      const order = labels.every((c) => c !== null) && new Set(labels).size === 3 ? labels : CASES;
      amounts.forEach((a, k) => cells.set(`${tier}|${order[k]}`, Number(a[1])));
      return;
    }
    for (const m of para.matchAll(new RegExp(String.raw`\b(bear|base|moon) case[^$.]{0,40}?${MONEY}`, 'gi'))) {
      cells.set(`${tier}|${caseOf(m[1] ?? '')}`, Number(m[2]));
    }
  });
  const prose = new Map<string, Set<number>>();
  const note = (tier: string | undefined, c: string | undefined, price: string | undefined) => {
    const k = `${Number(tier)}|${caseOf(c ?? '')}`;
    tiers.add(Number(tier));
    prose.set(k, (prose.get(k) ?? new Set<number>()).add(Number(price)));
  };
  const tc = String.raw`(\d+)T (bear|base|moon)`;
  for (const m of text.matchAll(new RegExp(String.raw`\b${tc} case[^$.]{0,60}?${MONEY}`, 'gi'))) {
    note(m[1], m[2], m[3]);
  }
  for (const m of text.matchAll(new RegExp(String.raw`${MONEY} in the ${tc} (?:case|scenario)`, 'gi'))) {
    note(m[2], m[3], m[1]);
  }
  for (const m of text.matchAll(new RegExp(String.raw`${MONEY} \(${tc} case\)`, 'gi'))) note(m[2], m[3], m[1]);
  for (const [k, values] of prose) {
    if (cells.has(k)) continue;
    if (values.size > 1) throw new Error(`seed table: cell ${k} is published as ${[...values].join(' and ')}`);
    cells.set(k, [...values][0] ?? Number.NaN);
  }
  if (cells.size === 0) return null;
  const sorted = [...tiers].sort((a, b) => a - b);
  const row = (c: Case) => sorted.map((t) => cells.get(`${t}|${c}`) ?? null);
  return { tiers: sorted, cells: { bear: row('bear'), base: row('base'), moon: row('moon') } };
}

/**
 * The facts a Token Metrics article publishes.
 * @returns null when it publishes neither a TM Grade nor a scenario table (e.g. an opinion piece).
 */
export function parseSeed(text: string): SeedFacts | null {
  const grade = /TM Grade (?:of|for \$[A-Z0-9]+ is) (\d+(?:\.\d+)?)%?,? which translates to an? (Strong Buy|Strong Sell|Buy|Neutral|Sell)\b/i.exec(text);
  const table = seedTable(text);
  const gradeValue = toFiniteNumber(grade?.[1]);
  const rating = RATINGS.find((r) => r.toLowerCase() === grade?.[2]?.toLowerCase());
  if (table === null && (gradeValue === null || rating === undefined)) return null;
  const title = /^(.+? Price Prediction\b.*)$/m.exec(text)?.[1]?.trim() ?? '';
  const signal = /trading signal is (bullish|bearish)/i.exec(text)?.[1]?.toLowerCase();
  const symbol = lineMatch(text, TIER_HEADING)?.[2] ?? /cashtag \$([A-Z0-9]+)/.exec(text)?.[1] ?? '';
  return {
    title,
    name: /^(.+?) Price Prediction\b/.exec(title)?.[1] ?? '',
    symbol,
    currentPrice: toPositiveOrNull(/current price(?: of|:)\s*\$(\d+(?:\.\d+)?)/i.exec(text)?.[1]),
    tmGrade: gradeValue !== null && rating !== undefined ? { value: gradeValue, rating } : null,
    signal: signal === 'bullish' || signal === 'bearish' ? signal : null,
    fundamental: gradeWithParts(text, 'Fundamental'),
    technology: gradeWithParts(text, 'Technology'),
    table,
  };
}

function lineMatch(text: string, re: RegExp): RegExpExecArray | null {
  for (const line of text.split(/\r?\n/)) {
    const m = re.exec(line);
    if (m) return m;
  }
  return null;
}

/** Token Metrics' fundamental class for a grade (0-39 High Risk, 40-59 Speculative, 60-79 Emerging, 80-89 Blue Chip, 90+ Store of Value). */
export function fundamentalClass(grade: number): string {
  if (grade >= 90) return 'Store of Value';
  if (grade >= 80) return 'Blue Chip';
  if (grade >= 60) return 'Emerging';
  if (grade >= 40) return 'Speculative';
  return 'High Risk';
}

/** The named parts, each null when the article does not state it ("N/A" or absent). */
function pickParts<K extends string>(parts: Readonly<Record<string, number | null>>, keys: readonly K[]): Record<K, number | null> {
  return Object.fromEntries(keys.map((k) => [k, parts[k] ?? null])) as Record<K, number | null>;
}

/**
 * The snapshot entries an article gives one token.
 * @param source the id of the article in the snapshot's `sources`
 * @throws Error when the article has a table but no current price (the table could not be read against anything).
 */
export function seedEntries(facts: SeedFacts, source: string): { grades: SnapshotGrades; published: PublishedScenario | null } {
  const at = { asOf: SEED_AS_OF, source };
  const grades: SnapshotGrades = {};
  if (facts.tmGrade) grades.tmGrade = { ...facts.tmGrade, ...at };
  if (facts.fundamental) {
    const { value, parts: p } = facts.fundamental;
    grades.fundamental = {
      value,
      class: fundamentalClass(value),
      parts: pickParts(p, ['community', 'tokenomics', 'exchange', 'vc', 'defiScanner']),
      ...at,
    };
  }
  if (facts.technology) {
    const { value, parts: p } = facts.technology;
    grades.technology = {
      value,
      parts: pickParts(p, ['activity', 'repository', 'collaboration', 'security', 'defiScanner']),
      ...at,
    };
  }
  if (facts.signal) grades.signal = { trend: facts.signal, ...at };
  if (!facts.table) return { grades, published: null };
  if (facts.currentPrice === null) throw new Error(`seed "${facts.title}": a table without a current price`);
  return {
    grades,
    published: {
      source,
      asOf: SEED_AS_OF,
      currentPrice: facts.currentPrice,
      // The articles do not state the market they started from.
      totalMarketCap: null,
      tiers: facts.table.tiers.map((t) => t * 1e12),
      labels: facts.table.tiers.map((t) => `${t}T`),
      ...facts.table.cells,
    },
  };
}
