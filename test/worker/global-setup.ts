import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { fakeDist, wrangler } from './fixtures.ts';

let outdir: string | undefined;
let assets: string | undefined;

/** Bundles the Worker once, as `wrangler deploy` would, without an account (`--dry-run`). */
export function setup(project: TestProject): void {
  outdir = mkdtempSync(join(tmpdir(), 'capbands-worker-'));
  assets = fakeDist();
  wrangler(['deploy', '--dry-run', '--outdir', outdir, '--assets', assets]);
  project.provide('workerBundle', join(outdir, 'index.js'));
}

export function teardown(): void {
  for (const dir of [outdir, assets]) if (dir) rmSync(dir, { recursive: true, force: true });
}
