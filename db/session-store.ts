// Sessions (meetings) on a board: opened, their record written as it grows, closed.
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from './create-db.ts';
import { boardSessions, type JsonValue } from './schema.ts';

export type BoardSessionRow = typeof boardSessions.$inferSelect;

export interface SessionStore {
  open(session: { id: string; boardId: string; title: string; openedBy: string; record: JsonValue }): Promise<BoardSessionRow>;
  current(boardId: string): Promise<BoardSessionRow | null>;
  /** Sessions still open on any board (to resume recording after a restart). */
  allOpen(): Promise<BoardSessionRow[]>;
  list(boardId: string): Promise<BoardSessionRow[]>;
  get(boardId: string, id: string): Promise<BoardSessionRow | null>;
  saveRecord(id: string, record: JsonValue): Promise<void>;
  close(id: string, record: JsonValue): Promise<void>;
}

export function createSessionStore(db: Db): SessionStore {
  return {
    async open(session) {
      const [row] = await db.insert(boardSessions).values(session).returning();
      if (!row) throw new Error('insert of session returned no row');
      return row;
    },
    async current(boardId) {
      const [row] = await db
        .select()
        .from(boardSessions)
        .where(and(eq(boardSessions.boardId, boardId), isNull(boardSessions.closedAt)))
        .orderBy(desc(boardSessions.openedAt))
        .limit(1);
      return row ?? null;
    },
    allOpen: () => db.select().from(boardSessions).where(isNull(boardSessions.closedAt)),
    list: (boardId) => db.select().from(boardSessions).where(eq(boardSessions.boardId, boardId)).orderBy(desc(boardSessions.openedAt)),
    async get(boardId, id) {
      const [row] = await db.select().from(boardSessions).where(and(eq(boardSessions.boardId, boardId), eq(boardSessions.id, id)));
      return row ?? null;
    },
    async saveRecord(id, record) {
      await db.update(boardSessions).set({ record }).where(eq(boardSessions.id, id));
    },
    async close(id, record) {
      await db.update(boardSessions).set({ record, closedAt: new Date() }).where(eq(boardSessions.id, id));
    },
  };
}
