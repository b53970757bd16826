import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { WebSocket } from 'ws';
import { testDrivers } from '../../db/test-databases.ts';
import { startTestPlanbord, TEST_ADMIN_TOKEN, type TestPlanbord } from '../test-planbord.ts';

const SLOW = 90_000;
const pglite = testDrivers().find((driver) => driver.name === 'pglite')!;

function open(url: string, localAddress?: string) {
  const socket = new WebSocket(url, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` }, localAddress });
  socket.on('error', () => {});
  return {
    socket,
    opened: new Promise<boolean>((resolve) => {
      socket.on('open', () => resolve(true));
      socket.on('unexpected-response', () => resolve(false));
    }),
    refusedWith: new Promise<number>((resolve) => socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))),
    closed: new Promise<number>((resolve) => socket.on('close', (code) => resolve(code))),
  };
}

describe('sync limits', () => {
  let server: TestPlanbord;
  beforeAll(async () => {
    server = await startTestPlanbord(pglite, {
      syncLimits: { maxConnections: 3, messagesPerSecond: 20, messageBurst: 40 },
      maxBoards: 1,
    });
  }, SLOW);
  afterAll(async () => server?.stop(), SLOW);

  it('disconnects a client that floods messages', async () => {
    const flood = open(`${server.syncUrl}/gdi-2025`);
    expect(await flood.opened).toBe(true);
    // Query-awareness messages are harmless one by one; hundreds at once are a flood.
    for (let i = 0; i < 200; i++) flood.socket.send(new Uint8Array([3]));
    expect(await flood.closed).toBe(4429);
  }, SLOW);

  it('refuses connections beyond its capacity with a clear answer, and boards beyond its cap', async () => {
    const held = [open(`${server.syncUrl}/gdi-2025`), open(`${server.syncUrl}/gdi-2025`), open(`${server.syncUrl}/gdi-2025`)];
    expect(await Promise.all(held.map((c) => c.opened))).toEqual([true, true, true]);
    const extra = open(`${server.syncUrl}/gdi-2025`);
    expect(await extra.refusedWith).toBe(503);
    held.forEach((c) => c.socket.close());
    await Promise.all(held.map((c) => c.closed));

    await server.database.query("insert into boards (id, title, year) values ('second', 'Tweede', 2026)");
    await server.database.query("insert into board_states (board_id, state) values ('second', '\\x0000')");
    const first = open(`${server.syncUrl}/gdi-2025`);
    expect(await first.opened).toBe(true);
    const second = open(`${server.syncUrl}/second`);
    expect(await second.refusedWith).toBe(503);
    first.socket.close();
  }, SLOW);
});

describe('sync upgrades under a flood', () => {
  let server: TestPlanbord;
  beforeAll(async () => {
    server = await startTestPlanbord(pglite, { syncLimits: { maxPendingUpgrades: 64, upgradeTimeoutMs: 2_000 } });
  }, SLOW);
  afterAll(async () => server?.stop(), SLOW);

  it('bounds 1,000 unauthenticated and stalled upgrades in time and memory, and still lets an honest client in', async () => {
    const { port } = server.planbord;
    globalThis.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    // Half send a whole upgrade with a token nobody has (each a database lookup), half stop after
    // the first header line and then send nothing.
    const answers = Array.from({ length: 1_000 }, (_, i) =>
      new Promise<string>((resolve) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.write(
            i % 2 === 0
              ? `GET /sync/gdi-2025 HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${Buffer.alloc(16, i).toString('base64')}\r\nSec-WebSocket-Version: 13\r\nAuthorization: Bearer forged-${i}\r\n\r\n`
              : 'GET /sync/gdi-2025 HTTP/1.1\r\nHost: x\r\n',
          );
        });
        let head = '';
        socket.on('data', (chunk) => (head += chunk.toString('latin1')));
        socket.on('error', () => {});
        socket.on('close', () => resolve(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1] ?? 'closed'));
        if (i % 2 === 1) setTimeout(() => socket.destroy(), 3_000);
      }),
    );
    // An honest client connects in the middle of it, from another address. While the flood's
    // lookups fill the pending upgrades it may be told 503 (busy); like y-websocket, it tries again
    // after a short backoff.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const honestStart = performance.now();
    let honest = open(`${server.syncUrl}/gdi-2025`, '127.0.0.2');
    let attempts = 1;
    while (!(await honest.opened)) {
      expect(await honest.refusedWith).toBe(503);
      await new Promise((resolve) => setTimeout(resolve, Math.min(100 * 2 ** attempts, 1_000)));
      honest = open(`${server.syncUrl}/gdi-2025`, '127.0.0.2');
      attempts++;
    }
    const honestMs = performance.now() - honestStart;
    const statuses = (await Promise.all(answers)).reduce<Record<string, number>>((count, status) => ({ ...count, [status]: (count[status] ?? 0) + 1 }), {});
    const seconds = (performance.now() - started) / 1000;
    globalThis.gc?.();
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
    console.log(`upgrade flood: ${JSON.stringify(statuses)} in ${seconds.toFixed(1)} s; honest client in ${honestMs.toFixed(0)} ms (attempts: ${attempts}); heap +${(heapGrowth / 1e6).toFixed(1)} MB`);
    // Every forged upgrade is refused: 401 after its lookup, or at once beyond the pending limits
    // (429 past the address's share, 503 past everyone's).
    expect((statuses['401'] ?? 0) + (statuses['429'] ?? 0) + (statuses['503'] ?? 0)).toBe(500);
    expect(statuses.closed).toBe(500);
    // The honest upgrade waits behind the flood's TCP accepts and lookups on two cores, and may be
    // shed while they fill the pending upgrades: seconds, not a hang.
    expect(honestMs).toBeLessThan(5_000);
    expect(seconds).toBeLessThan(15);
    expect(heapGrowth).toBeLessThan(64 * 1024 * 1024);
    expect(server.planbord.sync.connectionCount()).toBe(1);
    honest.socket.close();
    await honest.closed;
  }, SLOW);
});
