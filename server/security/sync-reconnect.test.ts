// A client closed for load (4429 too many messages, 1013 too much unread output) must come back by
// itself after a backoff: y-websocket 3 treats every 44xx as final, so a member the server shed
// under an attack stayed offline. Closes about access or bad messages stay final.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../db/test-databases.ts';
import { readSheet, setCell } from '../../shared/board/board-doc.ts';
import { waitUntil } from '../../shared/eventually.ts';
import { MESSAGE_QUERY_AWARENESS } from '../../shared/sync/protocol.ts';
import { connectClient, type TestClient } from '../../shared/sync/test-client.ts';
import { startTestPlanbord, type TestPlanbord } from '../test-planbord.ts';

const SLOW = 90_000;
const BOARD = 'gdi-2025';
const pglite = testDrivers().find((driver) => driver.name === 'pglite')!;

/** The codes of the connections the server ended, and the closes the provider took as final. */
function watchCloses(client: TestClient) {
  const closes: number[] = [];
  const final: number[] = [];
  client.provider.on('connection-close', (event) => event && closes.push(event.code));
  client.provider.on('closed', ({ code }) => final.push(code));
  return { closes, final };
}

describe('a client closed by the server', () => {
  let server: TestPlanbord;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    server = await startTestPlanbord(pglite, { syncLimits: { messagesPerSecond: 20, messageBurst: 40 } });
  }, SLOW);
  afterAll(async () => {
    clients.forEach((client) => client.destroy());
    await server?.stop();
  }, SLOW);

  it('reconnects by itself after 4429, and its edits go through again', async () => {
    const member = await server.join(BOARD, 'editor', 'Roos');
    const client = connectClient(server.syncUrl, BOARD, member.token);
    clients.push(client);
    const { closes, final } = watchCloses(client);
    await client.synced();
    // A burst past the message rate, as a runaway script in the page would send.
    for (let i = 0; i < 100; i++) client.provider.ws!.send(Uint8Array.of(MESSAGE_QUERY_AWARENESS));
    await waitUntil(() => closes.includes(4429), 5_000, 'the close for load');
    await waitUntil(() => client.provider.wsconnected && client.provider.synced, 10_000, 'connected and synced again');
    expect(final).toEqual([]);
    const row = readSheet(client.doc, 'beheer')[0]!;
    setCell(client.doc, 'beheer', row.id, 'amount', 7_777_000, { kind: 'user', userId: member.memberId });
    const room = server.planbord.rooms.peek(BOARD)!;
    await waitUntil(() => readSheet(room.doc, 'beheer').find((entry) => entry.id === row.id)?.row.amount === 7_777_000, 5_000, 'the edit on the server');
  }, SLOW);

  it('stays away after a close about the message itself (4400)', async () => {
    const member = await server.join(BOARD, 'editor', 'Stijn');
    const client = connectClient(server.syncUrl, BOARD, member.token);
    clients.push(client);
    const { final } = watchCloses(client);
    await client.synced();
    client.provider.ws!.send(new Uint8Array([99]));
    await waitUntil(() => final.length > 0, 5_000, 'the final close');
    expect(final).toEqual([4400]);
    expect(client.provider.shouldConnect).toBe(false);
  }, SLOW);
});
