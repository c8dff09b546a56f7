// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OXLINT = join(ROOT, 'node_modules/oxlint/bin/oxlint');

const MESSAGES = {
  engine: 'The engine is a leaf',
  leaf: 'lib and ui are leaves',
  below: 'data and state sit below features',
  feature: 'Features never import each other',
  featureApp: 'Features never import the app shell',
} as const;
type Expected = keyof typeof MESSAGES | null;

interface Case {
  readonly file: string;
  readonly code: string;
  readonly expected: Expected;
}

/** A case whose file imports a name from each of `targets` (the target's base name) or, from a stylesheet, nothing. */
function importing(file: string, targets: readonly string[], expected: Expected): Case {
  const names = targets.filter((t) => t.endsWith('.ts')).map((t) => basename(t, '.ts'));
  const lines = targets.map((t) => (t.endsWith('.ts') ? `import { ${basename(t, '.ts')} } from '${t}';` : `import '${t}';`));
  return { file, code: `${lines.join('\n')}\nexport const imported = [${names.join(', ')}];\n`, expected };
}

/** A fixture tree: each file imports paths (or exports/imports one another way), and what the rule should say. */
const CASES: readonly Case[] = [
  importing('src/features/new-feature/x.ts', ['../token-list/t.ts'], 'feature'),
  importing('src/features/a/sub/deep.ts', ['../../b/y.ts'], 'feature'),
  { file: 'src/features/a/sub/reexport.ts', code: "export { y } from '../../b/y.ts';\n", expected: 'feature' },
  { file: 'src/features/a/sub/lazy.ts', code: "export const load = () => import('../../b/y.ts');\n", expected: 'feature' },
  { file: 'src/features/a/sub/typed.ts', code: "export type Y = typeof import('../../b/y.ts').y;\n", expected: 'feature' },
  importing('src/features/a/sub/own.ts', ['../a.ts'], null),
  importing('src/features/a/shell.ts', ['../../app/app.ts'], 'featureApp'),
  importing('src/features/a/good.ts', ['../../lib/l.ts', '../../ui/u.ts', '../../data/d.ts', '../../state/s.ts', '../../engine/e.ts', './a.css'], null),
  importing('src/engine/bad.ts', ['../lib/l.ts'], 'engine'),
  importing('src/lib/bad.ts', ['../ui/u.ts'], 'leaf'),
  importing('src/lib/new-layer.ts', ['../hooks/h.ts'], 'leaf'),
  importing('src/ui/bad.ts', ['../state/s.ts'], 'leaf'),
  importing('src/ui/good.ts', ['../lib/l.ts'], null),
  importing('src/data/bad.ts', ['../features/a/a.ts'], 'below'),
  importing('src/state/bad.ts', ['../ui/u.ts'], 'below'),
  importing('src/state/good.ts', ['../data/d.ts', '../engine/e.ts'], null),
  importing('src/app/good.ts', ['../features/a/a.ts', '../features/token-list/t.ts'], null),
];

/** Files the cases import, each exporting its one name. */
const TARGETS: Record<string, string> = {
  'src/features/token-list/t.ts': 't',
  'src/features/b/y.ts': 'y',
  'src/features/a/a.ts': 'a',
  'src/app/app.ts': 'app',
  'src/lib/l.ts': 'l',
  'src/ui/u.ts': 'u',
  'src/data/d.ts': 'd',
  'src/state/s.ts': 's',
  'src/engine/e.ts': 'e',
  'src/hooks/h.ts': 'h',
};

interface Diagnostic {
  readonly message: string;
  readonly code: string;
  readonly filename: string;
}

let dir = '';

/** oxlint with `config` over the fixture's src/, run from the fixture (the rule finds src/ there): its boundary diagnostics. */
function lint(config: string): Diagnostic[] {
  const run = spawnSync(process.execPath, [OXLINT, '-c', config, '--format', 'json', 'src'], { cwd: dir, encoding: 'utf8' });
  expect(run.error).toBeUndefined();
  const report = JSON.parse(run.stdout) as { diagnostics: Diagnostic[] };
  return report.diagnostics.filter((d) => d.code === 'capbands(boundaries)');
}

/** The key of a message (the message itself when it is none of them). */
const said = (message: string): string => Object.entries(MESSAGES).find(([, text]) => message.startsWith(text))?.[0] ?? message;

/** What the rule said about each case's file. */
function verdicts(diagnostics: readonly Diagnostic[]): Record<string, string[]> {
  return Object.fromEntries(CASES.map(({ file }) => [file, diagnostics.filter((d) => d.filename === file).map((d) => said(d.message))]));
}

const EXPECTED = Object.fromEntries(CASES.map(({ file, expected }) => [file, expected === null ? [] : [expected]]));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'capbands-boundaries-'));
  const write = (file: string, code: string) => {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), code);
  };
  for (const [file, name] of Object.entries(TARGETS)) write(file, `export const ${name} = 1;\n`);
  for (const { file, code } of CASES) write(file, code);
  write('src/features/a/a.css', '.a {\n  color: red;\n}\n');
  const plugin = join(ROOT, 'scripts/lint/boundaries.js');
  write(
    'boundaries-only.json',
    JSON.stringify({ jsPlugins: [plugin], plugins: [], categories: { correctness: 'off' }, rules: { 'capbands/boundaries': 'error' } }),
  );
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('capbands/boundaries (scripts/lint/boundaries.js)', () => {
  it('reports an import across layers by its resolved path, in any feature and any nested folder, and nothing else', () => {
    expect(verdicts(lint('boundaries-only.json'))).toEqual(EXPECTED);
  });

  it("is on in the project's .oxlintrc.json", () => {
    expect(verdicts(lint(join(ROOT, '.oxlintrc.json')))).toEqual(EXPECTED);
  });
});
