// "Saved" counts a connection's messages in the order the socket delivers them, which a WebSocket
// (TCP) keeps. The case that relies on it: after a reconnect, edits of a row made offline leave as
// updates before the sync step 2 that carries the row. The server cannot place them and drops them;
// the step 2 that follows was made after them, so it carries the edits too, and only its commit
// confirms them. (Delivered the other way round, the step 2 would be older than the updates and
// "saved" would cover edits the server never got: see shared/sync/delayed-web-socket.ts.) However
// many such edits an honest client makes before its step 2 leaves, it is not taken for a client
// that keeps sending what the server cannot place.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { createBoardStore } from '../../db/board-store.ts';
import { testDrivers } from '../../db/test-databases.ts';
import { insertRow, readSheet, setCell } from '../../shared/board/board-doc.ts';
import type { BoardOrigin } from '../../shared/board/origins.ts';
import { EMPTY_ROWS } from '../../shared/board/sheets.ts';
import { boardToData } from '../../shared/export/board-data.ts';
import { buildPlan2025Board } from '../../shared/plan-2025/plan-board.ts';
import { waitUntil } from '../../shared/eventually.ts';
import { MESSAGE_SYNC } from '../../shared/sync/protocol.ts';
import { connectClient } from '../../shared/sync/test-client.ts';
import { startTestPlanbord, TEST_ADMIN_TOKEN, type TestPlanbord } from '../test-planbord.ts';

const pglite = testDrivers().find((driver) => driver.name === 'pglite')!;
const origin: BoardOrigin = { kind: 'user', userId: 'admin' };

/** The sync messages a client sent, in order: 'step1', 'step2' or 'update'. */
function recordingWebSocket(sent: string[]): typeof globalThis.WebSocket {
  class RecordingWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    }
    override send(data: Parameters<WebSocket['send']>[0]): void {
      const bytes = data as Uint8Array;
      if (bytes[0] === MESSAGE_SYNC) sent.push(['step1', 'step2', 'update'][bytes[1]!] ?? 'other');
      super.send(data);
    }
  }
  return RecordingWebSocket as unknown as typeof globalThis.WebSocket;
}

describe('saved after a reconnect', () => {
  let server: TestPlanbord;
  beforeAll(async () => {
    server = await startTestPlanbord(pglite);
  }, 90_000);
  afterAll(async () => server?.stop(), 90_000);

  async function stored(boardId: string): Promise<Y.Doc> {
    const state = (await createBoardStore(server.database.handle.db).loadBoardState(boardId))!;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state.state);
    for (const { update } of state.updates) Y.applyUpdate(doc, update);
    return doc;
  }

  it('edits of a row made offline, sent before the step 2 that carries the row, are saved only once stored', async () => {
    const boardId = 'saved-order';
    const created = await server.api(`/api/boards/import?format=json&id=${boardId}`, { method: 'POST', json: boardToData(buildPlan2025Board()) });
    expect(created.status).toBe(201);
    const sent: string[] = [];
    const client = connectClient(server.syncUrl, boardId, TEST_ADMIN_TOKEN, undefined, recordingWebSocket(sent));
    try {
      await client.synced();
      client.provider.disconnect();
      sent.length = 0;
      const row = insertRow(client.doc, 'roadmap', { ...EMPTY_ROWS.roadmap }, origin);
      if (!row.ok) throw new Error('insert refused');
      // The moment the socket opens, before any message from the server: these updates leave first,
      // and build on the row the server does not have yet. More of them than the server allows
      // in a row from a client that keeps failing to resync.
      const onStatus = ({ status }: { status: string }) => {
        if (status !== 'connected') return;
        client.provider.off('status', onStatus);
        for (const horizon of ['0-2', '3-4', '5-6', '3-4', '5-6'] as const) setCell(client.doc, 'roadmap', row.value, 'horizon', horizon, origin);
      };
      const closes: number[] = [];
      client.provider.on('connection-close', (event) => closes.push(event?.code ?? 0));
      client.provider.on('status', onStatus);
      client.provider.connect();
      await waitUntil(() => client.saved.state === 'saved', 10_000, 'saved');
      expect(closes).toEqual([]);
      expect(sent.slice(0, 6)).toEqual(['update', 'update', 'update', 'update', 'update', 'step1']);
      expect(sent[6]).toBe('step2');
      // Read at once: "saved" means committed, not about to be.
      const entry = readSheet(await stored(boardId), 'roadmap').find((candidate) => candidate.id === row.value);
      expect(entry?.row.horizon).toBe('5-6');
    } finally {
      client.destroy();
    }
  }, 30_000);
});
