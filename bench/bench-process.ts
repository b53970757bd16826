// What the benchmarks need of processes: a free port, and a child's CPU time and memory from /proc.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

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
