// Live collaboration under load: N editors type into one board through the real server process;
// prints edit-to-peer latency, edit-to-totals-event latency (SSE), edit-to-saved latency, lost
// edits after quiescence, and the server's CPU time and memory.
// Run: npm run bench:live [-- editors=20 rate=5 seconds=20]   (rate = edits per second per editor)
// With DATABASE_URL set the server uses that PostgreSQL; otherwise PGlite in a temporary folder.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import { BENCH_SYNC_LIMITS, freePort, processStats } from './bench-process.ts';
import path from 'node:path';
import * as Y from 'yjs';
import { readSheet, setCell, sheetMap } from '../shared/board/board-doc.ts';
import type { BoardOrigin } from '../shared/board/origins.ts';
import { connectClient, type TestClient } from '../shared/sync/test-client.ts';
import type { BoardTotals } from '../shared/totals/types.ts';
import { percentile } from './stats.ts';

const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.split('=') as [string, string]));
const EDITORS = Number(args.editors ?? 20);
// Each y-websocket provider registers a process exit listener.
process.setMaxListeners(EDITORS + 10);
const RATE = Number(args.rate ?? 5);
const SECONDS = Number(args.seconds ?? 20);
const TOKEN = 'bench-admin-token-0123456789abcdef';
const BOARD = 'gdi-2025';
const origin: BoardOrigin = { kind: 'user', userId: 'bench' };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));



async function main() {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = { ...process.env, PORT: String(port), PLANBORD_ADMIN_TOKEN: TOKEN, PLANBORD_PUBLIC_URL: url, PLANBORD_SYNC_LIMITS: BENCH_SYNC_LIMITS, PLANBORD_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'planbord-bench-')) };
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  for (;;) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      await sleep(200);
    }
  }
  const startStats = processStats(server.pid!);

  const clients: TestClient[] = [];
  for (let i = 0; i < EDITORS; i++) clients.push(connectClient(`${url.replace('http', 'ws')}/sync`, BOARD, TOKEN));
  await Promise.all(clients.map((c) => c.synced()));
  const beheerIds = readSheet(clients[0]!.doc, 'beheer').map((entry) => entry.id);
  const generiek = readSheet(clients[0]!.doc, 'vernieuwing').filter((entry) => entry.row.domain === 'Generiek');
  const probeRow = generiek[0]!;
  const probeBase = generiek.slice(1).reduce((sum, entry) => sum + (typeof entry.row.requested === 'number' ? entry.row.requested : 0), 0);

  // Every edit writes a unique amount; peers report when they see it.
  const sentAt = new Map<number, number>();
  const peerLatency: number[] = [];
  const observer = clients[1] ?? clients[0]!;
  sheetMap(observer.doc, 'beheer').observeDeep((events) => {
    const now = performance.now();
    for (const event of events) {
      if (!(event.target instanceof Y.Map) || !event.changes.keys.has('amount')) continue;
      const sent = sentAt.get(event.target.get('amount') as number);
      if (sent !== undefined && event.transaction.origin !== origin) peerLatency.push(now - sent);
    }
  });

  // The totals stream: the probe's edits are the only ones to the Generiek renewal rows.
  const probeSentAt = new Map<number, number>();
  const totalsLatency: number[] = [];
  let events = 0;
  const stream = await fetch(`${url}/api/boards/${BOARD}/totals/stream`, { headers: { authorization: `Bearer ${TOKEN}` } });
  const reader = stream.body!.getReader();
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const data = buffer.slice(0, end).split('\n').find((line) => line.startsWith('data:'));
        buffer = buffer.slice(end + 2);
        if (!data) continue;
        events++;
        const totals = JSON.parse(data.slice(5)) as BoardTotals;
        const sent = probeSentAt.get(totals.renewal.byDomain.Generiek.requested - probeBase);
        if (sent !== undefined) {
          totalsLatency.push(performance.now() - sent);
          probeSentAt.delete(totals.renewal.byDomain.Generiek.requested - probeBase);
        }
      }
    }
  })();

  const savedLatency: number[] = [];
  let next = 1_000_000;
  let edits = 0;
  const deadline = performance.now() + SECONDS * 1000;
  const typists = clients.map(async (client, index) => {
    while (performance.now() < deadline) {
      await sleep((1000 / RATE) * (0.5 + Math.random()));
      const value = next++ * 1000;
      const rowId = beheerIds[Math.floor(Math.random() * beheerIds.length)]!;
      const start = performance.now();
      sentAt.set(value, start);
      setCell(client.doc, 'beheer', rowId, 'amount', value, origin);
      edits++;
      if (index === 0) {
        const probeValue = next++ * 1000;
        probeSentAt.set(probeValue, performance.now());
        setCell(client.doc, 'vernieuwing', probeRow.id, 'requested', probeValue, origin);
      }
      if (index === 2 % EDITORS) void client.saved.whenEditsSoFarSaved().then(() => savedLatency.push(performance.now() - start));
    }
  });
  await Promise.all(typists);
  await Promise.all(clients.map((c) => c.saved.whenSaved()));
  await sleep(500);
  const endStats = processStats(server.pid!);

  // Quiescence: every client holds the same board, with the last value of every edited cell.
  const reference = JSON.stringify(readSheet(clients[0]!.doc, 'beheer'));
  const diverged = clients.filter((c) => JSON.stringify(readSheet(c.doc, 'beheer')) !== reference).length;

  const row = (label: string, values: number[]) =>
    console.log(`| ${label.padEnd(30)} | ${String(values.length).padStart(6)} | ${[50, 95, 99].map((p) => percentile(values, p).toFixed(1).padStart(7)).join(' | ')} | ${Math.max(...values).toFixed(1).padStart(7)} |`);
  console.log(`bench/live  ${new Date().toISOString()}  node ${process.version}  ${os.cpus().length} cores  database: ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`);
  console.log(`${EDITORS} editors x ${RATE} edits/s for ${SECONDS} s on ${BOARD}; ${edits} edits, ${events} totals events\n`);
  console.log(`| ${'latency (ms)'.padEnd(30)} | ${'n'.padStart(6)} | ${'p50'.padStart(7)} | ${'p95'.padStart(7)} | ${'p99'.padStart(7)} | ${'max'.padStart(7)} |`);
  row('edit -> peer sees it', peerLatency);
  row('edit -> totals event (SSE)', totalsLatency);
  row('edit -> saved (in database)', savedLatency);
  console.log(`\nclients diverged after quiescence: ${diverged} of ${EDITORS}; probe edits without a totals event: ${probeSentAt.size}`);
  console.log(`server CPU: ${(endStats.cpuSeconds - startStats.cpuSeconds).toFixed(2)} s over the run; RSS ${endStats.rssMiB.toFixed(0)} MiB`);

  await reader.cancel();
  clients.forEach((c) => c.destroy());
  server.kill('SIGTERM');
}

void main();
