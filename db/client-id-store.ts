// Who owns which Yjs client id on a board (see boardClientIds in schema.ts).
import { eq } from 'drizzle-orm';
import type { Db } from './create-db.ts';
import { boardClientIds } from './schema.ts';

export interface ClientIdStore {
  /** Every recorded owner of the board's client ids. */
  owners(boardId: string): Promise<Map<number, string>>;
  /** Records an owner unless the id has one; the first claim stands. */
  claim(boardId: string, clientId: number, owner: string): Promise<void>;
}

export function createClientIdStore(db: Db): ClientIdStore {
  return {
    async owners(boardId) {
      const rows = await db.select({ clientId: boardClientIds.clientId, owner: boardClientIds.owner }).from(boardClientIds).where(eq(boardClientIds.boardId, boardId));
      return new Map(rows.map((row) => [Number(row.clientId), row.owner]));
    },
    async claim(boardId, clientId, owner) {
      await db.insert(boardClientIds).values({ boardId, clientId, owner }).onConflictDoNothing();
    },
  };
}
