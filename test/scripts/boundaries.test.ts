// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
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

/** A fixture tree: each file imports one path (or exports/imports it another way), and what the rule should say. */
const CASES: ReadonlyArray<{ readonly file: string; readonly code: string; readonly expected: Expected }> = [
  { file: 'src/features/new-feature/x.ts', code: "import { t } from '../token-list/t.ts';\nexport const x = t;\n", expected: 'feature' },
  { file: 'src/features/a/sub/deep.ts', code: "import { y } from '../../b/y.ts';\nexport const deep = y;\n", expected: 'feature' },
  { file: 'src/features/a/sub/reexport.ts', code: "export { y } from '../../b/y.ts';\n", expected: 'feature' },
  { file: 'src/features/a/sub/lazy.ts', code: "export const load = () => import('../../b/y.ts');\n", expected: 'feature' },
  { file: 'src/features/a/sub/typed.ts', code: "export type Y = typeof import('../../b/y.ts').y;\n", expected: 'feature' },
  { file: 'src/features/a/sub/own.ts', code: "import { a } from '../a.ts';\nexport const own = a;\n", expected: null },
  { file: 'src/features/a/shell.ts', code: "import { app } from '../../app/app.ts';\nexport const shell = app;\n", expected: 'featureApp' },
  {
    file: 'src/features/a/good.ts',
    code: "import { l } from '../../lib/l.ts';\nimport { u } from '../../ui/u.ts';\nimport { d } from '../../data/d.ts';\nimport { s } from '../../state/s.ts';\nimport { e } from '../../engine/e.ts';\nimport './a.css';\nexport const good = [l, u, d, s, e];\n",
    expected: null,
  },
  { file: 'src/engine/bad.ts', code: "import { l } from '../lib/l.ts';\nexport const bad = l;\n", expected: 'engine' },
  { file: 'src/lib/bad.ts', code: "import { u } from '../ui/u.ts';\nexport const bad = u;\n", expected: 'leaf' },
  { file: 'src/lib/new-layer.ts', code: "import { h } from '../hooks/h.ts';\nexport const bad = h;\n", expected: 'leaf' },
  { file: 'src/ui/bad.ts', code: "import { s } from '../state/s.ts';\nexport const bad = s;\n", expected: 'leaf' },
  { file: 'src/ui/good.ts', code: "import { l } from '../lib/l.ts';\nexport const good = l;\n", expected: null },
  { file: 'src/data/bad.ts', code: "import { a } from '../features/a/a.ts';\nexport const bad = a;\n", expected: 'below' },
  { file: 'src/state/bad.ts', code: "import { u } from '../ui/u.ts';\nexport const bad = u;\n", expected: 'below' },
  { file: 'src/state/good.ts', code: "import { d } from '../data/d.ts';\nimport { e } from '../engine/e.ts';\nexport const good = [d, e];\n", expected: null },
  {
    file: 'src/app/good.ts',
    code: "import { a } from '../features/a/a.ts';\nimport { t } from '../features/token-list/t.ts';\nexport const good = [a, t];\n",
    expected: null,
  },
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
