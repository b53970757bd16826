// Open sessions of this process. An open session keeps its board in memory, so that every change is
// recorded; after a restart, recording resumes from the stored record.
import { randomUUID } from 'node:crypto';
import type { JsonValue } from '../../db/schema.ts';
import type { SessionStore } from '../../db/session-store.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import type { Logger } from '../log.ts';
import type { RoomRegistry } from '../sync/room-registry.ts';
import { SessionRecorder, type SessionLog } from './session-recorder.ts';

export interface SessionManager {
  open(boardId: string, title: string, openedBy: string): Promise<Result<SessionRecorder, 'session-open' | 'board-unavailable'>>;
  current(boardId: string): SessionRecorder | null;
  /** Closes the board's open session; returns its final record, or null if none was open. */
  close(boardId: string): Promise<JsonValue | null>;
  resumeAll(): Promise<void>;
  detachAll(): Promise<void>;
}

export function createSessionManager(options: { store: SessionStore; rooms: RoomRegistry; log: Logger }): SessionManager {
  const recorders = new Map<string, SessionRecorder>();

  async function attach(boardId: string, sessionId: string, initial: SessionLog): Promise<Result<SessionRecorder, 'board-unavailable'>> {
    const room = await options.rooms.acquire(boardId);
    if (!room.ok) return err('board-unavailable');
    const recorder = new SessionRecorder(sessionId, room.value, initial, options.store, options.log);
    recorders.set(boardId, recorder);
    return ok(recorder);
  }

  return {
    async open(boardId, title, openedBy) {
      if (recorders.has(boardId) || (await options.store.current(boardId))) return err('session-open');
      const initial: SessionLog = { title, attendees: [], changes: [] };
      const empty: JsonValue = { title, attendees: [], changes: [] };
      const session = await options.store.open({ id: randomUUID(), boardId, title, openedBy, record: empty });
      const attached = await attach(boardId, session.id, initial);
      if (!attached.ok) await options.store.close(session.id, empty);
      return attached;
    },
    current: (boardId) => recorders.get(boardId) ?? null,
    async close(boardId) {
      const recorder = recorders.get(boardId);
      if (!recorder) return null;
      recorders.delete(boardId);
      const record = await recorder.close();
      options.rooms.release(recorder.room);
      return record;
    },
    async resumeAll() {
      for (const session of await options.store.allOpen()) {
        const record = session.record as unknown as SessionLog;
        await attach(session.boardId, session.id, { title: session.title, attendees: record.attendees ?? [], changes: record.changes ?? [] });
      }
    },
    async detachAll() {
      await Promise.all([...recorders.values()].map((recorder) => recorder.detach()));
      for (const recorder of recorders.values()) options.rooms.release(recorder.room);
      recorders.clear();
    },
  };
}
