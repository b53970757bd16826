// Seeded hostile updates from an editor, through the live sync path of a real server, with the
// whole-board invariant checked after every one: the board validates in full against the schema,
// the chair-only maps are untouched, no client id but the attacker's own gained clocks, and an
// update the server refused changed nothing at all. A colleague stays connected throughout, and
// the board as saved loads back the same. HOSTILE_CASES sets the number of cases (default 10,000),
// HOSTILE_SEED the first seed; a failure names the seed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { testDrivers } from '../../db/test-databases.ts';
import { readSheet, setCell } from '../../shared/board/board-doc.ts';
import { boardProblems } from '../../shared/board/board-problems.ts';
import { SHEETS } from '../../shared/board/sheets.ts';
import { waitUntil } from '../../shared/eventually.ts';
import { seededRandom } from '../../shared/seeded-random.ts';
import { connectClient, type TestClient } from '../../shared/sync/test-client.ts';
import { decodeAwarenessUpdate } from '../sync/awareness-stamp.ts';
import { startTestPlanbord, type TestPlanbord } from '../test-planbord.ts';
import { hostileCase, type Move } from './hostile-updates.ts';
import * as decoding from 'lib0/decoding';
import { awarenessMessage, isAwareness, syncSocket, syncUpdate, type SyncSocket } from './sync-socket.ts';

const CASES = Number(process.env.HOSTILE_CASES ?? 10_000);
const FIRST_SEED = Number(process.env.HOSTILE_SEED ?? 20_261_205);
const BOARD = 'gdi-2025';
const OWN_CLIENT = 987_654_321;
const pglite = testDrivers().find((driver) => driver.name === 'pglite')!;

const chairMaps = (doc: Y.Doc) => JSON.stringify(['meta', 'settings', 'stated'].map((name) => doc.getMap(name).toJSON()));
const board = (doc: Y.Doc) => JSON.stringify([chairMaps(doc), ...SHEETS.map((sheet) => readSheet(doc, sheet))]);

/** Whether a message is the relay of this presence clock of a client: every message before it was handled. */
function relays(message: Uint8Array, clientId: number, clock: number): boolean {
  if (!isAwareness(message)) return false;
  const decoder = decoding.createDecoder(message);
  decoding.readVarUint(decoder);
  const entries = decodeAwarenessUpdate(decoding.readVarUint8Array(decoder));
  return entries.ok && entries.value.some((entry) => entry.clientId === clientId && entry.clock === clock);
}

/**
 * Sends the update, then a presence update of the attacker's own: its relay means the server has
 * handled the update. Resolves to the close code if the server closed the connection instead.
 */
function answer(socket: SyncSocket, update: Uint8Array, presenceClock: number): Promise<number | null | 'timeout'> {
  const ws = socket.socket;
  return new Promise((resolve) => {
    const done = (result: number | null | 'timeout') => {
      clearTimeout(timer);
      ws.off('message', onMessage);
      ws.off('close', onClose);
      resolve(result);
    };
    const onMessage = (data: Buffer) => {
      if (relays(new Uint8Array(data), OWN_CLIENT, presenceClock)) done(null);
    };
    const onClose = (code: number) => done(code);
    const timer = setTimeout(() => done('timeout'), 10_000);
    ws.on('message', onMessage);
    ws.on('close', onClose);
    ws.send(syncUpdate(update));
    ws.send(awarenessMessage(OWN_CLIENT, presenceClock, { n: presenceClock }));
  });
}

describe(`${CASES} hostile updates through the live sync path`, () => {
  let server: TestPlanbord;
  let attackerToken: string;
  let colleague: TestClient;
  beforeAll(async () => {
    server = await startTestPlanbord(pglite, {
      syncLimits: { messagesPerSecond: 1_000_000, messageBurst: 1_000_000, awarenessPerSecond: 1_000_000, awarenessBurst: 1_000_000 },
    });
    attackerToken = (await server.join(BOARD, 'editor', 'Eve')).token;
    colleague = connectClient(server.syncUrl, BOARD, (await server.join(BOARD, 'editor', 'Vera')).token);
    await colleague.synced();
    setCell(colleague.doc, 'beheer', readSheet(colleague.doc, 'beheer')[0]!.id, 'amount', 7_000, { kind: 'user', userId: 'vera' });
    await colleague.saved.whenSaved();
  }, 120_000);
  afterAll(async () => {
    colleague?.destroy();
    await server?.stop();
  }, 120_000);

  it('keeps the invariant after every accepted update, and changes nothing on a refused one', async () => {
    const room = server.planbord.rooms.peek(BOARD)!;
    const doc = room.doc;
    // Everyone's ids but the attacker's: the colleague's, the seed's and the server's.
    const foreign = [...new Set([colleague.doc.clientID, ...doc.store.clients.keys()])].filter((id) => id !== OWN_CLIENT);
    let socket: SyncSocket | null = null;
    let presenceClock = 0;
    const tally = { applied: 0, ignored: 0, refused: 0 };
    const movesApplied = new Map<Move, number>();

    for (let n = 0; n < CASES; n++) {
      const seed = FIRST_SEED + n;
      if (socket === null) {
        socket = syncSocket(`${server.syncUrl}/${BOARD}`, attackerToken);
        expect(await socket.opened, `seed ${seed}: reconnect`).toBe(true);
      }
      const beforeState = Y.decodeStateVector(Y.encodeStateVector(doc));
      const beforeChair = chairMaps(doc);
      const beforeBoard = board(doc);
      const { moves, update } = hostileCase({ doc, own: OWN_CLIENT, foreign, random: seededRandom(seed) });

      presenceClock++;
      const closedWith = await answer(socket, update, presenceClock);
      if (closedWith === 'timeout') throw new Error(`seed ${seed}: no answer (${moves.join(', ')})`);

      const problems = boardProblems(doc);
      expect(problems, `seed ${seed} (${moves.join(', ')})`).toEqual([]);
      expect(chairMaps(doc), `seed ${seed}: chair-only maps (${moves.join(', ')})`).toBe(beforeChair);
      for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(doc))) {
        const before = beforeState.get(client) ?? 0;
        if (clock > before) expect(client === OWN_CLIENT || (before === 0 && !foreign.includes(client)), `seed ${seed}: client ${client} gained clocks (${moves.join(', ')})`).toBe(true);
      }
      if (closedWith !== null) {
        expect([4400, 4403], `seed ${seed}: close code (${moves.join(', ')})`).toContain(closedWith);
        expect(board(doc), `seed ${seed}: a refused update changed the board (${moves.join(', ')})`).toBe(beforeBoard);
        tally.refused++;
        socket = null;
      } else if ([...Y.decodeStateVector(Y.encodeStateVector(doc))].some(([client, clock]) => clock !== (beforeState.get(client) ?? 0))) {
        tally.applied++;
        for (const move of new Set(moves)) movesApplied.set(move, (movesApplied.get(move) ?? 0) + 1);
      } else tally.ignored++;
    }
    socket?.socket.close();
    console.log(`hostile updates: ${tally.applied} applied, ${tally.ignored} applied nothing, ${tally.refused} refused; moves in applied updates ${JSON.stringify(Object.fromEntries(movesApplied))}`);
    // The run must have exercised both sides of the check.
    expect(tally.applied).toBeGreaterThan(CASES / 20);
    expect(tally.refused).toBeGreaterThan(CASES / 4);

    // The colleague converged with the server, and the board as saved loads back the same.
    await waitUntil(() => board(colleague.doc) === board(doc), 10_000, 'the colleague converged');
    const live = board(doc);
    colleague.destroy();
    await server.restart();
    const reloaded = connectClient(server.syncUrl, BOARD, attackerToken);
    try {
      await reloaded.synced();
      await waitUntil(() => board(reloaded.doc) === live, 10_000, 'the board as saved');
      expect(boardProblems(server.planbord.rooms.peek(BOARD)!.doc)).toEqual([]);
    } finally {
      reloaded.destroy();
    }
  }, 1_800_000);
});
