import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../db/test-databases.ts';
import { connectClient } from '../../shared/sync/test-client.ts';
import { startTestPlanbord, TEST_ADMIN_TOKEN, type TestPlanbord } from '../test-planbord.ts';

const SLOW = 90_000;
const pglite = testDrivers().filter((driver) => driver.name === 'pglite');

/** Sends a WebSocket upgrade by hand; `key` is the Sec-WebSocket-Key, `hangUp` half-closes at once. */
function rawUpgrade(port: number, key: string, hangUp: boolean): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(
        'GET /sync/gdi-2025 HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
          `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${key}\r\nAuthorization: Bearer ${TEST_ADMIN_TOKEN}\r\n\r\n`,
      );
      if (hangUp) socket.end();
    });
    socket.on('data', () => {});
    socket.on('error', () => resolve());
    socket.on('close', () => resolve());
  });
}

describe.each(pglite)('upgrades that never become connections, on $name', (driver) => {
  let server: TestPlanbord;

  beforeAll(async () => {
    server = await startTestPlanbord(driver);
  }, SLOW);
  afterAll(async () => server?.stop(), SLOW);

  it('let the board leave memory: a malformed handshake and a client that hung up while it loaded', async () => {
    await rawUpgrade(server.planbord.port, 'not-a-key', false);
    await rawUpgrade(server.planbord.port, 'dGhlIHNhbXBsZSBub25jZQ==', true);
    await expect.poll(() => server.planbord.rooms.openBoards().length, { timeout: 10_000 }).toBe(0);
    expect(server.planbord.sync.connectionCount()).toBe(0);

    // The board still opens and closes normally afterwards.
    const client = connectClient(server.syncUrl, 'gdi-2025', TEST_ADMIN_TOKEN);
    await client.synced();
    expect(server.planbord.rooms.openBoards()).toHaveLength(1);
    client.destroy();
    await expect.poll(() => server.planbord.rooms.openBoards().length, { timeout: 10_000 }).toBe(0);
  }, SLOW);
});
