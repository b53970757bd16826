// Snapshots of a board: saved by editors, agreed (vastgesteld) by a chair to close a session,
// immutable once made; listed, opened, compared, exported, and restored as forward edits.
import { Hono, type Context } from 'hono';
import * as Y from 'yjs';
import type { BoardStore, Snapshot } from '../../db/board-store.ts';
import type { JsonValue } from '../../db/schema.ts';
import { restoreInto } from '../../shared/board/restore.ts';
import { compareBoards } from '../../shared/compare/compare-boards.ts';
import { boardToData } from '../../shared/export/board-data.ts';
import { computeTotals } from '../../shared/totals/board-totals.ts';
import type { BoardTotals } from '../../shared/totals/types.ts';
import type { Authenticator } from '../auth/authenticator.ts';
import { displayNameOf, userIdOf } from '../auth/display-name.ts';
import { requireBoardRole, type AuthEnv } from '../auth/middleware.ts';
import type { SessionRecord } from '../export/xlsx.ts';
import { httpError } from '../http-error.ts';
import { onlyFields, readJsonObject, readTitle } from '../json-body.ts';
import type { SessionManager } from '../sessions/session-manager.ts';
import type { BoardRoom } from '../sync/board-room.ts';
import type { RoomRegistry } from '../sync/room-registry.ts';
import { sendBoardFile } from './board-files.ts';

export interface SnapshotRoutesDeps {
  store: BoardStore;
  rooms: RoomRegistry;
  sessions: SessionManager;
  authenticator: Authenticator;
}

const summary = ({ id, boardId, name, agreed, createdBy, createdAt }: Pick<Snapshot, 'id' | 'boardId' | 'name' | 'agreed' | 'createdBy' | 'createdAt'>) => ({
  id,
  boardId,
  name,
  agreed,
  createdBy,
  createdAt,
});

function docOf(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

function sessionRecord(record: JsonValue | null): SessionRecord | null {
  if (!record || typeof record !== 'object' || Array.isArray(record)) return null;
  const log = record as unknown as { title?: string; attendees?: { name: string; role: string }[]; changes?: SessionRecord['changes'] };
  return { title: log.title ?? '', attendees: log.attendees ?? [], changes: log.changes ?? [] };
}

export function snapshotRoutes(deps: SnapshotRoutesDeps): Hono<AuthEnv> {
  const routes = new Hono<AuthEnv>();
  const viewer = requireBoardRole(deps.authenticator, 'viewer');
  const editor = requireBoardRole(deps.authenticator, 'editor');
  const chair = requireBoardRole(deps.authenticator, 'chair');

  async function withRoom<T>(c: Context<AuthEnv>, use: (room: BoardRoom) => Promise<T>): Promise<T> {
    const acquired = await deps.rooms.acquire(c.req.param('id') ?? '');
    if (!acquired.ok) throw httpError(503, acquired.error, 'The board cannot be opened right now.');
    try {
      return await use(acquired.value);
    } finally {
      deps.rooms.release(acquired.value);
    }
  }

  async function findSnapshot(c: Context<AuthEnv>): Promise<Snapshot> {
    const snapshot = await deps.store.getSnapshot(c.req.param('id') ?? '', c.req.param('sid') ?? '');
    if (!snapshot) throw httpError(404, 'snapshot-not-found', 'There is no such snapshot of this board.');
    return snapshot;
  }

  async function save(boardId: string, room: BoardRoom, name: string, agreed: boolean, createdBy: string, record: JsonValue | null) {
    const totals = room.totals.totals();
    const saved = await deps.store.saveSnapshot({
      boardId,
      name,
      agreed,
      state: Y.encodeStateAsUpdate(room.doc),
      totals: JSON.parse(JSON.stringify(totals)) as JsonValue,
      createdBy,
      record,
    });
    if (!saved.ok) throw httpError(409, saved.error, 'The snapshot could not be saved.');
    return saved.value;
  }

  routes.post('/:id/snapshots', editor, async (c) => {
    const body = await readJsonObject(c);
    onlyFields(body, ['name', 'agreed']);
    const name = readTitle(body.name, 'name', 120);
    if (body.agreed !== undefined && typeof body.agreed !== 'boolean') throw httpError(400, 'invalid-body', 'agreed must be true or false.');
    const agreed = body.agreed === true;
    if (agreed && c.get('role') !== 'chair') throw httpError(403, 'forbidden', 'Only a chair agrees a snapshot.');
    const boardId = c.req.param('id');
    const snapshot = await withRoom(c, async (room) => {
      // Agreeing closes the open session; its record becomes part of the snapshot.
      const record = agreed ? await deps.sessions.close(boardId) : null;
      return save(boardId, room, name, agreed, displayNameOf(c.get('identity')), record);
    });
    return c.json(summary(snapshot), 201);
  });

  routes.get('/:id/snapshots', viewer, async (c) => c.json((await deps.store.listSnapshots(c.req.param('id'))).map(summary)));

  routes.get('/:id/snapshots/:sid', viewer, async (c) => {
    const snapshot = await findSnapshot(c);
    return c.json({ ...summary(snapshot), totals: snapshot.totals, record: snapshot.record, board: boardToData(docOf(snapshot.state)) });
  });

  routes.get('/:id/snapshots/:sid/export', viewer, async (c) => {
    const snapshot = await findSnapshot(c);
    return sendBoardFile(c, docOf(snapshot.state), snapshot.totals as unknown as BoardTotals, snapshot.name, snapshot.agreed ? sessionRecord(snapshot.record) : null);
  });

  routes.get('/:id/export', viewer, async (c) =>
    withRoom(c, async (room) => {
      const doc = docOf(Y.encodeStateAsUpdate(room.doc));
      return sendBoardFile(c, doc, computeTotals(doc), `${c.req.param('id')}-live`, null);
    }),
  );

  // Compare two snapshots, or a snapshot with the live board: ?from=<sid>&to=<sid>|live
  routes.get('/:id/compare', viewer, async (c) => {
    const boardId = c.req.param('id');
    const load = async (ref: string | undefined): Promise<Y.Doc> => {
      if (!ref) throw httpError(400, 'invalid-query', 'from and to are snapshot ids, or "live".');
      if (ref === 'live') return withRoom(c, async (room) => docOf(Y.encodeStateAsUpdate(room.doc)));
      const snapshot = await deps.store.getSnapshot(boardId, ref);
      if (!snapshot) throw httpError(404, 'snapshot-not-found', `There is no snapshot ${ref} of this board.`);
      return docOf(snapshot.state);
    };
    return c.json(compareBoards(await load(c.req.query('from')), await load(c.req.query('to') ?? 'live')));
  });

  routes.post('/:id/snapshots/:sid/restore', chair, async (c) => {
    const snapshot = await findSnapshot(c);
    const boardId = c.req.param('id');
    const identity = c.get('identity');
    const result = await withRoom(c, async (room) => {
      // The state before the restore is kept as a snapshot, so the restore can itself be undone.
      const before = await save(boardId, room, `Voor herstel van "${snapshot.name}"`, false, displayNameOf(identity), null);
      restoreInto(room.doc, docOf(snapshot.state), { kind: 'restore', snapshotId: snapshot.id, userId: userIdOf(identity) });
      return { restored: snapshot.id, undoSnapshot: before.id };
    });
    return c.json(result);
  });

  return routes;
}
