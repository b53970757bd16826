// What the benchmarks need of processes: a free port, Planbord's server as a child process, and a
// child's CPU time, memory, open files and (through the admin's metrics route) heap.
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { testDrivers, type TestDatabase } from '../db/test-databases.ts';
import type { Metrics } from '../server/admin/metrics-routes.ts';

export const BENCH_ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef';
/**
 * The benchmarks play many people with the admin's one token, from one address: the per-member and
 * per-address limits of the sync endpoint would turn all but a few away.
 */
export const BENCH_SYNC_LIMITS = JSON.stringify({ maxConnectionsPerMember: 100_000, maxPendingUpgradesPerAddress: 100_000 });
/** Where the benchmarks create their databases: DATABASE_URL, or the local PostgreSQL. */
export const BENCH_ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** CPU seconds (user + system) and resident memory of a process. */
export function processStats(pid: number): { cpuSeconds: number; rssMiB: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return { cpuSeconds: (Number(stat[11]) + Number(stat[12])) / 100, rssMiB: (Number(stat[21]) * 4096) / 2 ** 20 };
}

/** Open file descriptors of a process (sockets, database connections, files). */
export function openFileDescriptors(pid: number): number {
  return readdirSync(`/proc/${pid}/fd`).length;
}

export interface BenchServer {
  url: string;
  child: ChildProcess;
  pid: number;
  /** The admin's metrics; `gc` runs a full collection first (the server runs with --expose-gc). */
  metrics(gc?: boolean): Promise<Metrics>;
  stop(): Promise<void>;
}

/**
 * Starts Planbord's server (server/main.ts) as a child process on PostgreSQL at `databaseUrl`, with
 * --expose-gc so heap figures can be read after a full collection. Its log goes nowhere: the
 * benchmarks print what they measure, and a log line per connection would cost the server time.
 */
export async function startBenchServer(databaseUrl: string, adminToken: string): Promise<BenchServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, PLANBORD_ADMIN_TOKEN: adminToken, PLANBORD_PUBLIC_URL: url, PLANBORD_SYNC_LIMITS: BENCH_SYNC_LIMITS };
  // BENCH_SERVER_LOG=<file> keeps the server's log, to see what it did during a run.
  const log = process.env.BENCH_SERVER_LOG ? openSync(process.env.BENCH_SERVER_LOG, 'w') : 'ignore';
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', 'server/main.ts'], { env, stdio: ['ignore', log, 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      if (attempt > 600) throw new Error('the server did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    url,
    child,
    pid: child.pid!,
    async metrics(gc = false) {
      const response = await fetch(`${url}/api/admin/metrics${gc ? '?gc=1' : ''}`, { headers: { authorization: `Bearer ${adminToken}` } });
      if (!response.ok) throw new Error(`metrics: ${response.status}`);
      return (await response.json()) as Metrics;
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * A fresh, migrated PostgreSQL database for one benchmark run, created through `adminUrl` (a user
 * who may create databases) and dropped by close().
 */
export async function openBenchDatabase(adminUrl: string): Promise<TestDatabase & { url: string }> {
  const postgres = testDrivers({ DATABASE_URL: adminUrl }).find((driver) => driver.name === 'postgres')!;
  const database = await postgres.open();
  return { ...database, url: database.url! };
}
