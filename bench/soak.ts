// Soak: 200 clients churn through 2,000 boards (connect to a random board, edit a few cells, wait
// until saved, disconnect, move on) for a while, against the real server process. Every few seconds
// it samples the server: heap after a full GC, RSS, open boards, connections, open file descriptors.
// After the clients leave it checks that the heap returns to its baseline, that every board leaves
// memory, and that file descriptors do not grow, and prints PASS or FAIL for each.
// The server runs on a fresh PostgreSQL database, created through DATABASE_URL (default
// postgres://postgres@127.0.0.1:5432/postgres) and dropped at the end.
// Run: npm run bench:soak [-- <seconds>] [-- boards=2000 clients=200 sample=5]   (SOAK_SECONDS also sets the time; default 600)
import os from 'node:os';
import * as Y from 'yjs';
import { createBoardStore } from '../db/board-store.ts';
import { readSheet, setCell } from '../shared/board/board-doc.ts';
import type { BoardOrigin } from '../shared/board/origins.ts';
import { buildPlan2025Board } from '../shared/plan-2025/plan-board.ts';
import { benchClient } from './bench-clients.ts';
import { BENCH_ADMIN_TOKEN, BENCH_ADMIN_URL, openBenchDatabase, openFileDescriptors, processStats, startBenchServer, type BenchServer } from './bench-process.ts';

const argv = process.argv.slice(2);
const args = Object.fromEntries(argv.filter((arg) => arg.includes('=')).map((arg) => arg.split('=') as [string, string]));
const SECONDS = Number(argv.find((arg) => /^\d+$/.test(arg)) ?? process.env.SOAK_SECONDS ?? 600);
const BOARDS = Number(args.boards ?? 2_000);
const CLIENTS = Number(args.clients ?? 200);
const SAMPLE_SECONDS = Number(args.sample ?? 5);
const HEAP_TOLERANCE = 0.1;
/** Sockets the database pool may still open after the warm-up, and the odd file of the runtime. */
const FD_TOLERANCE = 2;
const TOKEN = BENCH_ADMIN_TOKEN;
const origin: BoardOrigin = { kind: 'user', userId: 'bench' };
process.setMaxListeners(0);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const between = (low: number, high: number) => low + Math.random() * (high - low);
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise.then(() => true), sleep(ms).then(() => false)]);

interface Sample {
  at: number;
  heapBytes: number;
  rssBytes: number;
  openBoards: number;
  connections: number;
  fds: number;
}

interface Counts {
  cycles: number;
  edits: number;
  failedSyncs: number;
  unsaved: number;
}

async function sample(server: BenchServer, started: number): Promise<Sample> {
  const metrics = await server.metrics(true);
  return {
    at: (performance.now() - started) / 1000,
    heapBytes: metrics.heapUsedBytes,
    rssBytes: metrics.rssBytes,
    openBoards: metrics.openBoards,
    connections: metrics.connections,
    fds: openFileDescriptors(server.pid),
  };
}

function printSample(s: Sample, label = ''): void {
  console.log(`| ${s.at.toFixed(0).padStart(6)} | ${mib(s.heapBytes).padStart(13)} | ${mib(s.rssBytes).padStart(7)} | ${String(s.openBoards).padStart(11)} | ${String(s.connections).padStart(11)} | ${String(s.fds).padStart(4)} | ${label}`);
}

/** One client's life on one board: connect, edit a few cells, wait until saved, leave. */
async function visit(server: BenchServer, boardId: string, counts: Counts): Promise<void> {
  const client = benchClient('planbord', server.url, boardId, TOKEN);
  try {
    if (!(await within(client.synced(), 20_000))) {
      counts.failedSyncs++;
      return;
    }
    const rows = readSheet(client.doc, 'beheer').map((entry) => entry.id);
    const edits = Math.floor(between(1, 6));
    for (let i = 0; i < edits; i++) {
      await sleep(between(200, 800));
      setCell(client.doc, 'beheer', rows[Math.floor(Math.random() * rows.length)]!, 'amount', Math.floor(between(1, 5e4)) * 1000, origin);
      counts.edits++;
    }
    if (!(await within(client.whenSaved!(), 10_000))) counts.unsaved++;
    counts.cycles++;
  } finally {
    client.destroy();
  }
}

async function waitUntilEmpty(server: BenchServer, timeoutMs: number, onSample: () => Promise<Sample>): Promise<Sample> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const current = await onSample();
    if ((current.openBoards === 0 && current.connections === 0) || Date.now() > deadline) return current;
    await sleep(1000);
  }
}

async function main(): Promise<void> {
  const database = await openBenchDatabase(BENCH_ADMIN_URL);
  const server = await startBenchServer(database.url, TOKEN);
  try {
    console.log(`bench/soak  ${new Date().toISOString()}  node ${process.version}  ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'})  PostgreSQL ${new URL(BENCH_ADMIN_URL).host}`);
    console.log(`${CLIENTS} clients churning through ${BOARDS} boards (2025 plan) for ${SECONDS} s; sampled every ${SAMPLE_SECONDS} s\n`);

    // The boards exist beforehand, written through the store as the import route would.
    const store = createBoardStore(database.handle.db);
    const plan = buildPlan2025Board();
    const state = Y.encodeStateAsUpdate(plan);
    plan.destroy();
    const ids = Array.from({ length: BOARDS }, (_, i) => `soak-${i}`);
    for (let i = 0; i < ids.length; i += 20) {
      await Promise.all(ids.slice(i, i + 20).map((id) => store.createBoard({ id, title: `Soak ${id}`, year: 2025 }, state, 'bench')));
    }

    // Warm-up: code paths, caches and the database pool reach their working size before the baseline.
    const counts: Counts = { cycles: 0, edits: 0, failedSyncs: 0, unsaved: 0 };
    await Promise.all(ids.slice(0, 20).map((id) => visit(server, id, counts)));
    const started = performance.now();
    const baseline = await waitUntilEmpty(server, 60_000, () => sample(server, started));

    console.log(`| ${'s'.padStart(6)} | heap (GC) MiB | RSS MiB | open boards | connections |  fds |`);
    console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
    printSample(baseline, 'baseline, after warm-up');
    const samples: Sample[] = [baseline];
    Object.assign(counts, { cycles: 0, edits: 0, failedSyncs: 0, unsaved: 0 });

    const deadline = performance.now() + SECONDS * 1000;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        await sleep(SAMPLE_SECONDS * 1000);
        if (!sampling) break;
        const s = await sample(server, started);
        samples.push(s);
        printSample(s);
      }
    })();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        // Staggered, so the clients do not all arrive in the same second.
        await sleep(between(0, 3000));
        while (performance.now() < deadline) {
          await visit(server, ids[Math.floor(Math.random() * ids.length)]!, counts);
          await sleep(between(100, 1000));
        }
      }),
    );
    sampling = false;
    await sampler;
    const load = samples.slice(1);
    const peak = (pick: (s: Sample) => number) => Math.max(...load.map(pick));

    // The boards leave after their idle time (5 s) once saved; allow a generous grace period.
    const left = await waitUntilEmpty(server, 60_000, async () => sample(server, started));
    printSample(left, 'clients gone, after the grace period');
    const final = await sample(server, started);
    printSample(final, 'final');

    console.log(`\nvisits ${counts.cycles}, edits ${counts.edits}, failed syncs ${counts.failedSyncs}, not saved within 10 s ${counts.unsaved}`);
    console.log(`peaks under load: ${peak((s) => s.openBoards)} open boards, ${peak((s) => s.connections)} connections, heap ${mib(peak((s) => s.heapBytes))} MiB, RSS ${mib(peak((s) => s.rssBytes))} MiB, ${peak((s) => s.fds)} fds`);
    console.log(`server CPU: ${processStats(server.pid).cpuSeconds.toFixed(1)} s\n`);

    const heapRatio = final.heapBytes / baseline.heapBytes;
    const verdict = (pass: boolean) => (pass ? 'PASS' : 'FAIL');
    console.log(`${verdict(heapRatio <= 1 + HEAP_TOLERANCE)}  heap after GC back within ${HEAP_TOLERANCE * 100}% of the baseline: ${mib(final.heapBytes)} MiB / ${mib(baseline.heapBytes)} MiB = ${heapRatio.toFixed(3)}`);
    console.log(`${verdict(left.openBoards === 0 && left.connections === 0)}  boards leave memory after their last client: ${left.openBoards} open boards, ${left.connections} connections after the grace period`);
    console.log(`${verdict(final.fds <= baseline.fds + FD_TOLERANCE)}  file descriptors flat: ${final.fds} at the end, ${baseline.fds} at the baseline, at most ${peak((s) => s.fds)} under load`);
  } finally {
    await server.stop();
    await database.close();
  }
}

await main();
process.exit(0);
