// Attack: a message over maxMessageBytes (8 MiB) ended the connection with 1006 (abrupt) instead
// of the documented 1009. ws stops reading at the frame's header and begins the close with 1009,
// then reports an error; the server's error handler ended the socket at once, with the rest of
// the message unread, and the kernel answered with a reset that lost the close frame.
//
// The server runs in its own process, as in production: in one process with the client, the two
// take turns and the close frame happens to arrive before the reset.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncSocket } from './sync-socket.ts';

const SLOW = 90_000;
const TOKEN = 'oversize-admin-token-0123456789abcdef';

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

describe('a message over the size limit', () => {
  let child: ChildProcess;
  let url: string;
  let dataDir: string;
  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'planbord-oversize-'));
    // PGlite in a folder of its own, whatever DATABASE_URL says.
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', PLANBORD_ADMIN_TOKEN: TOKEN, PLANBORD_PUBLIC_URL: url, PLANBORD_DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    for (let attempt = 0; ; attempt++) {
      try {
        if ((await fetch(`${url}/healthz`)).ok) break;
      } catch {
        if (attempt > 600 || child.exitCode !== null) throw new Error('the server did not start');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }, SLOW);
  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, SLOW);

  it('closes the connection with 1009', async () => {
    const sender = syncSocket(`${url.replace(/^http/, 'ws')}/sync/gdi-2025`, TOKEN);
    expect(await sender.opened).toBe(true);
    sender.send(new Uint8Array(8 * 1024 * 1024 + 1));
    expect((await sender.closed).code).toBe(1009);
  }, SLOW);
});
