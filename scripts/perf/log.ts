/** Progress lines on stderr, timed from the start of the run (stdout is the table). */
const runStart = performance.now();

/** Seconds since the run started. */
export const elapsed = (): number => (performance.now() - runStart) / 1000;

export const log = (message: string): void => void process.stderr.write(`perf: [${elapsed().toFixed(0).padStart(3)} s] ${message}\n`);
