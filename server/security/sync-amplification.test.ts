// Attack: a four-byte sync step 1 ("send me the whole board"), repeated by a client that never
// reads, made the server queue a fresh copy of the board for it each time (10 connections x 990
// requests took the server from 11 to 653 MB). Now every answer shares one encoding, a request
// repeated before the board changed gets nothing, and a client that still falls behind is closed
// with 1013 once its queue, or its member's, passes the bound.
import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { testDrivers } from '../../db/test-databases.ts';
import { readSheet, setCell } from '../../shared/board/board-doc.ts';
import { waitUntil } from '../../shared/eventually.ts';
import { connectClient, type TestClient } from '../../shared/sync/test-client.ts';
import { startTestPlanbord, type TestPlanbord } from '../test-planbord.ts';
import type { SyncLimits } from '../sync/sync-server.ts';
import { emptyStep1, emptyStep2, isSaved, isStep2, isUpdate, syncSocket, syncUpdate } from './sync-socket.ts';

const SLOW = 90_000;
const BOARD = 'gdi-2025';
const pglite = testDrivers().find((driver) => driver.name === 'pglite')!;
const origin = { kind: 'user', userId: 'attacker' } as const;

/** A sync step 2 with more than an empty update in it. */
const carriesBoard = (message: Uint8Array) => isStep2(message) && message.length > 5;

function updateOf(step2: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(step2);
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
  return decoding.readVarUint8Array(decoder);
}

let joined = 0;

/** An editor and a viewer using the board normally, with their disconnects counted. */
async function honestMembers(server: TestPlanbord) {
  const [anna, vera] = await Promise.all([server.join(BOARD, 'editor', `Anna ${++joined}`), server.join(BOARD, 'viewer', `Vera ${joined}`)]);
  const clients: TestClient[] = [connectClient(server.syncUrl, BOARD, anna.token), connectClient(server.syncUrl, BOARD, vera.token)];
  let disconnects = 0;
  clients.forEach((client) => client.provider.on('connection-close', () => disconnects++));
  await Promise.all(clients.map((client) => client.synced()));
  return {
    disconnects: () => disconnects,
    /** An edit of the editor reaches the viewer. */
    async stillServed(amount: number) {
      const [editor, viewer] = clients as [TestClient, TestClient];
      const row = readSheet(editor.doc, 'beheer')[1]!;
      setCell(editor.doc, 'beheer', row.id, 'amount', amount, { kind: 'user', userId: 'anna' });
      await waitUntil(() => readSheet(viewer.doc, 'beheer').find((entry) => entry.id === row.id)?.row.amount === amount, 5_000, 'the edit at the viewer');
    },
    destroy: () => clients.forEach((client) => client.destroy()),
  };
}

/**
 * An editor who stops reading, then sends an edit and a sync step 1 a hundred and twenty times: each
 * edit changes the board, so each step 1 earns a whole board (75 kB) again, 9 MB in all, well past
 * what the kernel's socket buffers absorb. Resolves to how the connection ended, or to "read it
 * all" when the server queued everything.
 */
async function editAndAskWithoutReading(server: TestPlanbord, token: string): Promise<number | 'read it all'> {
  const attacker = syncSocket(`${server.syncUrl}/${BOARD}`, token);
  expect(await attacker.opened).toBe(true);
  attacker.send(emptyStep1());
  const doc = new Y.Doc();
  Y.applyUpdate(doc, updateOf(await attacker.next(isStep2)));
  attacker.socket.pause();
  const row = readSheet(doc, 'beheer')[0]!;
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const rounds = 120;
  for (let i = 0; i < rounds; i++) {
    setCell(doc, 'beheer', row.id, 'amount', 1_000 + i, origin);
    attacker.send(syncUpdate(updates.pop()!));
    attacker.send(emptyStep1());
  }
  // Read again only once the server has handled every request (or stopped reading them: it closed
  // the connection), so the queue it built is the one a client that never reads would cost it.
  const room = server.planbord.rooms.peek(BOARD)!;
  const amountOnServer = () => readSheet(room.doc, 'beheer').find((entry) => entry.id === row.id)?.row.amount;
  let last: unknown = null;
  let unchanged = 0;
  await waitUntil(() => {
    const amount = amountOnServer();
    unchanged = amount === last ? unchanged + 1 : 0;
    last = amount;
    return amount === 1_000 + rounds - 1 || (typeof amount === 'number' && amount >= 1_000 && unchanged >= 10);
  }, 10_000, 'the server handling the requests');
  await new Promise((resolve) => setTimeout(resolve, 50));
  attacker.socket.resume();
  const readAll = waitUntil(() => attacker.received.filter(carriesBoard).length > rounds, 20_000).then(() => 'read it all' as const);
  const outcome = await Promise.race([attacker.closed.then(({ code }) => code), readAll]);
  doc.destroy();
  if (attacker.socket.readyState === WebSocket.OPEN) attacker.socket.close();
  return outcome;
}

describe('sync step 1 repeated', () => {
  let server: TestPlanbord;
  beforeAll(async () => {
    server = await startTestPlanbord(pglite, { syncLimits: { maxBufferedBytes: 512 * 1024, maxBufferedBytesPerMember: 64 * 1024 * 1024 } });
  }, SLOW);
  afterAll(async () => server?.stop(), SLOW);

  it('is answered once per change of the board, with the whole board', async () => {
    const viewer = await server.join(BOARD, 'viewer', 'Victor');
    const attacker = syncSocket(`${server.syncUrl}/${BOARD}`, viewer.token);
    expect(await attacker.opened).toBe(true);
    for (let i = 0; i < 50; i++) attacker.send(emptyStep1());
    // The server confirms an empty step 2 with "saved": everything sent before it was handled.
    attacker.send(emptyStep2());
    await attacker.next(isSaved(1));
    // One answer carries the board; the 49 repeats get an empty step 2 (five bytes) each.
    const answers = attacker.received.filter(carriesBoard);
    expect(answers).toHaveLength(1);
    expect(attacker.received.filter((message) => isStep2(message) && !carriesBoard(message)).map((message) => message.length)).toEqual(Array(49).fill(5));
    const copy = new Y.Doc();
    Y.applyUpdate(copy, updateOf(answers[0]!));
    expect(readSheet(copy, 'beheer')).toHaveLength(23);

    // The board changes: the next request is answered again, once.
    const anna = await server.join(BOARD, 'editor', 'Anneke');
    const editor = connectClient(server.syncUrl, BOARD, anna.token);
    await editor.synced();
    const row = readSheet(editor.doc, 'beheer')[0]!;
    setCell(editor.doc, 'beheer', row.id, 'amount', 4_242_000, { kind: 'user', userId: 'anna' });
    await attacker.next(isUpdate);
    const before = attacker.received.length;
    for (let i = 0; i < 50; i++) attacker.send(emptyStep1());
    attacker.send(emptyStep2());
    await attacker.next(isSaved(2), before);
    const later = attacker.received.slice(before).filter(carriesBoard);
    expect(later).toHaveLength(1);
    Y.applyUpdate(copy, updateOf(later[0]!));
    expect(readSheet(copy, 'beheer').find((entry) => entry.id === row.id)?.row.amount).toBe(4_242_000);
    editor.destroy();
    copy.destroy();
    attacker.socket.close();
  }, SLOW);

  it('closes a client whose unread output passes the bound with 1013, and keeps serving the others', async () => {
    const honest = await honestMembers(server);
    const mallory = await server.join(BOARD, 'editor', 'Mallory');
    expect(await editAndAskWithoutReading(server, mallory.token)).toBe(1013);
    await honest.stillServed(5_000);
    expect(honest.disconnects()).toBe(0);
    honest.destroy();
  }, SLOW);
});

describe('unread output of all of a member’s connections', () => {
  let server: TestPlanbord;
  const limits: Partial<SyncLimits> = { maxBufferedBytes: 64 * 1024 * 1024, maxBufferedBytesPerMember: 512 * 1024 };
  beforeAll(async () => {
    server = await startTestPlanbord(pglite, { syncLimits: limits });
  }, SLOW);
  afterAll(async () => server?.stop(), SLOW);

  it('is bounded too: past it, the connection is closed with 1013', async () => {
    const honest = await honestMembers(server);
    const mallory = await server.join(BOARD, 'editor', 'Mallory 2');
    // A second connection of the same member, idle: its queue counts with the first one's.
    const sibling = syncSocket(`${server.syncUrl}/${BOARD}`, mallory.token);
    expect(await sibling.opened).toBe(true);
    expect(await editAndAskWithoutReading(server, mallory.token)).toBe(1013);
    await honest.stillServed(6_000);
    expect(honest.disconnects()).toBe(0);
    sibling.socket.close();
    honest.destroy();
  }, SLOW);
});
