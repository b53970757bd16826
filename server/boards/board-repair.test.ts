// A board whose stored document does not load is listed as damaged with the reason, and the admin
// restores it from a snapshot or its last compacted state that loads. The damage is written
// straight into the database, below the server, as a disk fault or a bug would leave it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { createBoardStore } from '../../db/board-store.ts';
import { testDrivers } from '../../db/test-databases.ts';
import { metaMap, readSettings, readSheet, setCell, setSetting } from '../../shared/board/board-doc.ts';
import type { BoardOrigin } from '../../shared/board/origins.ts';
import { waitUntil } from '../../shared/eventually.ts';
import { buildPlan2025Board } from '../../shared/plan-2025/plan-board.ts';
import { connectClient, type TestClient } from '../../shared/sync/test-client.ts';
import { startTestPlanbord, TEST_ADMIN_TOKEN, type TestPlanbord } from '../test-planbord.ts';

const SLOW = 90_000;
/** Bytes Yjs refuses to read as an update. */
const BAD_BYTES = '\\x010101001f';
const origin = (userId: string): BoardOrigin => ({ kind: 'user', userId });

interface BoardListEntry {
  id: string;
  damaged: boolean;
  damage?: {
    kind: string;
    reason: string;
    restoreFrom: { snapshot: { id: string; name: string } | null; compacted: { which: string } | null };
  };
}

describe.each(testDrivers().filter((driver) => driver.available))('repairing a damaged board on $name', (driver) => {
  let server: TestPlanbord;
  const clients: TestClient[] = [];
  let boards = 0;

  beforeAll(async () => {
    server = await startTestPlanbord(driver);
  }, SLOW);
  afterAll(async () => {
    clients.forEach((c) => c.destroy());
    await server?.stop();
  }, SLOW);

  const json = async <T>(response: Response, status = 200): Promise<T> => {
    expect(response.status, await response.clone().text()).toBe(status);
    return (await response.json()) as T;
  };
  const sql = (text: string) => server.database.query(text);

  async function newBoard(): Promise<string> {
    const id = `plan-${++boards}`;
    const created = await createBoardStore(server.database.handle.db).createBoard({ id, title: `Plan ${boards}`, year: 2025 }, Y.encodeStateAsUpdate(buildPlan2025Board()), 'test');
    if (!created.ok) throw new Error(created.error);
    return id;
  }

  async function client(boardId: string, token: string): Promise<TestClient> {
    const c = connectClient(server.syncUrl, boardId, token);
    clients.push(c);
    await c.synced();
    return c;
  }

  /** The board has left the server's memory (saved and compacted), so the next use loads it. */
  const closed = (boardId: string) => waitUntil(() => server.planbord.rooms.peek(boardId) === null, 10_000, `${boardId} closed`);

  const listed = async (boardId: string) => (await json<BoardListEntry[]>(await server.api('/api/boards'))).find((board) => board.id === boardId);

  /** The HTTP status the server answers a sync upgrade for the board with. */
  function upgradeStatus(boardId: string, token: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(`${server.syncUrl}/${boardId}`, { headers: { authorization: `Bearer ${token}` } });
      socket.on('unexpected-response', (_request, response) => {
        resolve(response.statusCode ?? 0);
        socket.terminate();
      });
      socket.on('open', () => {
        resolve(101);
        socket.close();
      });
      socket.on('error', reject);
    });
  }

  const amount = (c: TestClient, boardId: string, rowId: string) => readSheet(c.doc, 'beheer').find((entry) => entry.id === rowId)?.row.amount;

  it("lists a board whose state does not decode as damaged, repairs it from the agreed snapshot, and merges a member's unsaved edits", async () => {
    const boardId = await newBoard();
    const anna = await server.join(boardId, 'editor', 'Anna');
    const carla = await server.join(boardId, 'chair', 'Carla');
    const editor = await client(boardId, anna.token);
    const [first, second, third] = readSheet(editor.doc, 'beheer').map((entry) => entry.id);
    setCell(editor.doc, 'beheer', first!, 'amount', 1_000, origin(anna.memberId));
    await editor.saved.whenSaved();
    const snapshot = await json<{ id: string }>(await server.api(`/api/boards/${boardId}/snapshots`, { method: 'POST', json: { name: 'Vastgesteld', agreed: true } }), 201);
    setCell(editor.doc, 'beheer', second!, 'amount', 2_000, origin(anna.memberId));
    await editor.saved.whenSaved();
    // Anna goes offline and keeps typing; the server never sees this edit before the damage.
    editor.provider.disconnect();
    setCell(editor.doc, 'beheer', third!, 'amount', 3_000, origin(anna.memberId));
    await closed(boardId);

    await sql(`update board_states set state = '${BAD_BYTES}' where board_id = '${boardId}'`);
    const totals = await server.api(`/api/boards/${boardId}/totals`);
    expect(totals.status).toBe(503);
    expect(await totals.json()).toMatchObject({ error: 'board-unreadable', message: expect.stringContaining('damaged') });
    expect(await upgradeStatus(boardId, anna.token)).toBe(503);

    const entry = await listed(boardId);
    expect(entry).toMatchObject({ damaged: true, damage: { kind: 'state-unreadable', restoreFrom: { snapshot: { id: snapshot.id, name: 'Vastgesteld' } } } });
    expect(entry?.damage?.reason).toContain('geen leesbaar document');
    // The compaction when the board closed kept the state it replaced: the seeded plan loads.
    expect(entry?.damage?.restoreFrom.compacted).toMatchObject({ which: 'previous' });
    // A chair reads why; an editor only that it is damaged.
    expect(await json<BoardListEntry>(await server.api(`/api/boards/${boardId}`, { token: carla.token }))).toMatchObject({ damaged: true, damage: { reason: entry?.damage?.reason } });
    const forEditor = await json<BoardListEntry>(await server.api(`/api/boards/${boardId}`, { token: anna.token }));
    expect(forEditor).toMatchObject({ damaged: true });
    expect(forEditor.damage).toBeUndefined();

    expect((await server.api(`/api/boards/${boardId}/repair`, { method: 'POST', token: carla.token, json: { from: 'compacted' } })).status).toBe(403);
    expect((await server.api(`/api/boards/${boardId}/repair`, { method: 'POST', json: { from: 'backup' } })).status).toBe(400);
    expect((await server.api(`/api/boards/${boardId}/repair`, { method: 'POST', json: { from: 'snapshot', snapshotId: 'nope' } })).status).toBe(404);
    const repaired = await json<{ from: string; loaded: boolean; damageId: string }>(
      await server.api(`/api/boards/${boardId}/repair`, { method: 'POST', json: { from: 'snapshot', snapshotId: snapshot.id } }),
    );
    expect(repaired).toMatchObject({ from: `snapshot:${snapshot.id}`, loaded: true });
    expect((await listed(boardId))?.damaged).toBe(false);

    // The damaged bytes are kept, and the repair is in the log under the admin's name.
    const [kept] = await sql(`select encode(damaged_state, 'hex') as state, repaired_from, repaired_by from board_damages where id = '${repaired.damageId}'`);
    expect(kept).toEqual({ state: '010101001f', repaired_from: `snapshot:${snapshot.id}`, repaired_by: 'admin' });
    expect(await sql(`select origin from board_updates where board_id = '${boardId}'`)).toEqual([{ origin: 'repair:admin' }]);

    // Anna's client comes back: the server has the snapshot; her copy brings the edit made after it
    // (saved before the damage) and the one she typed offline, as forward edits.
    editor.provider.connect();
    const reader = await client(boardId, carla.token);
    await waitUntil(() => amount(reader, boardId, third!) === 3_000, 10_000, 'offline edit merged');
    expect(amount(reader, boardId, first!)).toBe(1_000);
    expect(amount(reader, boardId, second!)).toBe(2_000);
    await editor.saved.whenSaved();
    expect(await upgradeStatus(boardId, anna.token)).toBe(101);

    // Saved in the database: after a restart the board loads with all three.
    reader.destroy();
    editor.destroy();
    await closed(boardId);
    await server.restart();
    const after = await client(boardId, carla.token);
    expect([first, second, third].map((rowId) => amount(after, boardId, rowId!))).toEqual([1_000, 2_000, 3_000]);
  }, SLOW);

  it('repairs a board with an unreadable log row from its compacted state and the readable rows', async () => {
    const boardId = await newBoard();
    const anna = await server.join(boardId, 'editor', 'Anna');
    const editor = await client(boardId, anna.token);
    const [first, second] = readSheet(editor.doc, 'beheer').map((entry) => entry.id);
    setCell(editor.doc, 'beheer', first!, 'amount', 4_000, origin(anna.memberId));
    await editor.saved.whenSaved();
    editor.destroy();
    await closed(boardId);
    // A readable log row with an edit the state lacks, then an unreadable one.
    const stored = (await createBoardStore(server.database.handle.db).loadBoardState(boardId))!;
    const offline = new Y.Doc();
    Y.applyUpdate(offline, stored.state);
    const before = Y.encodeStateVector(offline);
    setCell(offline, 'beheer', second!, 'amount', 7_000, origin(anna.memberId));
    const logged = Buffer.from(Y.encodeStateAsUpdate(offline, before)).toString('hex');
    await sql(`insert into board_updates (board_id, update, origin) values ('${boardId}', '\\x${logged}', 'anna')`);
    await sql(`insert into board_updates (board_id, update, origin) values ('${boardId}', '${BAD_BYTES}', 'disk')`);
    expect((await server.api(`/api/boards/${boardId}/totals`)).status).toBe(503);

    const entry = await listed(boardId);
    expect(entry).toMatchObject({ damaged: true, damage: { kind: 'update-unreadable', restoreFrom: { snapshot: null, compacted: { which: 'current' } } } });
    expect(entry?.damage?.reason).toMatch(/^Logregel \d+ van het bord/);
    const repaired = await json<{ from: string; damageId: string }>(await server.api(`/api/boards/${boardId}/repair`, { method: 'POST', json: { from: 'compacted' } }));
    expect(repaired.from).toBe('compacted:current');
    const kept = await sql(`select encode(update, 'hex') as update, origin from board_damaged_updates where damage_id = '${repaired.damageId}' order by seq`);
    expect(kept).toEqual([
      { update: logged, origin: 'anna' },
      { update: '010101001f', origin: 'disk' },
    ]);

    const reader = await client(boardId, anna.token);
    expect(amount(reader, boardId, first!)).toBe(4_000);
    expect(amount(reader, boardId, second!)).toBe(7_000);
    // A second repair finds nothing to repair.
    expect(await json(await server.api(`/api/boards/${boardId}/repair`, { method: 'POST', json: { from: 'compacted' } }), 409)).toMatchObject({ error: 'board-not-damaged' });
  }, SLOW);

  it('marks a board from a newer schema version damaged with the reason, and restores the state before the last compaction', async () => {
    const boardId = await newBoard();
    const anna = await server.join(boardId, 'editor', 'Anna');
    const editor = await client(boardId, anna.token);
    setCell(editor.doc, 'beheer', readSheet(editor.doc, 'beheer')[0]!.id, 'amount', 5_000, origin(anna.memberId));
    await editor.saved.whenSaved();
    editor.destroy();
    await closed(boardId);
    // A state that decodes but that this server cannot migrate (written by a newer Planbord, or a bug).
    const future = buildPlan2025Board();
    metaMap(future).set('schemaVersion', 99);
    const hex = Buffer.from(Y.encodeStateAsUpdate(future)).toString('hex');
    await sql(`update board_states set state = '\\x${hex}' where board_id = '${boardId}'`);

    expect(await upgradeStatus(boardId, anna.token)).toBe(503);
    const entry = await listed(boardId);
    expect(entry?.damage).toMatchObject({ kind: 'migration-refused', reason: expect.stringContaining('schemaversie 99') });
    expect(entry?.damage?.restoreFrom.compacted).toMatchObject({ which: 'previous' });
    expect(await json(await server.api(`/api/boards/${boardId}/repair`, { method: 'POST', json: { from: 'compacted' } }))).toMatchObject({ from: 'compacted:previous', loaded: true });
    expect(await upgradeStatus(boardId, anna.token)).toBe(101);
  }, SLOW);

  it("refuses an editor's copy that holds a chair's change the restored state lacks (4400), and merges it once a chair's client has brought that change back", async () => {
    const boardId = await newBoard();
    const anna = await server.join(boardId, 'editor', 'Anna');
    const carla = await server.join(boardId, 'chair', 'Carla');
    const snapshot = await json<{ id: string }>(await server.api(`/api/boards/${boardId}/snapshots`, { method: 'POST', json: { name: 'Begin', agreed: true } }), 201);
    const chair = await client(boardId, carla.token);
    const editor = await client(boardId, anna.token);
    const closes: number[] = [];
    editor.provider.on('connection-close', (event) => closes.push(event?.code ?? 0));
    setSetting(chair.doc, 'renewalBudget', 90_000_000, origin(carla.memberId));
    await chair.saved.whenSaved();
    await waitUntil(() => readSettings(editor.doc).renewalBudget === 90_000_000, 5_000, 'budget reached the editor');
    chair.provider.disconnect();
    editor.provider.disconnect();
    const rowId = readSheet(editor.doc, 'beheer')[0]!.id;
    setCell(editor.doc, 'beheer', rowId, 'amount', 6_000, origin(anna.memberId));
    await closed(boardId);
    await sql(`update board_states set state = '${BAD_BYTES}' where board_id = '${boardId}'`);
    expect(await upgradeStatus(boardId, anna.token)).toBe(503);
    await json(await server.api(`/api/boards/${boardId}/repair`, { method: 'POST', json: { from: 'snapshot', snapshotId: snapshot.id } }));

    // The editor's step 2 carries the chair's budget: refused as a whole, nothing of it applied.
    editor.provider.connect();
    await waitUntil(() => closes.includes(4400), 10_000, 'editor refused');
    const reader = await client(boardId, TEST_ADMIN_TOKEN);
    expect(amount(reader, boardId, rowId)).not.toBe(6_000);
    // The chair's client brings the budget back; then the editor's copy merges.
    chair.provider.connect();
    await waitUntil(() => readSettings(reader.doc).renewalBudget === 90_000_000, 10_000, 'budget restored by the chair');
    editor.provider.connect();
    await waitUntil(() => amount(reader, boardId, rowId) === 6_000, 10_000, "editor's offline edit merged");
  }, SLOW);

  it('closes the mark of a board that loads again', async () => {
    const boardId = await newBoard();
    const store = createBoardStore(server.database.handle.db);
    // Marked by a server that could not read it (say, an older one); this one can.
    const { compactedThrough } = (await store.loadBoardState(boardId))!;
    expect((await store.markDamaged(boardId, { kind: 'migration-refused', reason: 'schemaversie' }, compactedThrough)).ok).toBe(true);
    expect((await listed(boardId))?.damaged).toBe(true);
    expect((await server.api(`/api/boards/${boardId}/totals`)).status).toBe(200);
    await waitUntil(async () => (await store.openDamage(boardId)) === null, 5_000, 'mark closed');
    expect((await listed(boardId))?.damaged).toBe(false);
  }, SLOW);
});
