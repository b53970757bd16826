// Load: what a board costs to open. (a) A fresh y-websocket client receives a 2,000- and a
// 20,000-row board, cold (the server loads it from the database) and warm (already open), with the
// bytes it received; baseline: applying the same state in this process. (b) Server memory per open
// board of the 2025 plan, one client each. (c) Loading a 20,000-row board from the database after
// 100,000 small edits made through the server, against the same board with no log at all.
// The server runs as a child process on a fresh PostgreSQL database, created through DATABASE_URL
// (default postgres://postgres@127.0.0.1:5432/postgres) and dropped at the end.
// Run: npm run bench:load [-- sizes=2000,20000 runs=3 boards=1,10,50 updates=100000 writers=5]
import os from 'node:os';
import * as Y from 'yjs';
import { createBoardStore, type BoardState, type BoardStore } from '../db/board-store.ts';
import { docFromStored } from '../server/sync/stored-board.ts';
import { readSheet, setCell, sheetMap } from '../shared/board/board-doc.ts';
import type { BoardOrigin } from '../shared/board/origins.ts';
import { buildPlan2025Board } from '../shared/plan-2025/plan-board.ts';
import { benchClient, importBoard, type BenchClient } from './bench-clients.ts';
import { BENCH_ADMIN_TOKEN, BENCH_ADMIN_URL, openBenchDatabase, processStats, startBenchServer, type BenchServer } from './bench-process.ts';
import { watchPauses } from './event-loop.ts';
import { generatedBoard } from './generated-board.ts';
import { median } from './stats.ts';

const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.split('=') as [string, string]));
const SIZES = (args.sizes ?? '2000,20000').split(',').map(Number);
const RUNS = Number(args.runs ?? 3);
const BOARD_COUNTS = (args.boards ?? '1,10,50').split(',').map(Number);
const UPDATES = Number(args.updates ?? 100_000);
const WRITERS = Number(args.writers ?? 5);
// Below the server's 500 messages per second per connection, so no writer is cut off.
const WRITER_RATE = 450;
const LOG_ROWS = 20_000;
const TARGET_MS = 200;
const TOKEN = BENCH_ADMIN_TOKEN;
const origin: BoardOrigin = { kind: 'user', userId: 'bench' };
process.setMaxListeners(0);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(2);
const cell = (value: string | number, width: number) => String(value).padStart(width);
const rowCount = (doc: Y.Doc) => sheetMap(doc, 'beheer').size + sheetMap(doc, 'vernieuwing').size;

async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

async function connected(server: BenchServer, boardId: string): Promise<{ client: BenchClient; ms: number; bytes: number }> {
  const start = performance.now();
  const client = benchClient('planbord', server.url, boardId, TOKEN);
  await client.synced();
  return { client, ms: performance.now() - start, bytes: client.bytesReceived!() };
}

/** (a) Time and bytes for a fresh client to be fully synced. */
async function receiveBoards(server: BenchServer): Promise<void> {
  console.log('\n(a) a fresh client receives a board (medians of %d; cold = the server loads it from the database)\n', RUNS);
  console.log('| rows   | state MiB | apply in-process ms (baseline) | warm sync ms | cold sync ms | received MiB | received / state | warm / baseline |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const size of SIZES) {
    const doc = generatedBoard(size, origin);
    const state = Y.encodeStateAsUpdate(doc);
    const applied: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      const copy = new Y.Doc();
      Y.applyUpdate(copy, state);
      applied.push(performance.now() - start);
      copy.destroy();
    }
    const cold: number[] = [];
    const warm: number[] = [];
    const bytes: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const id = `sync-${size}-${run}`;
      await importBoard(server.url, TOKEN, id, doc);
      const first = await connected(server, id);
      const second = await connected(server, id);
      if (rowCount(first.client.doc) !== size || rowCount(second.client.doc) !== size) throw new Error(`${id}: a client did not receive every row`);
      cold.push(first.ms);
      warm.push(second.ms);
      bytes.push(second.bytes);
      first.client.destroy();
      second.client.destroy();
    }
    doc.destroy();
    const base = median(applied);
    console.log(
      `| ${cell(size, 6)} | ${cell(mib(state.length), 9)} | ${cell(base.toFixed(0), 30)} | ${cell(median(warm).toFixed(0), 12)} | ${cell(median(cold).toFixed(0), 12)} | ${cell(mib(median(bytes)), 12)} | ${cell((median(bytes) / state.length).toFixed(2), 16)} | ${cell((median(warm) / base).toFixed(2), 15)} |`,
    );
  }
  await waitFor(async () => (await server.metrics()).openBoards === 0, 60_000, 'the sync boards to close');
}

/** (b) Server memory per open board of the 2025 plan, one client each. */
async function memoryPerBoard(server: BenchServer, store: BoardStore): Promise<void> {
  const most = Math.max(...BOARD_COUNTS);
  // Written through the store, not the import route: building 50 documents in the server would
  // leave its RSS high before the first board opens, and hide what a board costs.
  const plan = buildPlan2025Board();
  const state = Y.encodeStateAsUpdate(plan);
  for (let i = 0; i < most; i++) await store.createBoard({ id: `plan-${i}`, title: `Plan ${i}`, year: 2025 }, state, 'bench');
  const base = await server.metrics(true);
  console.log('\n(b) server memory per open board (2025 plan, one client each; after a full GC)\n');
  console.log(`| open boards | RSS MiB | RSS per board MiB | heap MiB | heap per board MiB |`);
  console.log('| ---: | ---: | ---: | ---: | ---: |');
  const line = (boards: number, m: { rssBytes: number; heapUsedBytes: number }) =>
    console.log(
      `| ${cell(boards, 11)} | ${cell(mib(m.rssBytes), 7)} | ${cell(boards ? mib((m.rssBytes - base.rssBytes) / boards) : '-', 17)} | ${cell(mib(m.heapUsedBytes), 8)} | ${cell(boards ? mib((m.heapUsedBytes - base.heapUsedBytes) / boards) : '-', 18)} |`,
    );
  line(0, base);
  const clients: BenchClient[] = [];
  for (const count of BOARD_COUNTS) {
    while (clients.length < count) clients.push((await connected(server, `plan-${clients.length}`)).client);
    // Let the opening saves (migrations, awareness) settle before reading memory.
    await sleep(1500);
    const metrics = await server.metrics(true);
    if (metrics.openBoards !== count) throw new Error(`expected ${count} open boards, the server has ${metrics.openBoards}`);
    line(count, metrics);
  }
  clients.forEach((client) => client.destroy());
  plan.destroy();
  await waitFor(async () => (await server.metrics()).openBoards === 0, 60_000, 'the plan boards to close');
}

/** Edits cells of the board through `WRITERS` clients until `UPDATES` updates have been sent. */
async function writeUpdates(server: BenchServer, boardId: string): Promise<{ clients: BenchClient[]; seconds: number }> {
  const clients = await Promise.all(Array.from({ length: WRITERS }, async () => (await connected(server, boardId)).client));
  const cells = [
    ...readSheet(clients[0]!.doc, 'beheer').map((entry) => ({ sheet: 'beheer' as const, id: entry.id, field: 'amount' })),
    ...readSheet(clients[0]!.doc, 'vernieuwing').map((entry) => ({ sheet: 'vernieuwing' as const, id: entry.id, field: 'requested' })),
  ];
  const start = performance.now();
  let sent = 0;
  await Promise.all(
    clients.map(async (client, w) => {
      const share = Math.floor(UPDATES / WRITERS) + (w < UPDATES % WRITERS ? 1 : 0);
      for (let done = 0; done < share; ) {
        // After a stall of the event loop, catch up slowly: a burst would exceed the server's limit.
        const due = Math.min(share, Math.floor(((performance.now() - start) / 1000) * WRITER_RATE), done + 4);
        for (; done < due; done++) {
          // One cell per edit, each a new whole-euro amount: one small Yjs update per message.
          const target = cells[(sent * 7919) % cells.length]!;
          setCell(client.doc, target.sheet, target.id, target.field, (++sent % 10_000_000) * 1000, origin);
        }
        await sleep(10);
      }
    }),
  );
  const cutOff = clients.map((client) => client.lastClose!()).filter((close) => close !== null);
  if (cutOff.length > 0) throw new Error(`the server closed ${cutOff.length} writers: ${cutOff.join(', ')}`);
  await Promise.all(clients.map((client) => client.whenSaved!()));
  return { clients, seconds: (performance.now() - start) / 1000 };
}

interface LoadTiming {
  readMs: number;
  applyMs: number;
  /** The longest the event loop went without a turn while the document was built. */
  pauseMs: number;
  logRows: number;
  stateBytes: number;
}

/** What the room registry does on the first connect: the store's load, then the document. */
async function timeLoad(store: BoardStore, boardId: string, oneStep = false): Promise<LoadTiming> {
  const start = performance.now();
  const stored = (await store.loadBoardState(boardId))!;
  const read = performance.now();
  const pauses = watchPauses();
  const doc = oneStep ? applyAtOnce(stored) : await docFromStored(stored);
  const applied = performance.now();
  const pauseMs = pauses.stop();
  if (rowCount(doc) !== LOG_ROWS) throw new Error(`${boardId}: loaded ${rowCount(doc)} rows`);
  doc.destroy();
  return { readMs: read - start, applyMs: applied - read, pauseMs, logRows: stored.updates.length, stateBytes: stored.state.length };
}

/** The stored state and log applied with one Y.applyUpdate each: how a load ran before it was sliced. */
function applyAtOnce(stored: BoardState): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, stored.state);
  for (const { update } of stored.updates) Y.applyUpdate(doc, update);
  return doc;
}

/** Times both boards in turn, so noise from the machine falls on both alike. */
async function compareLoads(store: BoardStore, boardId: string, baselineId: string): Promise<{ ours: LoadTiming; base: LoadTiming; oneStep: LoadTiming }> {
  const ours: LoadTiming[] = [];
  const base: LoadTiming[] = [];
  const oneStep: LoadTiming[] = [];
  for (let run = 0; run < RUNS + 2; run++) {
    base.push(await timeLoad(store, baselineId));
    ours.push(await timeLoad(store, boardId));
    oneStep.push(await timeLoad(store, baselineId, true));
  }
  const mid = (timings: LoadTiming[]): LoadTiming => ({
    readMs: median(timings.map((t) => t.readMs)),
    applyMs: median(timings.map((t) => t.applyMs)),
    pauseMs: median(timings.map((t) => t.pauseMs)),
    logRows: timings.at(-1)!.logRows,
    stateBytes: timings.at(-1)!.stateBytes,
  });
  return { ours: mid(ours), base: mid(base), oneStep: mid(oneStep) };
}

/** (c) Loading a 20,000-row board after 100,000 edits, against the same board without a log. */
async function loadAfterUpdates(server: BenchServer, store: BoardStore, logRows: () => Promise<number>): Promise<void> {
  const doc = generatedBoard(LOG_ROWS, origin);
  await importBoard(server.url, TOKEN, 'edited', doc);
  await importBoard(server.url, TOKEN, 'baseline', doc);
  doc.destroy();
  const { clients, seconds } = await writeUpdates(server, 'edited');
  const whileOpen = await compareLoads(store, 'edited', 'baseline');
  const rowsWhileOpen = await logRows();
  clients.forEach((client) => client.destroy());
  await waitFor(async () => (await server.metrics()).openBoards === 0, 120_000, 'the edited board to close');
  const afterClose = await compareLoads(store, 'edited', 'baseline');

  console.log(`\n(c) loading a ${LOG_ROWS.toLocaleString('en')}-row board from the database (the store's load + the Y.Doc, as on a first connect; medians of ${RUNS + 2})`);
  console.log(`${UPDATES.toLocaleString('en')} edits through the server by ${WRITERS} clients in ${seconds.toFixed(1)} s (${(UPDATES / seconds).toFixed(0)}/s); log rows left for the board: ${rowsWhileOpen} while open, ${await logRows()} after it closed\n`);
  console.log('| board | log rows loaded | state MiB | read ms | apply ms | load ms | load / baseline | longest event-loop pause ms |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const line = (label: string, t: LoadTiming, base: LoadTiming) => {
    const total = t.readMs + t.applyMs;
    const ratio = total / (base.readMs + base.applyMs);
    console.log(`| ${label.padEnd(44)} | ${cell(t.logRows, 15)} | ${cell(mib(t.stateBytes), 9)} | ${cell(t.readMs.toFixed(0), 7)} | ${cell(t.applyMs.toFixed(0), 8)} | ${cell(total.toFixed(0), 7)} | ${cell(ratio.toFixed(2), 15)} | ${cell(t.pauseMs.toFixed(0), 27)} |`);
  };
  line('baseline: state row only, no edits', whileOpen.base, whileOpen.base);
  line('state row only, applied in one step (no slices)', whileOpen.oneStep, whileOpen.base);
  line('after the edits, board still open (as a crash leaves it)', whileOpen.ours, whileOpen.base);
  line('after the edits, board closed', afterClose.ours, afterClose.base);
  const worst = Math.max(whileOpen.ours.readMs + whileOpen.ours.applyMs, afterClose.ours.readMs + afterClose.ours.applyMs);
  console.log(`\nload after the edits: ${worst.toFixed(0)} ms, target < ${TARGET_MS} ms: ${worst < TARGET_MS ? 'PASS' : 'FAIL'}`);
}

async function main(): Promise<void> {
  const database = await openBenchDatabase(BENCH_ADMIN_URL);
  const server = await startBenchServer(database.url, TOKEN);
  const store = createBoardStore(database.handle.db);
  const logRows = async () => Number((await database.query("select count(*)::int as n from board_updates b join board_states s using (board_id) where board_id = 'edited' and b.seq > s.compacted_through"))[0]!.n);
  try {
    console.log(`bench/load  ${new Date().toISOString()}  node ${process.version}  ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'})  PostgreSQL ${new URL(BENCH_ADMIN_URL).host}`);
    // Memory first, while the server has done nothing else that could leave its heap fragmented.
    await memoryPerBoard(server, store);
    await receiveBoards(server);
    await loadAfterUpdates(server, store, logRows);
    const stats = processStats(server.pid);
    console.log(`\nserver: ${stats.cpuSeconds.toFixed(1)} CPU s in all, RSS ${stats.rssMiB.toFixed(0)} MiB at the end`);
  } finally {
    await server.stop();
    await database.close();
  }
}

await main();
process.exit(0);
