// What the embedded database costs the server's event loop: a 20,000-row board (5 MB of state) is
// written, read and compacted through the board store on PGlite, once with PGlite on the calling
// thread (the baseline, as the server ran it before) and once on its own thread (db/pglite-thread.ts,
// as the server runs it now). Per operation: the median time, and the longest the event loop went
// without a turn meanwhile, which is how long every socket of the server waits.
// Run: npm run bench:pglite-thread [-- repeats=5]
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import * as Y from 'yjs';
import { createBoardStore, type BoardStore } from '../db/board-store.ts';
import { createDb, MIGRATIONS_FOLDER, migrateDb } from '../db/create-db.ts';
import { pgliteByteaCodec } from '../db/pglite-bytea.mjs';
import * as schema from '../db/schema.ts';
import { watchPauses } from './event-loop.ts';
import { generatedBoard, must } from './generated-board.ts';
import { median } from './stats.ts';

const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.split('=') as [string, string]));
const REPEATS = Number(args.repeats ?? 5);
const ROWS = 20_000;

interface Store {
  store: BoardStore;
  close(): Promise<void>;
}

async function onThisThread(dataDir: string): Promise<Store> {
  const client = new PGlite(dataDir, pgliteByteaCodec);
  await client.waitReady;
  const db = drizzle({ client, schema });
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return { store: createBoardStore(db), close: () => client.close() };
}

async function onItsOwnThread(dataDir: string): Promise<Store> {
  const handle = await createDb({ dataDir });
  await migrateDb(handle);
  return { store: createBoardStore(handle.db), close: () => handle.close() };
}

/** Runs an operation and reports its time and the longest the event loop went without a turn meanwhile. */
async function timed(operation: () => Promise<unknown>): Promise<{ ms: number; pauseMs: number }> {
  const pauses = watchPauses();
  const start = performance.now();
  await operation();
  const ms = performance.now() - start;
  return { ms, pauseMs: pauses.stop() };
}

const state = Y.encodeStateAsUpdate(generatedBoard(ROWS, { kind: 'import', userId: 'bench' }));
console.log(`bench/pglite-thread  ${new Date().toISOString()}  node ${process.version}  ${os.cpus().length} cores  ${REPEATS} repeats  state ${(state.length / 2 ** 20).toFixed(2)} MiB (${ROWS} rows)\n`);
console.log('| PGlite on | operation | median ms | longest event-loop pause ms (median) | (max) |');
console.log('| --- | --- | ---: | ---: | ---: |');
const pauses = new Map<string, number>();
for (const [label, open] of [
  ['this thread (baseline)', onThisThread],
  ['its own thread', onItsOwnThread],
] as const) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'planbord-pglite-thread-'));
  const { store, close } = await open(dataDir);
  const results = { create: [] as { ms: number; pauseMs: number }[], load: [] as { ms: number; pauseMs: number }[], compact: [] as { ms: number; pauseMs: number }[] };
  for (let i = 0; i < REPEATS; i++) {
    const id = `bench-${i}`;
    results.create.push(await timed(async () => must(await store.createBoard({ id, title: id, year: 2025 }, state, 'bench'))));
    results.load.push(await timed(() => store.loadBoardState(id)));
    const through = (await store.loadBoardState(id))!.compactedThrough;
    results.compact.push(await timed(async () => must(await store.compact(id, state, through))));
  }
  await close();
  rmSync(dataDir, { recursive: true, force: true });
  for (const [operation, runs] of Object.entries(results)) {
    const pause = median(runs.map((run) => run.pauseMs));
    pauses.set(`${label}:${operation}`, pause);
    console.log(`| ${label} | ${operation} | ${median(runs.map((run) => run.ms)).toFixed(0)} | ${pause.toFixed(1)} | ${Math.max(...runs.map((run) => run.pauseMs)).toFixed(1)} |`);
  }
}
console.log('\nlongest pause on its own thread / on this thread (median):');
for (const operation of ['create', 'load', 'compact']) {
  console.log(`  ${operation}: ${(pauses.get(`its own thread:${operation}`)! / pauses.get(`this thread (baseline):${operation}`)!).toFixed(2)}`);
}
