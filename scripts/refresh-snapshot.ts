/**
 * Refreshes the embedded snapshot (`public/data/snapshot.json`) from today's market: CoinGecko's top 500
 * and total market, Token Metrics grades with a key, over the committed facts of `data/derived/` (CMC ids
 * and categories, grades, published tables, observed captures). Needs no `../shared`.
 *
 * Run: `npm run snapshot:live` (options: `--out <file>`, `--derived <dir>`).
 * Environment: `COINGECKO_BASE` (default https://api.coingecko.com/api/v3), `COINGECKO_API_KEY` (optional
 * demo key, sent as `x-cg-demo-api-key`), `TOKENMETRICS_API_KEY` (optional), `TOKENMETRICS_BASE`
 * (default https://api.tokenmetrics.com/v2). Keys go in headers only and are never printed or written.
 *
 * On any failure it exits 1 with a message naming the source and the HTTP status, and leaves the
 * existing file as it was: the new one is written to a temporary file and renamed over it.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { config, locales } from 'zod/mini';
import { serializeSnapshot, SNAPSHOT_FILE, PROJECT_ROOT } from './build-snapshot.ts';
import { DERIVED_DIR, readDerived } from './snapshot/derived.ts';
import { refreshSnapshot, type RefreshReport } from './snapshot/refresh.ts';

config(locales.en());

export const DEFAULT_COINGECKO_BASE = 'https://api.coingecko.com/api/v3';
export const DEFAULT_TOKENMETRICS_BASE = 'https://api.tokenmetrics.com/v2';

/** A non-empty environment value, or null. */
function env(vars: NodeJS.ProcessEnv, name: string): string | null {
  const v = vars[name]?.trim();
  return v ? v : null;
}

function reportLines(r: RefreshReport, file: string, bytes: number): string[] {
  return [
    `tokens: ${r.tokens} (${r.dropped} rows dropped as invalid, ${r.duplicates} listed twice)`,
    `from data/derived: ${r.withListing} with a CoinMarketCap id and categories, ${r.withObserved} with observed captures, ${r.withPublished} with a published table`,
    `grades: ${r.withGrades} tokens${r.liveGraded === null ? ' (no TOKENMETRICS_API_KEY: the derived grades)' : `, ${r.liveGraded} graded by Token Metrics today`}`,
    ...r.warnings.map((w) => `warning: ${w}`),
    `wrote ${file}: ${bytes} bytes`,
  ];
}

/**
 * The command: returns the exit code and writes its lines to `out` and `err`.
 * @param argv the arguments after the script
 */
export async function main(
  argv: readonly string[],
  vars: NodeJS.ProcessEnv,
  io: { out: (s: string) => void; err: (s: string) => void; fetchImpl?: typeof fetch; now?: () => Date },
): Promise<number> {
  let target = SNAPSHOT_FILE;
  try {
    const { values } = parseArgs({ args: [...argv], options: { out: { type: 'string' }, derived: { type: 'string' } } });
    target = path.resolve(values.out ?? SNAPSHOT_FILE);
    const derived = readDerived(path.resolve(values.derived ?? DERIVED_DIR));
    const tmKey = env(vars, 'TOKENMETRICS_API_KEY');
    const { snapshot, report } = await refreshSnapshot({
      coingecko: { base: env(vars, 'COINGECKO_BASE') ?? DEFAULT_COINGECKO_BASE, apiKey: env(vars, 'COINGECKO_API_KEY') },
      tokenmetrics: tmKey ? { base: env(vars, 'TOKENMETRICS_BASE') ?? DEFAULT_TOKENMETRICS_BASE, apiKey: tmKey } : null,
      derived,
      ...(io.fetchImpl ? { fetchImpl: io.fetchImpl } : {}),
      ...(io.now ? { now: io.now } : {}),
    });
    const text = serializeSnapshot(snapshot);
    mkdirSync(path.dirname(target), { recursive: true });
    const temp = `${target}.${process.pid}.tmp`;
    try {
      writeFileSync(temp, text);
      renameSync(temp, target);
    } finally {
      rmSync(temp, { force: true });
    }
    const shown = path.relative(PROJECT_ROOT, target).startsWith('..') ? target : path.relative(PROJECT_ROOT, target);
    io.out(`${reportLines(report, shown, Buffer.byteLength(text)).join('\n')}\n`);
    return 0;
  } catch (error) {
    // Messages name the source, the request and the status; no URL, header or body goes out.
    const message = error instanceof Error ? error.message : String(error);
    io.err(`refresh failed: ${message}\n${target} is unchanged.\n`);
    return 1;
  }
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const code = await main(process.argv.slice(2), process.env, {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
  });
  process.exitCode = code;
}
