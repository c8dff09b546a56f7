/**
 * Runs the Worker in the real runtime (Miniflare 4, workerd) as wrangler.jsonc configures it: the
 * bundle is what `wrangler deploy --dry-run` builds (global-setup.ts), the options are what wrangler
 * derives from wrangler.jsonc (compatibility date, assets with the SPA fallback and `run_worker_first`,
 * vars), with the assets directory and upstream vars replaced by the test's own.
 */
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, beforeEach, inject } from 'vitest';
import { unstable_getMiniflareWorkerOptions, unstable_readConfig } from 'wrangler';
import { fakeDist, ROOT } from './fixtures.ts';
import { startStub, type Stub } from './stub.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Worker bundled by `wrangler deploy --dry-run` (global-setup.ts). */
    workerBundle: string;
  }
}

export interface RunningWorker {
  /** `http://127.0.0.1:<port>` of the Worker. */
  readonly url: string;
  /** Everything the runtime wrote to stdout and stderr so far (the Worker's logs). */
  output(): string;
  close(): Promise<void>;
}

/** Starts the Worker with `vars` replacing wrangler.jsonc's (upstream bases, fresh times). */
export async function startWorker(vars: Readonly<Record<string, string>>, assetsDir?: string): Promise<RunningWorker> {
  const dir = assetsDir ?? fakeDist();
  const config = unstable_readConfig({ config: join(ROOT, 'wrangler.jsonc') });
  if (!config.assets) throw new Error('wrangler.jsonc has no assets');
  const { workerOptions } = unstable_getMiniflareWorkerOptions({ ...config, assets: { ...config.assets, directory: dir } });
  const bundle = inject('workerBundle');
  let output = '';
  const mf = new Miniflare({
    ...workerOptions,
    name: 'capbands',
    modules: true,
    scriptPath: bundle,
    // Module names are paths relative to this root; the bundle lives in a temporary folder.
    modulesRoot: dirname(bundle),
    bindings: { ...workerOptions.bindings, ...vars },
    // The placeholder `request.cf`: without this Miniflare may fetch the real one from workers.cloudflare.com.
    cf: false,
    handleRuntimeStdio(stdout, stderr) {
      stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    },
  });
  let url: URL;
  try {
    url = await mf.ready;
  } catch (error) {
    await mf.dispose().catch(() => undefined);
    throw new Error(`the Workers runtime did not start:\n${output}`, { cause: error });
  }
  return {
    url: url.origin,
    output: () => output,
    close: async () => {
      await mf.dispose();
      if (assetsDir === undefined) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A Worker pointed at a fresh stub, for one test file (see `withWorkerAndStub`). */
export interface WorkerAndStub {
  readonly stub: Stub;
  readonly worker: RunningWorker;
  /** GETs `path` from the Worker with `headers`. */
  readonly get: (path: string, headers?: Record<string, string>) => Promise<Response>;
}

/** The value once `beforeAll` has set it. */
function ready<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('the Worker and stub start in beforeAll: use them inside a test');
  return value;
}

/**
 * Registers the file's hooks: a stub upstream and the Worker with both bases pointed at it (plus
 * `vars`) before all tests, closed after them; before each test the stub forgets its requests and
 * goes back to its default answer. Read `stub` and `worker` inside tests, not at module level.
 */
export function withWorkerAndStub(vars: Readonly<Record<string, string>> = {}): WorkerAndStub {
  let stub: Stub | undefined;
  let worker: RunningWorker | undefined;
  beforeAll(async () => {
    stub = await startStub();
    worker = await startWorker({ COINGECKO_BASE: `${stub.url}/api/v3`, TOKENMETRICS_BASE: `${stub.url}/v2`, ...vars });
  });
  afterAll(async () => {
    await worker?.close();
    await stub?.close();
  });
  beforeEach(() => {
    ready(stub).requests.length = 0;
    ready(stub).answer(null);
  });
  return {
    get stub() {
      return ready(stub);
    },
    get worker() {
      return ready(worker);
    },
    get: (path, headers = {}) => fetch(`${ready(worker).url}${path}`, { headers }),
  };
}
