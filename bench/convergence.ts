// Runs the convergence property test (server/sync/convergence-property.test.ts) over many seeds: a
// batch of seeds per test process, one process at a time (each batch starts its own server and
// PGlite database, so a batch shares a server across its runs as the test does). Prints each
// batch's outcome as it ends, every failure in full, and a summary.
// Run: npm run bench:convergence [-- seeds=10000 first=1 batch=1000]
// (CONVERGENCE_BENCH_SEEDS and CONVERGENCE_FIRST_SEED set the same as seeds= and first=.)
import { spawn } from 'node:child_process';

const args = Object.fromEntries(process.argv.slice(2).filter((arg) => arg.includes('=')).map((arg) => arg.split('=') as [string, string]));
const SEEDS = Number(args.seeds ?? process.env.CONVERGENCE_BENCH_SEEDS ?? 10_000);
const FIRST = Number(args.first ?? process.env.CONVERGENCE_FIRST_SEED ?? 1);
const BATCH = Number(args.batch ?? 1_000);
const TEST = 'server/sync/convergence-property.test.ts';

interface BatchResult {
  ok: boolean;
  /** Seeds run, regression seeds included, and how many of them failed (from the test's summary). */
  ran: number;
  failedRuns: number;
  /** The failure messages, one per failing seed, as the test printed them. */
  failures: string[];
  summary: string;
  output: string;
}

/** The test prints each failing seed's message starting with "seed N:"; vitest quotes them in its diff. */
function failuresIn(output: string): string[] {
  const seen = new Map<string, string>();
  for (const match of output.matchAll(/seed (\d+): ([^\n"]+)/g)) if (!seen.has(match[1]!)) seen.set(match[1]!, match[0]);
  return [...seen.values()];
}

function runBatch(first: number, runs: number): Promise<BatchResult> {
  return new Promise((resolve) => {
    const env = { ...process.env, CONVERGENCE_FIRST_SEED: String(first), CONVERGENCE_RUNS: String(runs), FORCE_COLOR: '0' };
    const child = spawn('node_modules/.bin/vitest', ['run', TEST], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => {
      const summary = /convergence: [^\n]+/.exec(output)?.[0] ?? '(no summary: the test did not finish)';
      const ran = Number(/(\d+) runs/.exec(summary)?.[1] ?? 0);
      const failedRuns = Number(/(\d+) failed/.exec(summary)?.[1] ?? 0);
      resolve({ ok: code === 0, ran, failedRuns, failures: failuresIn(output), summary, output });
    });
  });
}

const started = Date.now();
let passed = 0;
let ran = 0;
const failed: string[] = [];
for (let first = FIRST; first < FIRST + SEEDS; first += BATCH) {
  const runs = Math.min(BATCH, FIRST + SEEDS - first);
  const batchStarted = Date.now();
  const result = await runBatch(first, runs);
  const seconds = ((Date.now() - batchStarted) / 1000).toFixed(0);
  console.log(`${result.ok ? 'ok  ' : 'FAIL'} ${result.summary} (${seconds} s)`);
  ran += result.ran;
  passed += result.ran - result.failedRuns;
  if (!result.ok) {
    // A batch that failed without naming a seed (a crash, a timeout): show how it ended.
    if (result.failures.length === 0) console.log(result.output.slice(-4000));
    failed.push(...(result.failures.length > 0 ? result.failures : [`batch from seed ${first}`]));
    const details = result.output.match(/seed \d+: [\s\S]*?faults: [^\n]*/g) ?? [];
    for (const detail of new Set(details)) console.log(detail.replace(/^/gm, '    '));
  }
}
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
console.log(`\nconvergence: ${SEEDS} seeds from ${FIRST}, ${ran} runs in ${minutes} min: ${passed} passed, ${failed.length} failed${failed.length ? `:\n  ${failed.join('\n  ')}` : ''}`);
process.exitCode = failed.length > 0 ? 1 : 0;
