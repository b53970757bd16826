import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { testDrivers } from '../../db/test-databases.ts';
import { startTestPlanbord, TEST_ADMIN_TOKEN, type TestPlanbord } from '../test-planbord.ts';

const SLOW = 90_000;
const pglite = testDrivers().find((driver) => driver.name === 'pglite')!;

function open(url: string) {
  const socket = new WebSocket(url, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
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
