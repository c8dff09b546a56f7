/**
 * docs/deploy.md's steps, up to the one that needs a Cloudflare account: the commands it gives exist
 * and resolve to the project's pinned wrangler, and its account-free check (`wrangler deploy --dry-run
 * --outdir`) bundles the Worker with the bindings the docs name. No login, no upload, no network.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unstable_readConfig } from 'wrangler';
import { fakeDist, ROOT, wrangler } from './fixtures.ts';

const docs = readFileSync(join(ROOT, 'docs/deploy.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
  engines: { node: string };
};
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** The shell lines of the docs' code blocks, comments dropped. */
const commands = [...docs.matchAll(/```sh\n([\s\S]*?)```/g)]
  .flatMap((m) => (m[1] ?? '').split('\n').map((line) => line.replace(/\s+#.*$/, '').trim()))
  .filter(Boolean);

describe('docs/deploy.md', () => {
  it('gives the login and deploy steps, and npm run deploy is build then wrangler deploy', () => {
    expect(commands).toContain('npx wrangler login');
    expect(commands).toContain('npm run deploy');
    expect(pkg.scripts.deploy).toBe('npm run build && wrangler deploy');
  });

  it('names only npm scripts that exist', () => {
    const scripts = commands.flatMap((c) => [...c.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]));
    expect(scripts.length).toBeGreaterThan(2);
    expect(scripts.filter((name) => name === undefined || !(name in pkg.scripts))).toEqual([]);
  });

  it('uses the pinned wrangler (<= 4.49, the last for Node 20) that npx finds in node_modules', () => {
    expect(pkg.devDependencies.wrangler).toBe('4.49.1');
    expect(pkg.engines.node).toBe('>=20.19');
    expect(wrangler(['--version']).trim()).toContain('4.49.1');
  });

  it('matches wrangler.jsonc: main, the dist/ assets with the SPA fallback, the proxy first, the upstream vars', () => {
    const config = unstable_readConfig({ config: join(ROOT, 'wrangler.jsonc') });
    expect(config.main).toBe(join(ROOT, 'worker/index.ts'));
    expect(config.compatibility_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(config.assets).toMatchObject({
      directory: './dist',
      binding: 'ASSETS',
      not_found_handling: 'single-page-application',
      run_worker_first: ['/proxy/*'],
    });
    expect(config.vars).toEqual({ COINGECKO_BASE: 'https://api.coingecko.com/api/v3', TOKENMETRICS_BASE: 'https://api.tokenmetrics.com/v2' });
  });

  it('runs the account-free check it documents: wrangler deploy --dry-run --outdir bundles the Worker and lists its bindings', () => {
    const documented = commands.find((c) => c.startsWith('npx wrangler deploy --dry-run --outdir'));
    expect(documented).toBeDefined();
    const outdir = mkdtempSync(join(tmpdir(), 'capbands-dry-run-'));
    made.push(outdir);
    // The real dist/ when a build exists; else a tiny stand-in (the docs run `npm run build` first).
    const assets = existsSync(join(ROOT, 'dist/index.html')) ? join(ROOT, 'dist') : fakeDist();
    if (assets !== join(ROOT, 'dist')) made.push(assets);
    const output = wrangler(['deploy', '--dry-run', '--outdir', outdir, '--assets', assets]);
    expect(output).toContain('--dry-run: exiting now.');
    for (const binding of ['env.ASSETS', 'env.COINGECKO_BASE', 'env.TOKENMETRICS_BASE']) expect(output).toContain(binding);
    const bundle = readFileSync(join(outdir, 'index.js'), 'utf8');
    expect(bundle).toContain('/proxy/');
    expect(bundle).toMatch(/export\s*{[^}]*as default/);
  });
});
