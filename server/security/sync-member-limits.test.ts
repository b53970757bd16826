// Attacks by one member with many connections: one viewer token held 2,000 connections, and 300 of
// them sending presence within the rate limit made the server deliver 297,000 messages. Now a
// member has a few connections at most, its presence is rate-limited over all of them, and the
// room relays presence as one merged message per turn.
import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../db/test-databases.ts';
import { waitUntil } from '../../shared/eventually.ts';
import { startTestPlanbord, TEST_ADMIN_TOKEN, type TestPlanbord } from '../test-planbord.ts';
import { awarenessMessage, emptyStep2, isAwareness, isSaved, syncSocket, type SyncSocket } from './sync-socket.ts';

const SLOW = 90_000;
const BOARD = 'gdi-2025';
const pglite = testDrivers().find((driver) => driver.name === 'pglite')!;

/** The client ids and clocks one awareness message carries. */
function awarenessEntries(message: Uint8Array): { clientId: number; clock: number }[] {
  const decoder = decoding.createDecoder(message);
  decoding.readVarUint(decoder);
  const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
  const entries: { clientId: number; clock: number }[] = [];
  for (let count = decoding.readVarUint(update); count > 0; count--) {
    entries.push({ clientId: decoding.readVarUint(update), clock: decoding.readVarUint(update) });
    decoding.readVarString(update);
  }
  return entries;
}

describe('one member with many connections', () => {
  let server: TestPlanbord;
  const url = () => `${server.syncUrl}/${BOARD}`;
  const sockets: SyncSocket[] = [];
  const open = (token: string) => {
    const socket = syncSocket(url(), token);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    server = await startTestPlanbord(pglite, { syncLimits: { maxConnectionsPerMember: 3, awarenessPerSecond: 5, awarenessBurst: 5 } });
  }, SLOW);
  afterAll(async () => {
    sockets.forEach(({ socket }) => socket.close());
    await server?.stop();
  }, SLOW);

  it('gets a few connections; more are refused with 429 and a reason, also when they come at once', async () => {
    const viewer = await server.join(BOARD, 'viewer', 'Vincent');
    const attempts = Array.from({ length: 8 }, () => open(viewer.token));
    const opened = await Promise.all(attempts.map((attempt) => attempt.opened));
    expect(opened.filter(Boolean)).toHaveLength(3);
    const refusals = await Promise.all(attempts.filter((_, i) => !opened[i]).map((attempt) => attempt.refused));
    for (const refusal of refusals) {
      expect(refusal.status).toBe(429);
      expect(refusal.body.error).toBe('too-many-connections');
      expect(refusal.body.message).toMatch(/3 connections per member/);
    }
    // Someone else is not affected; and a connection that closes frees its slot.
    const other = await server.join(BOARD, 'viewer', 'Wim');
    expect(await open(other.token).opened).toBe(true);
    const first = attempts.find((_, i) => opened[i])!;
    first.socket.close();
    await first.closed;
    expect(await open(viewer.token).opened).toBe(true);
    const beyond = open(viewer.token);
    expect(await beyond.opened).toBe(false);
    expect((await beyond.refused).status).toBe(429);
  }, SLOW);

  it('counts the admin as one member', async () => {
    const admins = [open(TEST_ADMIN_TOKEN), open(TEST_ADMIN_TOKEN), open(TEST_ADMIN_TOKEN)];
    expect(await Promise.all(admins.map((admin) => admin.opened))).toEqual([true, true, true]);
    const fourth = open(TEST_ADMIN_TOKEN);
    expect(await fourth.opened).toBe(false);
    expect((await fourth.refused).status).toBe(429);
    admins.forEach(({ socket }) => socket.close());
    await Promise.all(admins.map((admin) => admin.closed));
  }, SLOW);

  it('relays presence that arrives together as one message', async () => {
    const listener = open((await server.join(BOARD, 'editor', 'Lotte')).token);
    const sender = open((await server.join(BOARD, 'viewer', 'Sanne')).token);
    expect(await Promise.all([listener.opened, sender.opened])).toEqual([true, true]);
    const from = listener.received.length;
    // Four client ids (as many as a connection may speak for), sent at once.
    for (let i = 0; i < 4; i++) sender.send(awarenessMessage(7_000 + i, 1, { cursor: null }));
    await waitUntil(() => listener.received.slice(from).filter(isAwareness).flatMap(awarenessEntries).length >= 4, 5_000, 'four states');
    const relayed = listener.received.slice(from).filter(isAwareness);
    expect(relayed).toHaveLength(1);
    expect(awarenessEntries(relayed[0]!).map((entry) => entry.clientId).sort()).toEqual([7_000, 7_001, 7_002, 7_003]);
  }, SLOW);

  it('rate-limits a member’s presence over all its connections, and still delivers its latest state', async () => {
    const listener = open((await server.join(BOARD, 'editor', 'Lieke')).token);
    const flooder = (await server.join(BOARD, 'viewer', 'Floor')).token;
    const connections = [open(flooder), open(flooder), open(flooder)];
    expect(await Promise.all([listener.opened, ...connections.map((c) => c.opened)])).toEqual([true, true, true, true]);
    const from = listener.received.length;
    // Each connection sends 40 presence updates of its own client id, well within its message rate.
    const rounds = 40;
    for (let clock = 1; clock <= rounds; clock++) {
      connections.forEach((connection, i) => connection.send(awarenessMessage(8_000 + i, clock, { cursor: { n: clock } })));
      await new Promise((resolve) => setImmediate(resolve));
    }
    const latest = () => {
      const clocks = new Map<number, number>();
      for (const message of listener.received.slice(from).filter(isAwareness)) {
        for (const { clientId, clock } of awarenessEntries(message)) clocks.set(clientId, Math.max(clock, clocks.get(clientId) ?? 0));
      }
      return clocks;
    };
    await waitUntil(() => [0, 1, 2].every((i) => latest().get(8_000 + i) === rounds), 10_000, 'the latest state of every connection');
    // Marks the end: every relay caused by the flood has been sent before "saved" comes back.
    listener.send(emptyStep2());
    await listener.next(isSaved(1), from);
    // 120 updates: relayed one by one they were 120 messages to everyone; now the burst (5) and
    // the latest state of each connection (3) at most.
    const relayed = listener.received.slice(from).filter(isAwareness).length;
    expect(relayed).toBeLessThanOrEqual(5 + 3);
  }, SLOW);
});
