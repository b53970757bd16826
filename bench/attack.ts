// One member (or a stranger) attacking the sync endpoint while two honest editors work: prints the
// edit-to-other-member latency and the GET /api/boards latency (p50, p99) without attack and under
// each attack, and the time an honest member needs to connect. Target: p99 under 250 ms throughout.
//   step1      one viewer's connections (as many as it gets) never read and ask for the whole board
//              (sync step 1, four bytes) 400 times a second each
//   awareness  one viewer tries 300 connections that listen and each send presence 20 times a second
//   upgrades   400 upgrades with made-up tokens in flight at all times, from another address
// The server runs as a child process with its default limits; the attacker runs in a process of its
// own, so its work does not slow the measuring clients.
// Run: npm run bench:attack [-- seconds=10 scenarios=none,step1,awareness,upgrades]
// With DATABASE_URL set the server uses that PostgreSQL; otherwise PGlite in a temporary folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import { readSheet, setCell, sheetMap } from '../shared/board/board-doc.ts';
import { MESSAGE_AWARENESS } from '../shared/sync/protocol.ts';
import { connectClient, type TestClient } from '../shared/sync/test-client.ts';
import { freePort, processStats } from './bench-process.ts';
import { percentile } from './stats.ts';
import * as encoding from 'lib0/encoding';

const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.split('=') as [string, string]));
const SECONDS = Number(args.seconds ?? 10);
const SCENARIOS = (args.scenarios ?? 'none,step1,awareness,upgrades').split(',');
const TOKEN = 'bench-admin-token-0123456789abcdef';
const BOARD = 'gdi-2025';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
process.setMaxListeners(0);

// ---- The attacker (a child process: `attack.ts attacker=<scenario> url=<ws url> token=<token>`) ----

function awarenessMessage(clientId: number, clock: number): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, 1);
  encoding.writeVarUint(update, clientId);
  encoding.writeVarUint(update, clock);
  encoding.writeVarString(update, JSON.stringify({ cursor: { sheet: 'beheer', rowId: `r${clock % 50}`, field: 'amount' } }));
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update));
  return encoding.toUint8Array(encoder);
}

/** Keeps `count` connections of the attack going: each one that ends is opened again. */
function keepOpen(count: number, open: (index: number) => WebSocket): void {
  const start = (index: number) => {
    const socket = open(index);
    socket.on('error', () => {});
    socket.once('close', () => setTimeout(() => start(index), 50));
  };
  for (let i = 0; i < count; i++) start(i);
}

// The attacker is somewhere else than the honest members: another address.
const ELSEWHERE = '127.0.0.2';

function attack(scenario: string, url: string, token: string): void {
  const headers = { authorization: `Bearer ${token}` };
  if (scenario === 'step1') {
    const step1 = new Uint8Array([0, 0, 1, 0]);
    keepOpen(20, () => {
      const socket = new WebSocket(url, { headers, localAddress: ELSEWHERE });
      socket.once('open', () => {
        socket.pause();
        const timer = setInterval(() => {
          for (let i = 0; i < 40; i++) socket.send(step1);
        }, 100);
        socket.once('close', () => clearInterval(timer));
      });
      return socket;
    });
  } else if (scenario === 'awareness') {
    keepOpen(300, (index) => {
      const socket = new WebSocket(url, { headers, localAddress: ELSEWHERE });
      socket.once('open', () => {
        let clock = 0;
        const timer = setInterval(() => socket.send(awarenessMessage(1_000_000 + index, ++clock)), 50);
        socket.once('close', () => clearInterval(timer));
      });
      return socket;
    });
  } else if (scenario === 'upgrades') {
    let forged = 0;
    keepOpen(400, () => new WebSocket(url, { headers: { authorization: `Bearer forged-${forged++}` }, localAddress: ELSEWHERE }));
  }
}

// ---- The measurement ----

async function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', PLANBORD_ADMIN_TOKEN: TOKEN, PLANBORD_PUBLIC_URL: url, PLANBORD_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'planbord-attack-')) };
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  for (let attempt = 0; ; attempt++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, child };
    } catch {
      if (attempt > 600) throw new Error('the server did not start');
      await sleep(100);
    }
  }
}

async function join(url: string, role: 'editor' | 'viewer', displayName: string): Promise<string> {
  const admin = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
  const invite = (await (await fetch(`${url}/api/boards/${BOARD}/invites`, { method: 'POST', headers: admin, body: JSON.stringify({ role }) })).json()) as { token: string };
  const joined = await fetch(`${url}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: invite.token, displayName }) });
  if (!joined.ok) throw new Error(`join failed: ${joined.status} ${await joined.text()}`);
  return ((await joined.json()) as { sessionToken: string }).sessionToken;
}

interface Figures {
  scenario: string;
  edits: number[];
  boards: number[];
  connects: number[];
  failures: string[];
  rssMiB: number;
}

async function measure(scenario: string, url: string, server: ChildProcess, honest: { a: TestClient; b: TestClient; token: string; joiner: string; attacker: string }): Promise<Figures> {
  const wsUrl = `${url.replace(/^http/, 'ws')}/sync`;
  const attacker = scenario === 'none' ? null : spawn(process.execPath, ['--import', 'tsx', 'bench/attack.ts', `attacker=${scenario}`, `url=${wsUrl}/${BOARD}`, `token=${honest.attacker}`], { stdio: ['ignore', 'ignore', 'inherit'] });
  await sleep(2_000);
  const figures: Figures = { scenario, edits: [], boards: [], connects: [], failures: [], rssMiB: 0 };
  const deadline = performance.now() + SECONDS * 1000;
  const rows = readSheet(honest.a.doc, 'beheer').map((entry) => entry.id);
  const sentAt = new Map<number, number>();
  const observe = () => {
    const now = performance.now();
    for (const [value, sent] of sentAt) {
      const rowId = rows[value % rows.length]!;
      if (sheetMap(honest.b.doc, 'beheer').get(rowId)?.get('amount') === value * 1_000) {
        figures.edits.push(now - sent);
        sentAt.delete(value);
      }
    }
  };
  sheetMap(honest.b.doc, 'beheer').observeDeep(observe);
  let value = Math.floor(Math.random() * 1e4) * rows.length;
  const editing = (async () => {
    while (performance.now() < deadline) {
      value++;
      sentAt.set(value, performance.now());
      setCell(honest.a.doc, 'beheer', rows[value % rows.length]!, 'amount', value * 1_000, { kind: 'user', userId: 'bench' });
      await sleep(100);
    }
  })();
  const listing = (async () => {
    while (performance.now() < deadline) {
      const started = performance.now();
      const response = await fetch(`${url}/api/boards`, { headers: { authorization: `Bearer ${honest.token}` } });
      await response.arrayBuffer();
      if (response.ok) figures.boards.push(performance.now() - started);
      else figures.failures.push(`GET /api/boards ${response.status}`);
      await sleep(100);
    }
  })();
  // A member opening the board: from connect to synced.
  const connecting = (async () => {
    while (performance.now() < deadline) {
      const started = performance.now();
      const client = connectClient(wsUrl, BOARD, honest.joiner);
      const synced = await Promise.race([client.synced().then(() => true), sleep(10_000).then(() => false)]);
      if (synced) figures.connects.push(performance.now() - started);
      else figures.failures.push('connect: not synced in 10 s');
      client.destroy();
      await sleep(500);
    }
  })();
  await Promise.all([editing, listing, connecting]);
  await sleep(1_000);
  sheetMap(honest.b.doc, 'beheer').unobserveDeep(observe);
  if (sentAt.size > 0) figures.failures.push(`${sentAt.size} edits did not arrive`);
  figures.rssMiB = processStats(server.pid!).rssMiB;
  if (attacker) {
    attacker.kill();
    await new Promise((resolve) => attacker.once('exit', resolve));
  }
  await sleep(3_000);
  return figures;
}

async function main(): Promise<void> {
  const { url, child } = await startServer();
  const wsUrl = `${url.replace(/^http/, 'ws')}/sync`;
  const [anna, bert, vera, mallory] = [await join(url, 'editor', 'Anna'), await join(url, 'editor', 'Bert'), await join(url, 'viewer', 'Vera'), await join(url, 'viewer', 'Mallory')];
  const a = connectClient(wsUrl, BOARD, anna);
  const b = connectClient(wsUrl, BOARD, bert);
  await Promise.all([a.synced(), b.synced()]);
  let disconnects = 0;
  for (const client of [a, b]) client.provider.on('connection-close', () => disconnects++);

  const results: Figures[] = [];
  for (const scenario of SCENARIOS) results.push(await measure(scenario, url, child, { a, b, token: anna, joiner: vera, attacker: mallory }));

  const f = (value: number) => (Number.isNaN(value) ? '-' : value.toFixed(1)).padStart(8);
  console.log(`bench/attack  ${new Date().toISOString()}  node ${process.version}  ${os.cpus().length} cores  database: ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}  ${SECONDS} s per scenario`);
  console.log('| scenario  | edit p50 | edit p99 | boards p50 | boards p99 | connect p50 | connect p99 | server RSS MiB | failures |');
  console.log('| --------- | -------: | -------: | ---------: | ---------: | ----------: | ----------: | -------------: | -------- |');
  for (const r of results) {
    console.log(
      `| ${r.scenario.padEnd(9)} | ${f(percentile(r.edits, 50))} | ${f(percentile(r.edits, 99))} | ${f(percentile(r.boards, 50)).padStart(10)} | ${f(percentile(r.boards, 99)).padStart(10)} | ${f(percentile(r.connects, 50)).padStart(11)} | ${f(percentile(r.connects, 99)).padStart(11)} | ${r.rssMiB.toFixed(0).padStart(14)} | ${r.failures.length === 0 ? 'none' : [...new Set(r.failures)].join('; ')} |`,
    );
  }
  console.log(`honest editors disconnected ${disconnects} times`);
  a.destroy();
  b.destroy();
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
}

if (args.attacker) attack(args.attacker, args.url!, args.token!);
else await main();
