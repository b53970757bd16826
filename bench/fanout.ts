// Fan-out under load: N clients on one board, each typing into its own row, at a total rate, against
// Planbord (with persistence, roles and totals on) and, as baselines in the same run, the stock
// y-websocket server (@y/websocket-server 0.1.1, no persistence) and Hocuspocus 4 (no extensions).
// Servers run as child processes; the clients run here.
// Every setting runs `rounds` times, the servers taking turns in each round; the ratios compare
// medians over the rounds, since one 20 s run of a baseline can differ from the next by 2-3x here.
// Run: npm run bench:fanout [-- clients=2,20,100 rates=50,500 seconds=20 rounds=3 servers=planbord,y-websocket,hocuspocus]
// BENCH_SERVER_NODE_ARGS adds Node options to the servers (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import { BENCH_SYNC_LIMITS, freePort, processStats } from './bench-process.ts';
import path from 'node:path';
import * as Y from 'yjs';
import { setCell, sheetMap } from '../shared/board/board-doc.ts';
import type { BoardOrigin } from '../shared/board/origins.ts';
import { EMPTY_ROWS } from '../shared/board/sheets.ts';
import { boardToData } from '../shared/export/board-data.ts';
import { buildPlan2025Board } from '../shared/plan-2025/plan-board.ts';
import { benchClient, type BenchClient, type ServerKind } from './bench-clients.ts';
import { median, percentile } from './stats.ts';

const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.split('=') as [string, string]));
const CLIENTS = (args.clients ?? '2,20,100').split(',').map(Number);
const RATES = (args.rates ?? '50,500').split(',').map(Number);
const SECONDS = Number(args.seconds ?? 20);
const ROUNDS = Number(args.rounds ?? 3);
const SERVERS = (args.servers ?? 'planbord,y-websocket,hocuspocus').split(',') as ServerKind[];
const TOKEN = 'bench-admin-token-0123456789abcdef';
const origin: BoardOrigin = { kind: 'user', userId: 'bench' };
process.setMaxListeners(0);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));



async function startServer(kind: ServerKind): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1' };
  const command: Record<ServerKind, string[]> = {
    planbord: ['--import', 'tsx', 'server/main.ts'],
    'y-websocket': ['node_modules/@y/websocket-server/src/server.js'],
    hocuspocus: ['--import', 'tsx', 'bench/servers/hocuspocus-server.ts'],
  };
  const extra = kind === 'planbord' ? { PLANBORD_ADMIN_TOKEN: TOKEN, PLANBORD_PUBLIC_URL: url, PLANBORD_SYNC_LIMITS: BENCH_SYNC_LIMITS, PLANBORD_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'planbord-fanout-')) } : {};
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, ...command[kind]], { env: { ...env, ...extra }, stdio: ['ignore', 'ignore', 'inherit'] });
  for (let i = 0; i < 300; i++) {
    try {
      await fetch(kind === 'planbord' ? `${url}/healthz` : url);
      return { url, child };
    } catch {
      await sleep(100);
    }
  }
  throw new Error(`${kind} did not start`);
}

/** Planbord needs the board to exist: it is imported like any board, with the 2025 plan's content. */
async function prepareRoom(kind: ServerKind, url: string, room: string): Promise<void> {
  if (kind !== 'planbord') return;
  const response = await fetch(`${url}/api/boards/import?format=json&id=${room}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(boardToData(buildPlan2025Board())),
  });
  if (response.status !== 201) throw new Error(`import failed: ${response.status} ${await response.text()}`);
}

interface RunResult {
  kind: ServerKind;
  clients: number;
  rate: number;
  edits: number;
  latencies: number[];
  saved: number[];
  lost: number;
  cpuSeconds: number;
  rssMiB: number;
}

async function run(kind: ServerKind, server: { url: string; child: ChildProcess }, clientCount: number, rate: number, round: number): Promise<RunResult> {
  const room = `fanout-${clientCount}-${rate}-${round}`;
  await prepareRoom(kind, server.url, room);
  const clients: BenchClient[] = [];
  for (let i = 0; i < clientCount; i++) clients.push(benchClient(kind, server.url, room, TOKEN));
  await Promise.all(clients.map((c) => c.synced()));
  const first = clients[0]!;
  // The baselines start empty: the first client brings the 2025 board, as an import would.
  if (kind !== 'planbord') Y.applyUpdate(first.doc, Y.encodeStateAsUpdate(buildPlan2025Board()));
  // One row per client, so every edit is a unique value in a row only its owner writes.
  first.doc.transact(() => {
    for (let i = 0; i < clientCount; i++) {
      const row = new Y.Map<unknown>();
      for (const [field, value] of Object.entries({ ...EMPTY_ROWS.beheer, bouwsteen: `Bench ${i}`, amount: 0 })) row.set(field, value);
      row.set('pos', `zz${String(i).padStart(4, '0')}1`);
      sheetMap(first.doc, 'beheer').set(`bench${i}`, row);
    }
  }, origin);
  const rowIds = Array.from({ length: clientCount }, (_, i) => `bench${i}`);
  const sentAt = new Map<number, number>();
  const latencies: number[] = [];
  clients.forEach((client) => {
    sheetMap(client.doc, 'beheer').observeDeep((events, transaction) => {
      if (transaction.local) return;
      const now = performance.now();
      for (const event of events) {
        if (!(event.target instanceof Y.Map) || !event.changes.keys.has('amount')) continue;
        const sent = sentAt.get(event.target.get('amount') as number);
        if (sent !== undefined) latencies.push(now - sent);
      }
    });
  });
  await Promise.all(clients.map((client) => waitFor(() => rowIds.every((id) => sheetMap(client.doc, 'beheer').has(id)), 20_000)));

  const before = processStats(server.child.pid!);
  const last = new Map<string, number>();
  const saved: number[] = [];
  let edits = 0;
  let next = 1;
  const interval = (1000 * clientCount) / rate;
  const deadline = performance.now() + SECONDS * 1000;
  await Promise.all(
    clients.map(async (client, i) => {
      await sleep(Math.random() * interval);
      while (performance.now() < deadline) {
        const value = next++ * 1000;
        const start = performance.now();
        sentAt.set(value, start);
        setCell(client.doc, 'beheer', rowIds[i]!, 'amount', value, origin);
        last.set(rowIds[i]!, value);
        edits++;
        if (client.whenEditsSoFarSaved && edits % 10 === 0) void client.whenEditsSoFarSaved().then(() => saved.push(performance.now() - start));
        await sleep(Math.max(0, interval - (performance.now() - start)));
      }
    }),
  );
  // Quiescence: every client must end with every row's last value.
  const converged = () => clients.every((client) => rowIds.every((id) => sheetMap(client.doc, 'beheer').get(id)?.get('amount') === last.get(id)));
  await waitFor(converged, 30_000).catch(() => {});
  let lost = 0;
  for (const client of clients) for (const id of rowIds) if (last.has(id) && sheetMap(client.doc, 'beheer').get(id)?.get('amount') !== last.get(id)) lost++;
  if (clients[0]?.whenSaved) await Promise.race([clients[0].whenSaved(), sleep(10_000)]);
  const after = processStats(server.child.pid!);
  clients.forEach((c) => c.destroy());
  return { kind, clients: clientCount, rate, edits, latencies: latencies.sort((a, b) => a - b), saved: saved.sort((a, b) => a - b), lost, cpuSeconds: after.cpuSeconds - before.cpuSeconds, rssMiB: after.rssMiB };
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timeout');
    await sleep(20);
  }
}

const f = (n: number) => (Number.isNaN(n) ? '-' : n.toFixed(1)).padStart(7);
console.log(`bench/fanout  ${new Date().toISOString()}  node ${process.version}  ${os.cpus().length} cores  ${SECONDS} s per run, ${ROUNDS} rounds  planbord database: ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`);
console.log('latency from an edit to each peer seeing it (ms); saved = edit to committed in the database (Planbord only)\n');
console.log(`| server      | clients | edits/s | round | edits  | p50     | p95     | p99     | max     | saved p50 | saved p99 | lost | CPU s | RSS MiB |`);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
const results: RunResult[] = [];
// Every server is up for the whole run and the servers take turns at each setting, so a machine
// that gets busier or quieter during the run weighs on all of them alike.
const servers = new Map<ServerKind, { url: string; child: ChildProcess }>();
for (const kind of SERVERS) servers.set(kind, await startServer(kind));
for (const clients of CLIENTS) {
  for (const rate of RATES) {
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [kind, server] of servers) {
        const r = await run(kind, server, clients, rate, round);
        results.push(r);
        const l = r.latencies;
        console.log(`| ${r.kind.padEnd(11)} | ${String(r.clients).padStart(7)} | ${String(r.rate).padStart(7)} | ${String(round).padStart(5)} | ${String(r.edits).padStart(6)} | ${f(percentile(l, 50))} | ${f(percentile(l, 95))} | ${f(percentile(l, 99))} | ${f(l.at(-1) ?? NaN)} | ${f(percentile(r.saved, 50)).padStart(9)} | ${f(percentile(r.saved, 99)).padStart(9)} | ${String(r.lost).padStart(4)} | ${r.cpuSeconds.toFixed(1).padStart(5)} | ${r.rssMiB.toFixed(0).padStart(7)} |`);
      }
    }
  }
}
for (const server of servers.values()) server.child.kill('SIGTERM');
await sleep(500);
console.log(`\nMedians over the ${ROUNDS} rounds (ms; CPU s per run), and Planbord's p99 / the best baseline's (below 1 means Planbord is faster):\n`);
console.log('| clients | edits/s | server      | p50     | p95     | p99     | CPU s | lost (all rounds) | p99 / best baseline |');
console.log('| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const clients of CLIENTS) {
  for (const rate of RATES) {
    const runs = (kind: ServerKind) => results.filter((r) => r.kind === kind && r.clients === clients && r.rate === rate);
    const p99 = (kind: ServerKind) => median(runs(kind).map((r) => percentile(r.latencies, 99)));
    const baselines = SERVERS.filter((kind) => kind !== 'planbord');
    const best = baselines.length > 0 ? baselines.reduce((a, b) => (p99(a) <= p99(b) ? a : b)) : null;
    for (const kind of SERVERS) {
      const own = runs(kind);
      const ratio = kind === 'planbord' && best ? `${(p99(kind) / p99(best)).toFixed(2)} (${best})` : '';
      console.log(`| ${String(clients).padStart(7)} | ${String(rate).padStart(7)} | ${kind.padEnd(11)} | ${f(median(own.map((r) => percentile(r.latencies, 50))))} | ${f(median(own.map((r) => percentile(r.latencies, 95))))} | ${f(p99(kind))} | ${median(own.map((r) => r.cpuSeconds)).toFixed(1).padStart(5)} | ${String(own.reduce((sum, r) => sum + r.lost, 0)).padStart(17)} | ${ratio} |`);
    }
  }
}
process.exit(0);
