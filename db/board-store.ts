// The server's access to boards, their Yjs state and update log, and snapshots.
// Expected failures (a taken board id, a stale compaction) come back as Result values.
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import { err, ok, type Result } from '../shared/result.ts';
import { createBoardDamageStore, lockedCompactedThrough, type BoardDamageStore } from './board-damage-store.ts';
import type { Db } from './create-db.ts';
import { FOREIGN_KEY_VIOLATION, hasPgErrorCode, UNIQUE_VIOLATION } from './db-errors.ts';
import { boardDamages, boards, boardStates, boardUpdates, snapshots, type JsonValue } from './schema.ts';

export type Board = typeof boards.$inferSelect;
export type NewBoard = Pick<Board, 'id' | 'title' | 'year'>;

export interface LoggedUpdate {
  seq: number;
  update: Uint8Array;
}

export interface BoardState {
  /** The compacted document, Y.encodeStateAsUpdate. */
  state: Uint8Array;
  /** The highest log seq folded into state. */
  compactedThrough: number;
  /** Log entries not yet folded into state, in seq order; apply them after state. */
  updates: LoggedUpdate[];
  /** The board is marked damaged (an earlier load failed); a load that succeeds closes the mark. */
  damaged?: boolean;
}

export interface UpdateToAppend {
  update: Uint8Array;
  origin: string;
}

export type Snapshot = typeof snapshots.$inferSelect;
/** A snapshot without its document state and session record, for lists. */
export type SnapshotSummary = Omit<Snapshot, 'state' | 'record'>;

export interface NewSnapshot {
  boardId: string;
  name: string;
  state: Uint8Array;
  totals: JsonValue;
  agreed?: boolean;
  createdBy?: string | null;
  record?: JsonValue | null;
  /** Generated when absent. */
  id?: string;
}

export type CreateBoardError = 'board-exists';
export type CompactError = 'board-not-found' | 'stale';
export type SaveSnapshotError = 'board-not-found' | 'snapshot-exists';

export interface BoardStore extends BoardDamageStore {
  listBoards(): Promise<Board[]>;
  getBoard(id: string): Promise<Board | null>;
  createBoard(board: NewBoard, initialState: Uint8Array, origin: string): Promise<Result<Board, CreateBoardError>>;
  loadBoardState(boardId: string): Promise<BoardState | null>;
  appendUpdates(boardId: string, updates: readonly UpdateToAppend[]): Promise<number[]>;
  compact(boardId: string, state: Uint8Array, throughSeq: number): Promise<Result<{ removed: number }, CompactError>>;
  saveSnapshot(snapshot: NewSnapshot): Promise<Result<Snapshot, SaveSnapshotError>>;
  listSnapshots(boardId: string): Promise<SnapshotSummary[]>;
  getSnapshot(boardId: string, id: string): Promise<Snapshot | null>;
}

export function createBoardStore(db: Db): BoardStore {
  return {
    ...createBoardDamageStore(db),

    async listBoards() {
      return db.select().from(boards).orderBy(desc(boards.year), asc(boards.title), asc(boards.id));
    },

    async getBoard(id) {
      const [board] = await db.select().from(boards).where(eq(boards.id, id));
      return board ?? null;
    },

    // The initial state is also logged, so the log says who seeded the board; the state row
    // starts as already compacted through that entry.
    async createBoard(board, initialState, origin) {
      try {
        const created = await db.transaction(async (tx) => {
          const [row] = await tx.insert(boards).values(board).returning();
          const [seed] = await tx
            .insert(boardUpdates)
            .values({ boardId: board.id, update: initialState, origin })
            .returning({ seq: boardUpdates.seq });
          await tx.insert(boardStates).values({ boardId: board.id, state: initialState, compactedThrough: seed?.seq ?? 0 });
          return row;
        });
        if (!created) throw new Error(`insert of board ${board.id} returned no row`);
        return ok(created);
      } catch (error) {
        if (hasPgErrorCode(error, UNIQUE_VIOLATION)) return err('board-exists');
        throw error;
      }
    },

    async loadBoardState(boardId) {
      // One transaction so the state and the log are read as of the same moment, even if a
      // compaction commits in between.
      return db.transaction(
        async (tx) => {
          const [row] = await tx
            .select({ state: boardStates.state, compactedThrough: boardStates.compactedThrough })
            .from(boardStates)
            .where(eq(boardStates.boardId, boardId));
          if (!row) return null;
          const updates = await tx
            .select({ seq: boardUpdates.seq, update: boardUpdates.update })
            .from(boardUpdates)
            .where(and(eq(boardUpdates.boardId, boardId), gt(boardUpdates.seq, row.compactedThrough)))
            .orderBy(asc(boardUpdates.seq));
          const [damage] = await tx
            .select({ id: boardDamages.id })
            .from(boardDamages)
            .where(and(eq(boardDamages.boardId, boardId), isNull(boardDamages.repairedAt)));
          return { state: row.state, compactedThrough: row.compactedThrough, updates, damaged: Boolean(damage) };
        },
        { isolationLevel: 'repeatable read', accessMode: 'read only' },
      );
    },

    async appendUpdates(boardId, updates) {
      if (updates.length === 0) return [];
      const rows = await db
        .insert(boardUpdates)
        .values(updates.map(({ update, origin }) => ({ boardId, update, origin })))
        .returning({ seq: boardUpdates.seq });
      // Identity values are drawn in VALUES order, so ascending seqs line up with the input.
      return rows.map((row) => row.seq).sort((a, b) => a - b);
    },

    // The caller promises that state contains every update logged for this board with seq <= throughSeq.
    // The state it replaces is kept (copied inside the database) as what a damaged board can be repaired from.
    async compact(boardId, state, throughSeq) {
      return db.transaction(async (tx) => {
        const compactedThrough = await lockedCompactedThrough(tx, boardId, 'update');
        if (compactedThrough === null) return err('board-not-found');
        if (throughSeq < compactedThrough) return err('stale');
        await tx
          .update(boardStates)
          .set({ previousState: sql`${boardStates.state}`, previousUpdatedAt: sql`${boardStates.updatedAt}`, state, compactedThrough: throughSeq })
          .where(eq(boardStates.boardId, boardId));
        const removed = await tx
          .delete(boardUpdates)
          .where(and(eq(boardUpdates.boardId, boardId), lte(boardUpdates.seq, throughSeq)))
          .returning({ seq: boardUpdates.seq });
        return ok({ removed: removed.length });
      });
    },

    async saveSnapshot({ id = randomUUID(), boardId, name, state, totals, agreed = false, createdBy = null, record = null }) {
      try {
        const [row] = await db
          .insert(snapshots)
          .values({ id, boardId, name, state, totals, agreed, createdBy, record })
          .returning();
        if (!row) throw new Error(`insert of snapshot ${id} returned no row`);
        return ok(row);
      } catch (error) {
        if (hasPgErrorCode(error, FOREIGN_KEY_VIOLATION)) return err('board-not-found');
        if (hasPgErrorCode(error, UNIQUE_VIOLATION)) return err('snapshot-exists');
        throw error;
      }
    },

    async listSnapshots(boardId) {
      return db
        .select({
          id: snapshots.id,
          boardId: snapshots.boardId,
          name: snapshots.name,
          agreed: snapshots.agreed,
          totals: snapshots.totals,
          createdBy: snapshots.createdBy,
          createdAt: snapshots.createdAt,
        })
        .from(snapshots)
        .where(eq(snapshots.boardId, boardId))
        .orderBy(desc(snapshots.createdAt), asc(snapshots.id));
    },

    async getSnapshot(boardId, id) {
      const [row] = await db
        .select()
        .from(snapshots)
        .where(and(eq(snapshots.boardId, boardId), eq(snapshots.id, id)));
      return row ?? null;
    },
  };
}
