// The boards open in this process. A board is loaded from the database on first use (a failed
// load is not cached, and never leaves an empty document that could overwrite the stored one),
// shared by every connection and request that uses it, and released a little while after the
// last one lets go, once everything it accepted is saved. A board whose stored document does not
// load (unreadable bytes, a schema version this server does not know) is marked damaged in the
// database with the reason, for the admin to repair; a database that does not answer marks nothing.
import * as Y from 'yjs';
import type { DamageReport } from '../../db/board-damage-store.ts';
import type { BoardStore } from '../../db/board-store.ts';
import type { ClientIdStore } from '../../db/client-id-store.ts';
import type { Logger } from '../log.ts';
import { migrateBoard } from '../../shared/board/migrations.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import { BoardPersister } from './board-persister.ts';
import { BoardRoom } from './board-room.ts';
import { ClientOwners } from './client-owners.ts';
import type { RoomBus } from './room-bus.ts';
import { readStoredBoard } from './stored-board.ts';

export type AcquireError = 'board-not-found' | 'board-unreadable' | 'at-capacity' | 'shutting-down';

export interface RoomRegistryOptions {
  store: BoardStore;
  clientIds: ClientIdStore;
  bus: RoomBus;
  maxBoards: number;
  /** How long a board with nobody on it stays in memory. */
  idleMs: number;
  log: Logger;
}

interface Entry {
  room: Promise<Result<BoardRoom, AcquireError>>;
  users: number;
  idleTimer: ReturnType<typeof setTimeout> | null;
  /** The board's close, once begun (idle, or shutting down): it happens once. Resolves to saved. */
  closing: Promise<boolean> | null;
}

export interface RoomRegistry {
  /** Opens (or shares) a board; pair every successful acquire with one release. */
  acquire(boardId: string): Promise<Result<BoardRoom, AcquireError>>;
  release(room: BoardRoom): void;
  /** The open board, if it is in memory (no load). */
  peek(boardId: string): BoardRoom | null;
  openBoards(): BoardRoom[];
  /** True when every open board is saving normally. */
  healthy(): boolean;
  /** When the oldest database write still in flight began (Date.now()), or null: a hung write shows here. */
  oldestWriteStartedAt(): number | null;
  /** Saves and closes every board (SIGTERM). Resolves to false if something could not be saved. */
  closeAll(timeoutMs?: number): Promise<boolean>;
}

export function createRoomRegistry(options: RoomRegistryOptions): RoomRegistry {
  const entries = new Map<string, Entry>();
  const loaded = new Map<string, BoardRoom>();
  const unhealthy = new Set<string>();
  let shuttingDown = false;

  async function markDamaged(boardId: string, report: DamageReport, compactedThrough: number): Promise<void> {
    options.log.warn('board-damaged', { boardId, kind: report.kind, reason: report.reason });
    try {
      await options.store.markDamaged(boardId, report, compactedThrough);
    } catch (error) {
      options.log.warn('board-damage-unrecorded', { boardId }, error);
    }
  }

  async function load(boardId: string): Promise<Result<BoardRoom, AcquireError>> {
    let stored;
    try {
      stored = await options.store.loadBoardState(boardId);
    } catch (error) {
      options.log.warn('board-load-failed', { boardId }, error);
      return err('board-unreadable');
    }
    if (!stored) return err('board-not-found');
    const read = await readStoredBoard(stored);
    if (!read.ok) {
      await markDamaged(boardId, read.error, stored.compactedThrough);
      return err('board-unreadable');
    }
    const doc: Y.Doc = read.value;
    const lastSeq = stored.updates.at(-1)?.seq ?? stored.compactedThrough;
    let room: BoardRoom | null = null;
    const persister = new BoardPersister({
      boardId,
      doc,
      store: options.store,
      loggedRows: stored.updates.length,
      lastSeq,
      onSaved: (committedThrough) => room?.announceSaved(committedThrough),
      onHealth: (healthy) => (healthy ? unhealthy.delete(boardId) : unhealthy.add(boardId)),
      log: options.log,
    });
    const channel = options.bus.join(boardId, (kind, payload) => room?.receiveFromBus(kind, payload));
    // With no log after it, the stored state is already the encoding a new client needs.
    const owners = new ClientOwners({
      owners: await options.clientIds.owners(boardId),
      record: (clientId, owner) => options.clientIds.claim(boardId, clientId, owner),
      hasContent: (clientId) => Y.getState(doc.store, clientId) > 0,
      log: options.log,
    });
    room = new BoardRoom(boardId, doc, persister, channel, owners, stored.updates.length === 0 ? stored.state : null);
    // Migrations run before anyone sees the board; the room persists what they change.
    const migrated = migrateBoard(doc);
    if (!migrated.ok) {
      room.destroy();
      await markDamaged(boardId, { kind: 'migration-refused', reason: migrated.error }, stored.compactedThrough);
      return err('board-unreadable');
    }
    if (stored.damaged) {
      options.log.info('board-damage-resolved', { boardId });
      void options.store.resolveDamage(boardId, 'loaded').catch((error: unknown) => options.log.warn('board-damage-unresolved', { boardId }, error));
    }
    loaded.set(boardId, room);
    options.log.info('board-opened', { boardId, loggedUpdates: stored.updates.length, migrations: migrated.value.applied.length });
    return ok(room);
  }

  async function close(boardId: string, entry: Entry, timeoutMs?: number): Promise<boolean> {
    const opened = await entry.room;
    if (!opened.ok) return true;
    const room = opened.value;
    const saved = await room.persister.close(timeoutMs);
    if (!saved) options.log.warn('board-closed-unsaved', { boardId });
    else options.log.info('board-closed', { boardId });
    room.destroy();
    loaded.delete(boardId);
    unhealthy.delete(boardId);
    return saved;
  }

  function scheduleClose(boardId: string, entry: Entry): void {
    entry.idleTimer = setTimeout(() => {
      entry.idleTimer = null;
      if (entry.users > 0 || entry.closing) return;
      // A board that cannot save stays in memory until it can: leaving would lose edits.
      const room = loaded.get(boardId);
      if (room && !room.persister.healthy) return scheduleClose(boardId, entry);
      entry.closing = close(boardId, entry).finally(() => {
        if (entries.get(boardId) === entry) entries.delete(boardId);
      });
    }, options.idleMs);
  }

  return {
    async acquire(boardId) {
      if (shuttingDown) return err('shutting-down');
      let entry = entries.get(boardId);
      if (entry?.closing) {
        await entry.closing;
        entry = entries.get(boardId);
      }
      if (!entry) {
        if (entries.size >= options.maxBoards) return err('at-capacity');
        const created: Entry = { room: load(boardId), users: 0, idleTimer: null, closing: null };
        entries.set(boardId, created);
        entry = created;
        void created.room.then((result) => {
          if (!result.ok && entries.get(boardId) === created) entries.delete(boardId);
        });
      }
      entry.users++;
      if (entry.idleTimer) {
        clearTimeout(entry.idleTimer);
        entry.idleTimer = null;
      }
      const result = await entry.room;
      if (!result.ok) entry.users--;
      return result;
    },

    release(room) {
      const entry = entries.get(room.boardId);
      if (!entry) return;
      entry.users = Math.max(0, entry.users - 1);
      if (entry.users === 0 && !entry.idleTimer && !entry.closing && !shuttingDown) scheduleClose(room.boardId, entry);
    },

    peek: (boardId) => loaded.get(boardId) ?? null,
    openBoards: () => [...loaded.values()],
    healthy: () => unhealthy.size === 0,
    oldestWriteStartedAt() {
      const started = [...loaded.values()].map((room) => room.persister.writeStartedAt).filter((at) => at !== null);
      return started.length === 0 ? null : Math.min(...started);
    },

    async closeAll(timeoutMs = 10_000) {
      shuttingDown = true;
      // A board already closing (idle) is waited for, not closed a second time; the connections
      // that drop meanwhile schedule nothing more.
      const results = await Promise.all(
        [...entries].map(([boardId, entry]) => {
          if (entry.idleTimer) clearTimeout(entry.idleTimer);
          entry.idleTimer = null;
          entry.closing ??= close(boardId, entry, timeoutMs);
          return entry.closing;
        }),
      );
      entries.clear();
      return results.every(Boolean);
    },
  };
}
