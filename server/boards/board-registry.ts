// The boards open in this process: each loaded once from the database into a Y.Doc, migrated to
// the current schema, with its totals kept live. Concurrent requests for one board share one load.
import * as Y from 'yjs';
import type { BoardStore } from '../../db/board-store.ts';
import { migrateBoard } from '../../shared/board/migrations.ts';
import { LOAD_ORIGIN } from '../../shared/board/origins.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import { observeTotals, type LiveTotals } from '../../shared/totals/board-totals.ts';

export interface OpenBoard {
  id: string;
  doc: Y.Doc;
  totals: LiveTotals;
}

export type OpenBoardError = 'board-not-found' | 'board-unreadable';

export interface BoardRegistry {
  open(id: string): Promise<Result<OpenBoard, OpenBoardError>>;
  closeAll(): Promise<void>;
}

export function createBoardRegistry(store: BoardStore): BoardRegistry {
  const boards = new Map<string, Promise<Result<OpenBoard, OpenBoardError>>>();

  async function load(id: string): Promise<Result<OpenBoard, OpenBoardError>> {
    const stored = await store.loadBoardState(id);
    if (!stored) return err('board-not-found');
    const doc = new Y.Doc();
    doc.transact(() => {
      Y.applyUpdate(doc, stored.state, LOAD_ORIGIN);
      for (const { update } of stored.updates) Y.applyUpdate(doc, update, LOAD_ORIGIN);
    }, LOAD_ORIGIN);
    // Migrations run before anyone sees the board; what they change is logged like any edit.
    const migrationUpdates: Uint8Array[] = [];
    const collect = (update: Uint8Array) => migrationUpdates.push(update);
    doc.on('update', collect);
    const migrated = migrateBoard(doc);
    doc.off('update', collect);
    if (!migrated.ok) {
      doc.destroy();
      return err('board-unreadable');
    }
    if (migrationUpdates.length > 0) {
      await store.appendUpdates(id, [{ update: Y.mergeUpdates(migrationUpdates), origin: 'migration' }]);
    }
    return ok({ id, doc, totals: observeTotals(doc) });
  }

  return {
    open(id) {
      let board = boards.get(id);
      if (!board) {
        board = load(id);
        boards.set(id, board);
        // A failed or missing load is not cached: the next request tries the database again.
        board.then(
          (result) => result.ok || boards.delete(id),
          () => boards.delete(id),
        );
      }
      return board;
    },
    async closeAll() {
      const open = await Promise.allSettled(boards.values());
      boards.clear();
      for (const result of open) {
        if (result.status === 'fulfilled' && result.value.ok) {
          result.value.value.totals.destroy();
          result.value.value.doc.destroy();
        }
      }
    },
  };
}
