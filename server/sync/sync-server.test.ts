import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createBoardStore } from '../../db/board-store.ts';
import { testDrivers } from '../../db/test-databases.ts';
import { deleteRow, readSheet, setCell } from '../../shared/board/board-doc.ts';
import type { BoardOrigin } from '../../shared/board/origins.ts';
import { MESSAGE_AWARENESS, MESSAGE_SAVED, MESSAGE_SYNC, SYNC_UPDATE } from '../../shared/sync/protocol.ts';
import type { BoardTotals } from '../../shared/totals/types.ts';
import { startTestPlanbord, TEST_ADMIN_TOKEN, type TestPlanbord } from '../test-planbord.ts';
import { authorizedWebSocket, connectClient, type TestClient } from '../../shared/sync/test-client.ts';
import { waitUntil } from '../../shared/eventually.ts';

const SLOW = 90_000;
const BOARD = 'gdi-2025';
const me = (userId: string): BoardOrigin => ({ kind: 'user', userId });

const eventually = (check: () => boolean | Promise<boolean>, timeoutMs = 3_000) => waitUntil(check, timeoutMs);

function rawSocket(url: string, headers: Record<string, string> = {}) {
  const socket = new WebSocket(url, { headers });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const refused = new Promise<number>((resolve) => socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
  socket.on('error', () => {});
  const opened = new Promise<void>((resolve) => socket.on('open', () => resolve()));
  return { socket, closed, refused, opened };
}

/** The client ids an awareness message carries (none for any other message). */
function awarenessClientIds(message: Uint8Array): number[] {
  const decoder = decoding.createDecoder(message);
  if (decoding.readVarUint(decoder) !== MESSAGE_AWARENESS) return [];
  const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
  const ids: number[] = [];
  for (let count = decoding.readVarUint(update); count > 0; count--) {
    ids.push(decoding.readVarUint(update));
    decoding.readVarUint(update);
    decoding.readVarString(update);
  }
  return ids;
}

const amountOf = (doc: Y.Doc, rowId: string) => readSheet(doc, 'beheer').find((entry) => entry.id === rowId)?.row.amount;

describe.each(testDrivers().filter((driver) => driver.available))('sync endpoint on $name', (driver) => {
  let server: TestPlanbord;
  const clients: TestClient[] = [];
  const client = (token: string | null) => {
    const connected = connectClient(server.syncUrl, BOARD, token);
    clients.push(connected);
    return connected;
  };

  beforeAll(async () => {
    server = await startTestPlanbord(driver);
  }, SLOW);
  afterAll(async () => {
    clients.forEach((c) => c.destroy());
    await server?.stop();
  }, SLOW);

  it('syncs two editors both ways, and "saved" means in the database', async () => {
    const anna = await server.join(BOARD, 'editor', 'Anna');
    const bert = await server.join(BOARD, 'editor', 'Bert');
    const a = client(anna.token);
    const b = client(bert.token);
    await Promise.all([a.synced(), b.synced()]);
    const [first, second] = readSheet(a.doc, 'beheer');
    expect(readSheet(b.doc, 'beheer')).toHaveLength(23);

    setCell(a.doc, 'beheer', first!.id, 'amount', 1_000_000, me('anna'));
    setCell(b.doc, 'beheer', second!.id, 'amount', 2_000_000, me('bert'));
    await eventually(() => amountOf(b.doc, first!.id) === 1_000_000 && amountOf(a.doc, second!.id) === 2_000_000);

    expect(a.saved.state).not.toBe('saved');
    await a.saved.whenSaved();
    await b.saved.whenSaved();
    const stored = (await createBoardStore(server.database.handle.db).loadBoardState(BOARD))!;
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, stored.state);
    for (const { update } of stored.updates) Y.applyUpdate(reloaded, update);
    expect(amountOf(reloaded, first!.id)).toBe(1_000_000);
    expect(amountOf(reloaded, second!.id)).toBe(2_000_000);
    const authors = await server.database.query(`select distinct origin from board_updates where board_id = '${BOARD}'`);
    expect(authors.map((row) => row.origin)).toEqual(expect.arrayContaining([anna.memberId, bert.memberId]));
  }, SLOW);

  it('does not call a deletion saved until the database has it', async () => {
    const c = client(TEST_ADMIN_TOKEN);
    await c.synced();
    await c.saved.whenSaved();
    const victim = readSheet(c.doc, 'roadmap')[0]!;
    // A deletion adds nothing to a state vector: "saved" must still wait for it.
    deleteRow(c.doc, 'roadmap', victim.id, me('admin'));
    expect(c.saved.state).toBe('unsaved');
    await c.saved.whenSaved();
    const stored = (await createBoardStore(server.database.handle.db).loadBoardState(BOARD))!;
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, stored.state);
    for (const { update } of stored.updates) Y.applyUpdate(reloaded, update);
    expect(readSheet(reloaded, 'roadmap').some((entry) => entry.id === victim.id)).toBe(false);
  }, SLOW);

  it('never applies, saves or forwards what a viewer writes, and disconnects a viewer that keeps writing', async () => {
    const viewer = await server.join(BOARD, 'viewer', 'Vera');
    const editor = await server.join(BOARD, 'editor', 'Eva');
    const v = client(viewer.token);
    const e = client(editor.token);
    await Promise.all([v.synced(), e.synced()]);
    const row = readSheet(v.doc, 'beheer')[2]!;
    const before = row.row.amount;
    const closed = new Promise<{ code: number }>((resolve) => v.provider.on('connection-close', (event) => event && resolve(event)));
    for (let i = 1; i <= 8; i++) setCell(v.doc, 'beheer', row.id, 'amount', i * 111_000, me('vera'));
    expect((await closed).code).toBe(4403);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(amountOf(e.doc, row.id)).toBe(before);
    const probe = client(editor.token);
    await probe.synced();
    expect(amountOf(probe.doc, row.id)).toBe(before);
  }, SLOW);

  it('stamps presence with the session identity, whatever a client claims', async () => {
    const mallory = await server.join(BOARD, 'editor', 'Mallory');
    const watcher = await server.join(BOARD, 'editor', 'Wendy');
    const m = client(mallory.token);
    const w = client(watcher.token);
    await Promise.all([m.synced(), w.synced()]);
    m.provider.awareness.setLocalStateField('user', { id: 'admin', name: 'De voorzitter', role: 'chair', color: '#000000' });
    m.provider.awareness.setLocalStateField('cursor', { sheet: 'beheer', rowId: 'x', field: 'amount' });
    await eventually(() => w.provider.awareness.getStates().get(m.doc.clientID)?.cursor !== undefined);
    const seen = w.provider.awareness.getStates().get(m.doc.clientID)!;
    expect(seen.user).toEqual({ id: mallory.memberId, name: 'Mallory', role: 'editor', color: expect.stringMatching(/^#/) });
    expect(seen.cursor).toEqual({ sheet: 'beheer', rowId: 'x', field: 'amount' });
  }, SLOW);

  it('a client sends its own presence only; the stock provider sends back what it hears', async () => {
    const a = client(TEST_ADMIN_TOKEN);
    const b = client(TEST_ADMIN_TOKEN);
    const stockDoc = new Y.Doc();
    const stock = new WebsocketProvider(server.syncUrl, BOARD, stockDoc, { WebSocketPolyfill: authorizedWebSocket(TEST_ADMIN_TOKEN), disableBc: true });
    stock.messageHandlers[MESSAGE_SAVED] = () => {};
    try {
      await Promise.all([a.synced(), b.synced(), new Promise((resolve) => stock.once('sync', resolve))]);
      const presenceSentBy = (provider: WebsocketProvider) => {
        const clientIds = new Set<number>();
        const socket = provider.ws!;
        const send = socket.send.bind(socket);
        socket.send = (data) => {
          for (const id of awarenessClientIds(data as Uint8Array)) clientIds.add(id);
          send(data);
        };
        return clientIds;
      };
      const fromB = presenceSentBy(b.provider);
      const fromStock = presenceSentBy(stock);
      a.provider.awareness.setLocalStateField('cursor', { sheet: 'beheer', rowId: 'x', field: 'amount' });
      await eventually(() => [b.provider.awareness, stock.awareness].every((awareness) => awareness.getStates().get(a.doc.clientID)?.cursor !== undefined));
      b.provider.awareness.setLocalStateField('cursor', { sheet: 'beheer', rowId: 'y', field: 'amount' });
      await eventually(() => fromB.has(b.doc.clientID) && fromStock.has(a.doc.clientID));
      expect(fromB).toEqual(new Set([b.doc.clientID]));
    } finally {
      stock.destroy();
      stockDoc.destroy();
    }
  }, SLOW);

  it('closes an editor that writes outside the board schema; nothing reaches the board, its peers or the session log', async () => {
    const opened = await server.api(`/api/boards/${BOARD}/sessions`, { method: 'POST', json: { title: 'Schema' } });
    expect(opened.status).toBe(201);
    const watcher = client(TEST_ADMIN_TOKEN);
    await watcher.synced();
    const writes: [string, (doc: Y.Doc, rowId: string) => void][] = [
      ['a BigInt amount', (doc, rowId) => doc.getMap<Y.Map<unknown>>('beheer').get(rowId)!.set('amount', BigInt(5))],
      ['an amount "abc"', (doc, rowId) => doc.getMap<Y.Map<unknown>>('beheer').get(rowId)!.set('amount', 'abc')],
      ['a Y.Text name', (doc, rowId) => doc.getMap<Y.Map<unknown>>('beheer').get(rowId)!.set('bouwsteen', new Y.Text('x'))],
      ['a row that is a string', (doc) => doc.getMap('beheer').set('r-string', 'x')],
      ['a top-level type of its own', (doc) => doc.getArray('extra').push([1])],
      ['a schema version from the future', (doc) => doc.getMap('meta').set('schemaVersion', 99)],
      ['an editor setting the budget', (doc) => doc.getMap('settings').set('renewalBudget', 1)],
    ];
    const editor = await server.join(BOARD, 'editor', 'Overtreder');
    for (const [name, write] of writes) {
      const c = client(editor.token);
      await c.synced();
      const closed = new Promise<number>((resolve) => c.provider.on('connection-close', (event) => event && resolve(event.code)));
      write(c.doc, readSheet(c.doc, 'beheer')[0]!.id);
      expect(await closed, name).toBe(4400);
      c.destroy();
    }
    const served = server.planbord.rooms.peek(BOARD)!.doc;
    expect([...served.share.keys()].sort()).toEqual(['beheer', 'meta', 'roadmap', 'settings', 'stated', 'vernieuwing']);
    expect(served.getMap('meta').get('schemaVersion')).toBe(1);
    expect(JSON.stringify(readSheet(watcher.doc, 'beheer'))).toBe(JSON.stringify(readSheet(served, 'beheer')));
    expect(served.getMap('beheer').has('r-string')).toBe(false);
    // The session log and the agreed snapshot are unharmed (a BigInt once made both fail).
    expect((await server.api(`/api/boards/${BOARD}/sessions/current`)).status).toBe(200);
    expect((await server.api(`/api/boards/${BOARD}/snapshots`, { method: 'POST', json: { name: 'Na schema', agreed: true } })).status).toBe(201);
  }, SLOW);

  it('checks credentials, board access and origin before the WebSocket opens', async () => {
    const url = `${server.syncUrl}/${BOARD}`;
    expect(await rawSocket(url).refused).toBe(401);
    expect(await rawSocket(url, { authorization: 'Bearer nonsense' }).refused).toBe(401);
    expect(await rawSocket(`${server.syncUrl}/other-board`, { authorization: `Bearer ${(await server.join(BOARD, 'editor', 'X')).token}` }).refused).toBe(403);
    expect(await rawSocket(`${server.syncUrl}/no-such-board`, { authorization: `Bearer ${TEST_ADMIN_TOKEN}` }).refused).toBe(404);
    expect(await rawSocket(url, { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, origin: 'https://evil.example' }).refused).toBe(403);
    expect(await rawSocket(`${server.url.replace('http', 'ws')}/elsewhere`, { authorization: `Bearer ${TEST_ADMIN_TOKEN}` }).refused).toBe(404);
  }, SLOW);

  it('closes a connection within a second when its invite is revoked or its member demoted', async () => {
    const member = await server.join(BOARD, 'editor', 'Tijdelijk');
    const c = client(member.token);
    await c.synced();
    const closed = new Promise<{ code: number }>((resolve) => c.provider.on('connection-close', (event) => event && resolve(event)));
    const start = Date.now();
    await server.api(`/api/boards/${BOARD}/invites/${member.inviteId}`, { method: 'DELETE' });
    expect((await closed).code).toBe(4403);
    expect(Date.now() - start).toBeLessThan(1_000);

    const demoted = await server.join(BOARD, 'editor', 'Degradeerbaar');
    const d = client(demoted.token);
    const other = client((await server.join(BOARD, 'editor', 'Getuige')).token);
    await Promise.all([d.synced(), other.synced()]);
    await server.api(`/api/boards/${BOARD}/members/${demoted.memberId}`, { method: 'PATCH', json: { role: 'viewer' } });
    const row = readSheet(d.doc, 'beheer')[5]!;
    setCell(d.doc, 'beheer', row.id, 'amount', 42_000, me('demoted'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(amountOf(other.doc, row.id)).toBe(row.row.amount);
  }, SLOW);

  it('closes connections that send malformed, oversized or text messages, while other clients keep working', async () => {
    const bystander = client(TEST_ADMIN_TOKEN);
    const peer = client(TEST_ADMIN_TOKEN);
    await Promise.all([bystander.synced(), peer.synced()]);
    const headers = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
    const url = `${server.syncUrl}/${BOARD}`;
    const garbage = [
      new Uint8Array([255, 255, 255, 255, 255, 255, 255, 255, 255, 255]),
      new Uint8Array([42]),
      new Uint8Array([MESSAGE_SYNC, SYNC_UPDATE, 5, 1, 2, 3, 4, 5]),
      (() => {
        const e = encoding.createEncoder();
        encoding.writeVarUint(e, MESSAGE_AWARENESS);
        encoding.writeVarUint8Array(e, new Uint8Array([1, 2, 3]));
        return encoding.toUint8Array(e);
      })(),
      new Uint8Array([MESSAGE_SYNC, 9, 0]),
    ];
    for (const bytes of garbage) {
      const raw = rawSocket(url, headers);
      await raw.opened;
      raw.socket.send(bytes);
      expect((await raw.closed).code, String(bytes)).toBe(4400);
    }
    const text = rawSocket(url, headers);
    await text.opened;
    text.socket.send('hello');
    expect((await text.closed).code).toBe(1003);
    const huge = rawSocket(url, headers);
    await huge.opened;
    huge.socket.send(new Uint8Array(9 * 1024 * 1024));
    expect((await huge.closed).code).toBe(1009);

    const random = rawSocket(url, headers);
    await random.opened;
    for (let i = 0; i < 50 && random.socket.readyState === random.socket.OPEN; i++) {
      random.socket.send(Uint8Array.from({ length: 64 }, (_, j) => (i * 131 + j * 71) % 256));
    }
    expect([4400, 1003]).toContain((await random.closed).code);

    // The clients that were connected all along still edit together.
    const row = readSheet(bystander.doc, 'beheer')[7]!;
    setCell(bystander.doc, 'beheer', row.id, 'amount', 777_000, me('bystander'));
    await eventually(() => amountOf(peer.doc, row.id) === 777_000);
    expect(readSheet(peer.doc, 'beheer')).toHaveLength(23);
  }, SLOW);

  it('streams totals that follow an edit', async () => {
    const editor = client(TEST_ADMIN_TOKEN);
    await editor.synced();
    const response = await server.api(`/api/boards/${BOARD}/totals/stream`);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const nextTotals = async (): Promise<BoardTotals> => {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = event.split('\n').find((line) => line.startsWith('data:'));
          if (data) return JSON.parse(data.slice(5)) as BoardTotals;
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffer += decoder.decode(value, { stream: true });
      }
    };
    const initial = await nextTotals();
    const row = readSheet(editor.doc, 'beheer').find((entry) => typeof entry.row.amount === 'number')!;
    const started = Date.now();
    setCell(editor.doc, 'beheer', row.id, 'amount', (row.row.amount as number) + 5_000, me('admin'));
    let next = await nextTotals();
    while (next.beheer.total === initial.beheer.total) next = await nextTotals();
    expect(next.beheer.total - initial.beheer.total).toBe(5_000);
    expect(Date.now() - started).toBeLessThan(1_000);
    await reader.cancel();
  }, SLOW);

  it('lets a board leave memory after its last client, saved and compacted', async () => {
    clients.splice(0).forEach((c) => c.destroy());
    await eventually(() => server.planbord.rooms.peek(BOARD) === null, 5_000);
    const log = await server.database.query(`select count(*)::int as n from board_updates where board_id = '${BOARD}'`);
    expect(log[0]?.n).toBe(0);
  }, SLOW);
});
