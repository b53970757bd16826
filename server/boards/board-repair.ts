// Repairing a damaged board: what it can be restored from (its last agreed snapshot, its last
// compacted state that loads) and the restore itself.
//
// The restored state keeps the Yjs items (client ids and clocks) of its source instead of being
// rebuilt as a fresh document. Every client's copy descends from the same history, so when the
// members' clients reconnect, the server's sync step 1 shows what it lacks and each client's step 2
// brings back everything its copy holds beyond the restored state (its unsaved edits, and what it
// had seen of others) as forward edits. A fresh document with new ids would instead meet each
// client's copy as a rival: two maps under one row id, of which Yjs keeps one. Those step 2
// messages are checked like any edit (shared/board/update-check.ts): an editor whose copy holds a
// change only a chair may make (a budget, a stated total) that the restored state lacks is refused
// with 4400 and its edits are not merged, until a chair's client has brought those changes back.
import * as Y from 'yjs';
import type { BoardDamage, DamageReport } from '../../db/board-damage-store.ts';
import type { BoardState, BoardStore, SnapshotSummary } from '../../db/board-store.ts';
import { migrateBoard } from '../../shared/board/migrations.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import type { RoomRegistry } from '../sync/room-registry.ts';
import { readStoredBoard } from '../sync/stored-board.ts';
import { httpError } from '../http-error.ts';
import { onlyFields } from '../json-body.ts';

export type RepairSource = { from: 'snapshot'; snapshotId: string } | { from: 'compacted' };

/** Which compacted state loads: the newest (with its readable log rows), or the one before the last compaction. */
export type CompactedChoice = 'current' | 'previous';

export interface CompactedCandidate {
  which: CompactedChoice;
  savedAt: Date | null;
  state: Uint8Array;
}

export interface RestoreOptions {
  snapshot: Pick<SnapshotSummary, 'id' | 'name' | 'createdAt'> | null;
  compacted: { which: CompactedChoice; savedAt: Date | null } | null;
}

export type RepairError =
  | { code: 'board-not-damaged'; message: string }
  | { code: 'snapshot-not-found'; message: string }
  | { code: 'source-unreadable'; message: string }
  | { code: 'no-good-state'; message: string }
  | { code: 'repair-conflict'; message: string };

export interface Repaired {
  damageId: string;
  from: string;
  /** The board opened after the repair. */
  loaded: boolean;
}

/** A document of stored bytes that loads as the server loads it: readable, and migratable. */
async function loadable(stored: BoardState): Promise<Result<Y.Doc, DamageReport>> {
  const read = await readStoredBoard(stored);
  if (!read.ok) return read;
  const migrated = migrateBoard(read.value);
  if (migrated.ok) return read;
  read.value.destroy();
  return err({ kind: 'migration-refused', reason: migrated.error });
}

const stateOnly = (state: Uint8Array): BoardState => ({ state, compactedThrough: 0, updates: [] });

/** True when the bytes load; the document is only a check. */
async function loads(stored: BoardState): Promise<boolean> {
  const doc = await loadable(stored);
  if (doc.ok) doc.value.destroy();
  return doc.ok;
}

/**
 * The newest compacted state that loads: the current state with the log rows that can be read,
 * the current state alone, or the state the last compaction replaced.
 */
export async function compactedCandidate(store: BoardStore, boardId: string): Promise<CompactedCandidate | null> {
  const stored = await store.loadBoardState(boardId);
  if (!stored) return null;
  const readable = stored.updates.filter(({ update }) => {
    try {
      Y.decodeUpdate(update);
      return true;
    } catch {
      return false;
    }
  });
  // encodeStateAsUpdate of the loaded document keeps every item's id, as the stored bytes do.
  for (const updates of readable.length > 0 ? [readable, []] : [[]]) {
    const doc = await readStoredBoard({ ...stored, updates });
    if (!doc.ok) continue;
    const state = updates.length > 0 ? Y.encodeStateAsUpdate(doc.value) : stored.state;
    doc.value.destroy();
    if (await loads(stateOnly(state))) return { which: 'current', savedAt: null, state };
  }
  const previous = await store.previousState(boardId);
  if (previous && (await loads(stateOnly(previous.state)))) return { which: 'previous', savedAt: previous.savedAt, state: previous.state };
  return null;
}

async function lastAgreedSnapshot(store: BoardStore, boardId: string): Promise<SnapshotSummary | null> {
  return (await store.listSnapshots(boardId)).find((snapshot) => snapshot.agreed) ?? null;
}

export async function restoreOptions(store: BoardStore, boardId: string): Promise<RestoreOptions> {
  const [snapshot, compacted] = await Promise.all([lastAgreedSnapshot(store, boardId), compactedCandidate(store, boardId)]);
  return {
    snapshot: snapshot && { id: snapshot.id, name: snapshot.name, createdAt: snapshot.createdAt },
    compacted: compacted && { which: compacted.which, savedAt: compacted.savedAt },
  };
}

/** The damage of a board that does not load now; a board that loads again has its mark closed. */
async function confirmedDamage(store: BoardStore, rooms: RoomRegistry, boardId: string): Promise<{ damage: BoardDamage; stored: BoardState } | null> {
  if (rooms.peek(boardId)) return null;
  const damage = await store.openDamage(boardId);
  const stored = await store.loadBoardState(boardId);
  if (!damage || !stored) return null;
  const doc = await loadable(stored);
  if (!doc.ok) return { damage, stored };
  doc.value.destroy();
  await store.resolveDamage(boardId, 'loaded');
  return null;
}

async function sourceState(store: BoardStore, boardId: string, source: RepairSource): Promise<Result<{ state: Uint8Array; from: string }, RepairError>> {
  if (source.from === 'compacted') {
    const candidate = await compactedCandidate(store, boardId);
    if (!candidate) return err({ code: 'no-good-state', message: 'No compacted state of this board loads; restore a snapshot.' });
    return ok({ state: candidate.state, from: `compacted:${candidate.which}` });
  }
  const snapshot = await store.getSnapshot(boardId, source.snapshotId);
  if (!snapshot) return err({ code: 'snapshot-not-found', message: 'There is no such snapshot of this board.' });
  const check = await loadable(stateOnly(snapshot.state));
  if (!check.ok) return err({ code: 'source-unreadable', message: `Snapshot "${snapshot.name}" does not load either: ${check.error.reason}` });
  check.value.destroy();
  return ok({ state: snapshot.state, from: `snapshot:${snapshot.id}` });
}

export async function repairBoard(
  deps: { store: BoardStore; rooms: RoomRegistry },
  boardId: string,
  source: RepairSource,
  by: string,
): Promise<Result<Repaired, RepairError>> {
  const { store, rooms } = deps;
  const damaged = await confirmedDamage(store, rooms, boardId);
  if (!damaged) return err({ code: 'board-not-damaged', message: `Board "${boardId}" loads; there is nothing to repair.` });
  const chosen = await sourceState(store, boardId, source);
  if (!chosen.ok) return chosen;
  const written = await store.repairBoard(boardId, {
    damageId: damaged.damage.id,
    state: chosen.value.state,
    replacesCompactedThrough: damaged.stored.compactedThrough,
    from: chosen.value.from,
    by,
  });
  if (!written.ok) return err({ code: 'repair-conflict', message: 'The board changed while it was being repaired; look again and retry.' });
  const opened = await rooms.acquire(boardId);
  if (opened.ok) rooms.release(opened.value);
  return ok({ damageId: damaged.damage.id, from: chosen.value.from, loaded: opened.ok });
}

const SNAPSHOT_ID = /^[A-Za-z0-9_-]{1,100}$/;

/** `{ "from": "snapshot", "snapshotId" }` or `{ "from": "compacted" }`; 400 otherwise. */
export function readRepairSource(body: Record<string, unknown>): RepairSource {
  if (body.from === 'compacted') {
    onlyFields(body, ['from']);
    return { from: 'compacted' };
  }
  if (body.from === 'snapshot') {
    onlyFields(body, ['from', 'snapshotId']);
    if (typeof body.snapshotId !== 'string' || !SNAPSHOT_ID.test(body.snapshotId)) {
      throw httpError(400, 'invalid-body', 'snapshotId must be the id of a snapshot of this board.');
    }
    return { from: 'snapshot', snapshotId: body.snapshotId };
  }
  throw httpError(400, 'invalid-body', 'from must be "snapshot" (with snapshotId) or "compacted".');
}
