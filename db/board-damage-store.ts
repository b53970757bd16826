// Damaged boards in the database: the mark a failed load leaves (why it failed), the states a board
// can be repaired from, and the repair itself, which writes a new state and keeps the damaged bytes.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull, lt, sql } from 'drizzle-orm';
import { err, ok, type Result } from '../shared/result.ts';
import type { Db } from './create-db.ts';
import { hasPgErrorCode, UNIQUE_VIOLATION } from './db-errors.ts';
import { boardDamagedUpdates, boardDamages, boardStates, boardUpdates } from './schema.ts';

export const DAMAGE_KINDS = ['state-unreadable', 'update-unreadable', 'migration-refused'] as const;
export type DamageKind = (typeof DAMAGE_KINDS)[number];

export interface DamageReport {
  kind: DamageKind;
  reason: string;
}

export interface BoardDamage extends DamageReport {
  id: string;
  boardId: string;
  detectedAt: Date;
}

/** The state a compaction replaced: an older document that may still load. */
export interface PreviousState {
  state: Uint8Array;
  savedAt: Date;
}

export interface RepairWrite {
  damageId: string;
  /** The document the board gets, Y.encodeStateAsUpdate. */
  state: Uint8Array;
  /** The compacted_through of the damaged state the repair replaces: a repair of another state is stale. */
  replacesCompactedThrough: number;
  /** Where the state comes from: 'snapshot:<id>', 'compacted:current', 'compacted:previous'. */
  from: string;
  /** Who repaired (a user id): the log row of the new state carries it. */
  by: string;
}

export type MarkDamagedError = 'board-not-found' | 'stale';
export type RepairError = 'board-not-found' | 'not-damaged' | 'stale';

export interface BoardDamageStore {
  /**
   * Marks a board damaged, unless a mark is open already (that one is returned). `seenCompactedThrough`
   * is the state the load failed on: when the board's state has moved on since (a repair), nothing is marked.
   */
  markDamaged(boardId: string, report: DamageReport, seenCompactedThrough: number): Promise<Result<BoardDamage, MarkDamagedError>>;
  openDamage(boardId: string): Promise<BoardDamage | null>;
  openDamages(): Promise<BoardDamage[]>;
  /** The board loads again (a newer server, a fixed bug): its open mark is closed. */
  resolveDamage(boardId: string, reason: string): Promise<void>;
  previousState(boardId: string): Promise<PreviousState | null>;
  repairBoard(boardId: string, repair: RepairWrite): Promise<Result<{ seq: number }, RepairError>>;
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * The compacted_through of a board's state row, locked for the rest of the transaction: 'update'
 * for a writer of the state (a compaction, a repair), 'share' for one that depends on it staying.
 */
export async function lockedCompactedThrough(tx: Tx, boardId: string, mode: 'update' | 'share'): Promise<number | null> {
  const [row] = await tx.select({ compactedThrough: boardStates.compactedThrough }).from(boardStates).where(eq(boardStates.boardId, boardId)).for(mode);
  return row ? row.compactedThrough : null;
}

const damageColumns = {
  id: boardDamages.id,
  boardId: boardDamages.boardId,
  kind: boardDamages.kind,
  reason: boardDamages.reason,
  detectedAt: boardDamages.detectedAt,
};

type DamageRow = { id: string; boardId: string; kind: string; reason: string; detectedAt: Date };

const asDamage = (row: DamageRow): BoardDamage => ({
  ...row,
  kind: (DAMAGE_KINDS as readonly string[]).includes(row.kind) ? (row.kind as DamageKind) : 'state-unreadable',
});

export function createBoardDamageStore(db: Db): BoardDamageStore {
  const openOf = (boardId: string) => and(eq(boardDamages.boardId, boardId), isNull(boardDamages.repairedAt));

  async function openDamage(boardId: string): Promise<BoardDamage | null> {
    const [row] = await db.select(damageColumns).from(boardDamages).where(openOf(boardId));
    return row ? asDamage(row) : null;
  }

  return {
    openDamage,

    async markDamaged(boardId, { kind, reason }, seenCompactedThrough) {
      const open = await openDamage(boardId);
      if (open) return ok(open);
      try {
        const marked = await db.transaction(async (tx) => {
          const compactedThrough = await lockedCompactedThrough(tx, boardId, 'share');
          if (compactedThrough === null) return err('board-not-found' as const);
          if (compactedThrough !== seenCompactedThrough) return err('stale' as const);
          const [row] = await tx.insert(boardDamages).values({ id: randomUUID(), boardId, kind, reason }).returning(damageColumns);
          if (!row) throw new Error(`insert of a damage mark for ${boardId} returned no row`);
          return ok(asDamage(row));
        });
        return marked;
      } catch (error) {
        // Another process marked it at the same moment: one open mark per board.
        if (!hasPgErrorCode(error, UNIQUE_VIOLATION)) throw error;
        const open = await openDamage(boardId);
        if (!open) throw error;
        return ok(open);
      }
    },

    async openDamages() {
      const rows = await db.select(damageColumns).from(boardDamages).where(isNull(boardDamages.repairedAt)).orderBy(asc(boardDamages.detectedAt));
      return rows.map(asDamage);
    },

    async resolveDamage(boardId, reason) {
      await db.update(boardDamages).set({ repairedAt: new Date(), repairedFrom: reason }).where(openOf(boardId));
    },

    async previousState(boardId) {
      const [row] = await db
        .select({ state: boardStates.previousState, savedAt: boardStates.previousUpdatedAt })
        .from(boardStates)
        .where(eq(boardStates.boardId, boardId));
      return row?.state && row.savedAt ? { state: row.state, savedAt: row.savedAt } : null;
    },

    // One transaction: the damaged state and its log rows are kept, the new state is logged (so the
    // log says who repaired, as it says who seeded) and becomes the board's compacted state.
    async repairBoard(boardId, { damageId, state, replacesCompactedThrough, from, by }) {
      return db.transaction(async (tx) => {
        const compactedThrough = await lockedCompactedThrough(tx, boardId, 'update');
        if (compactedThrough === null) return err('board-not-found');
        if (compactedThrough !== replacesCompactedThrough) return err('stale');
        const [open] = await tx.select({ id: boardDamages.id }).from(boardDamages).where(openOf(boardId)).for('update');
        if (open?.id !== damageId) return err('not-damaged');
        // Copied inside the database: a large state never travels to the server and back.
        await tx
          .update(boardDamages)
          .set({
            damagedState: sql`(select ${boardStates.state} from ${boardStates} where ${boardStates.boardId} = ${boardId})`,
            damagedCompactedThrough: compactedThrough,
          })
          .where(eq(boardDamages.id, damageId));
        await tx.execute(sql`
          insert into ${boardDamagedUpdates} (damage_id, seq, update, origin, created_at)
          select ${damageId}, seq, update, origin, created_at from ${boardUpdates}
          where board_id = ${boardId} and seq > ${compactedThrough}`);
        const [logged] = await tx.insert(boardUpdates).values({ boardId, update: state, origin: `repair:${by}` }).returning({ seq: boardUpdates.seq });
        if (!logged) throw new Error(`logging the repair of ${boardId} returned no row`);
        await tx.update(boardStates).set({ state, compactedThrough: logged.seq }).where(eq(boardStates.boardId, boardId));
        await tx.delete(boardUpdates).where(and(eq(boardUpdates.boardId, boardId), lt(boardUpdates.seq, logged.seq)));
        await tx.update(boardDamages).set({ repairedAt: new Date(), repairedFrom: from, repairedBy: by }).where(eq(boardDamages.id, damageId));
        return ok({ seq: logged.seq });
      });
    },
  };
}
