// Attacks on the board through the sync path by a member with an editor's invite: hand-encoded
// updates that slipped past the schema check, and client ids taken from a colleague's presence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { testDrivers } from '../../db/test-databases.ts';
import { metaMap, readSettings, readSheet, setCell, settingsMap, sheetMap } from '../../shared/board/board-doc.ts';
import { boardProblems } from '../../shared/board/board-problems.ts';
import type { BoardOrigin } from '../../shared/board/origins.ts';
import { waitUntil } from '../../shared/eventually.ts';
import { encodeRawUpdate, type RawId } from '../../shared/sync/raw-update.ts';
import { connectClient } from '../../shared/sync/test-client.ts';
import { startTestPlanbord, type TestPlanbord } from '../test-planbord.ts';
import { awarenessMessage, isSaved, syncSocket, syncUpdate } from './sync-socket.ts';

const SLOW = 90_000;
const BOARD = 'gdi-2025';
const ATTACKER_CLIENT = 31_337;
const pglite = testDrivers().find((driver) => driver.name === 'pglite')!;

function valueId(map: Y.Map<unknown>, key: string): RawId {
  const { client, clock } = map._map.get(key)!.id;
  return { client, clock };
}

/** A value behind a forged copy of an existing one whose origin points back at it. */
const originCycle = (target: RawId, value: unknown, client = ATTACKER_CLIENT) =>
  encodeRawUpdate({
    clients: [
      { client, clock: 0, structs: [{ kind: 'item', origin: target, content: { kind: 'any', values: [value] } }] },
      { client: target.client, clock: target.clock, structs: [{ kind: 'item', origin: { client, clock: 0 }, content: { kind: 'any', values: [0] } }] },
    ],
  });

describe('integrity of the sync path against an editor', () => {
  let server: TestPlanbord;
  let editor: string;
  beforeAll(async () => {
    server = await startTestPlanbord(pglite);
    editor = (await server.join(BOARD, 'editor', 'Eva')).token;
  }, SLOW);
  afterAll(async () => server?.stop(), SLOW);

  const room = () => server.planbord.rooms.peek(BOARD)!;

  it('refuses chair-only values and unreadable meta hidden behind a forged copy, and the board still loads', async () => {
    const attacks: [string, (doc: Y.Doc) => Uint8Array][] = [
      ['renewal budget', (doc) => originCycle(valueId(settingsMap(doc), 'renewalBudget'), 1)],
      ['schema version', (doc) => originCycle(valueId(metaMap(doc), 'schemaVersion'), 999, ATTACKER_CLIENT + 1)],
      ['title', (doc) => originCycle(valueId(metaMap(doc), 'title'), { evil: true }, ATTACKER_CLIENT + 2)],
    ];
    for (const [name, attack] of attacks) {
      const socket = syncSocket(`${server.syncUrl}/${BOARD}`, editor);
      expect(await socket.opened, name).toBe(true);
      const before = readSettings(room().doc);
      socket.send(syncUpdate(attack(room().doc)));
      expect((await socket.closed).code, name).toBe(4400);
      expect(readSettings(room().doc), name).toEqual(before);
      expect(boardProblems(room().doc), name).toEqual([]);
    }
    await server.restart();
    expect((await server.api(`/api/boards/${BOARD}/totals`)).status).toBe(200);
  }, SLOW);

  it('refuses an update that adds more rows than one change may, before it costs the server anything', async () => {
    // 20,000 rows of one cell each, as Y.Map.set writes them.
    const client = ATTACKER_CLIENT + 20;
    const structs = Array.from({ length: 20_000 }, (_, i) => [
      { kind: 'item' as const, parent: 'roadmap', parentSub: `r-bulk-${i}`, content: { kind: 'type' as const, typeRef: 1 } },
      { kind: 'item' as const, parent: { client, clock: 2 * i }, parentSub: 'activity', content: { kind: 'any' as const, values: [`Rij ${i}`] } },
    ]).flat();
    const rowsBefore = sheetMap(room().doc, 'roadmap').size;
    const socket = syncSocket(`${server.syncUrl}/${BOARD}`, editor);
    expect(await socket.opened).toBe(true);
    socket.send(syncUpdate(encodeRawUpdate({ clients: [{ client, clock: 0, structs }] })));
    expect((await socket.closed).code).toBe(4400);
    expect(sheetMap(room().doc, 'roadmap').size).toBe(rowsBefore);
  }, SLOW);

  it("does not let an editor burn a colleague's client id: the colleague's next edit lands for everyone", async () => {
    const victim = connectClient(server.syncUrl, BOARD, (await server.join(BOARD, 'editor', 'Vera')).token);
    const observer = connectClient(server.syncUrl, BOARD, (await server.join(BOARD, 'viewer', 'Otto')).token);
    try {
      await Promise.all([victim.synced(), observer.synced()]);
      const rowId = readSheet(victim.doc, 'beheer')[0]!.id;
      setCell(victim.doc, 'beheer', rowId, 'amount', 1_111_000, { kind: 'user', userId: 'vera' });
      await waitUntil(() => readSheet(observer.doc, 'beheer')[0]!.row.amount === 1_111_000, 10_000, 'the first edit');

      const target = victim.doc.clientID;
      const socket = syncSocket(`${server.syncUrl}/${BOARD}`, editor);
      expect(await socket.opened).toBe(true);
      const burn = encodeRawUpdate({ clients: [{ client: target, clock: Y.getState(room().doc.store, target), structs: [{ kind: 'gc', length: 2 ** 40 }] }] });
      socket.send(syncUpdate(burn));
      // Handled ("saved 1"), and nothing of it taken: the colleague's clocks did not move.
      await socket.next(isSaved(1));
      expect(Y.getState(room().doc.store, target)).toBe(Y.getState(victim.doc.store, target));
      socket.socket.close();

      setCell(victim.doc, 'beheer', rowId, 'amount', 2_222_000, { kind: 'user', userId: 'vera' });
      await waitUntil(() => readSheet(observer.doc, 'beheer')[0]!.row.amount === 2_222_000, 10_000, "the victim's next edit at the observer");
      expect(readSheet(room().doc, 'beheer')[0]!.row.amount).toBe(2_222_000);
    } finally {
      victim.destroy();
      observer.destroy();
    }
  }, SLOW);

  it("does not lock a member out when a stranger showed the member's client id first: the member's client takes a fresh one and its edits land", async () => {
    const guessed = ATTACKER_CLIENT + 30;
    const socket = syncSocket(`${server.syncUrl}/${BOARD}`, editor);
    expect(await socket.opened).toBe(true);
    socket.send(awarenessMessage(guessed, 1, { cursor: null }));
    const observer = connectClient(server.syncUrl, BOARD, (await server.join(BOARD, 'viewer', 'Oscar')).token);
    await observer.synced();
    await waitUntil(() => observer.provider.awareness.getStates().has(guessed), 10_000, "the stranger's claim");

    const doc = new Y.Doc();
    doc.clientID = guessed;
    const member = connectClient(server.syncUrl, BOARD, (await server.join(BOARD, 'editor', 'Mila')).token, doc);
    try {
      await member.synced();
      await waitUntil(() => member.doc.clientID !== guessed, 10_000, 'a fresh client id');
      const rowId = readSheet(member.doc, 'beheer')[1]!.id;
      setCell(member.doc, 'beheer', rowId, 'amount', 3_333_000, { kind: 'user', userId: 'mila' });
      await waitUntil(() => readSheet(observer.doc, 'beheer')[1]!.row.amount === 3_333_000, 10_000, "the member's edit at the observer");
      await member.saved.whenSaved();
      expect(Y.getState(room().doc.store, guessed)).toBe(0);
    } finally {
      member.destroy();
      observer.destroy();
      socket.socket.close();
    }
  }, SLOW);

  it("saves a member's own edits while its client also holds a colleague's edit the server lost, which arrives with the colleague", async () => {
    const me: BoardOrigin = { kind: 'user', userId: 'test' };
    const colleague = connectClient(server.syncUrl, BOARD, (await server.join(BOARD, 'editor', 'Carla')).token);
    const member = connectClient(server.syncUrl, BOARD, (await server.join(BOARD, 'editor', 'Daan')).token);
    const rows = readSheet(room().doc, 'vernieuwing').map((entry) => entry.id);
    try {
      await Promise.all([colleague.synced(), member.synced()]);
      for (const client of [colleague, member]) client.provider.awareness.setLocalStateField('cursor', { sheet: 'vernieuwing' });
      // Both have shown their ids; then both go offline, as after a server crash.
      await waitUntil(() => room().awareness.getStates().has(colleague.doc.clientID) && room().awareness.getStates().has(member.doc.clientID), 10_000, 'both present');
      colleague.provider.disconnect();
      member.provider.disconnect();
      // The colleague's edit had reached the member, relayed but never saved.
      const before = Y.encodeStateVector(colleague.doc);
      setCell(colleague.doc, 'vernieuwing', rows[0]!, 'requested', 1_001_000, me);
      Y.applyUpdate(member.doc, Y.encodeStateAsUpdate(colleague.doc, before));
      setCell(member.doc, 'vernieuwing', rows[1]!, 'requested', 2_002_000, me);

      member.provider.connect();
      await member.saved.whenSaved();
      const requested = (index: number) => readSheet(room().doc, 'vernieuwing').find((entry) => entry.id === rows[index])!.row.requested;
      expect(requested(1)).toBe(2_002_000);
      expect(requested(0)).not.toBe(1_001_000);
      expect(Y.getState(room().doc.store, colleague.doc.clientID)).toBeLessThan(Y.getState(colleague.doc.store, colleague.doc.clientID));

      // An edit that builds on the colleague's waits for it, and lands once the colleague is back.
      setCell(member.doc, 'vernieuwing', rows[0]!, 'requested', 3_003_000, me);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(requested(0)).not.toBe(3_003_000);
      expect(member.provider.wsconnected).toBe(true);
      colleague.provider.connect();
      await waitUntil(() => requested(0) === 3_003_000, 10_000, "the member's edit after the colleague's");
      await Promise.all([member.saved.whenSaved(), colleague.saved.whenSaved()]);
      expect(boardProblems(room().doc)).toEqual([]);
    } finally {
      colleague.destroy();
      member.destroy();
    }
  }, SLOW);

  it("does not let a member take over a colleague's presence client id after the colleague leaves", async () => {
    const victim = connectClient(server.syncUrl, BOARD, (await server.join(BOARD, 'editor', 'Wim')).token);
    const observer = connectClient(server.syncUrl, BOARD, (await server.join(BOARD, 'viewer', 'Olga')).token);
    await Promise.all([victim.synced(), observer.synced()]);
    const taken = victim.doc.clientID;
    victim.provider.awareness.setLocalStateField('cursor', { sheet: 'beheer' });
    await waitUntil(() => observer.provider.awareness.getStates().get(taken)?.cursor !== undefined, 10_000, "the victim's presence");
    victim.destroy();
    await waitUntil(() => !observer.provider.awareness.getStates().has(taken), 10_000, 'the victim gone');
    try {
      const socket = syncSocket(`${server.syncUrl}/${BOARD}`, editor);
      expect(await socket.opened).toBe(true);
      socket.send(awarenessMessage(taken, 50, { cursor: { sheet: 'beheer' } }));
      socket.send(awarenessMessage(ATTACKER_CLIENT + 10, 1, { cursor: { sheet: 'beheer' } }));
      await waitUntil(() => observer.provider.awareness.getStates().has(ATTACKER_CLIENT + 10), 10_000, "the attacker's own presence");
      expect(observer.provider.awareness.getStates().has(taken)).toBe(false);
      socket.socket.close();
    } finally {
      observer.destroy();
    }
  }, SLOW);
});
