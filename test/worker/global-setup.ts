import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { fakeDist, wrangler } from './fixtures.ts';

let outdir: string | undefined;

/** Bundles the Worker once, as `wrangler deploy` would, without an account (`--dry-run`). */
export function setup(project: TestProject): void {
  outdir = mkdtempSync(join(tmpdir(), 'capbands-worker-'));
  wrangler(['deploy', '--dry-run', '--outdir', outdir, '--assets', fakeDist()]);
  project.provide('workerBundle', join(outdir, 'index.js'));
}

export function teardown(): void {
  if (outdir) rmSync(outdir, { recursive: true, force: true });
}
