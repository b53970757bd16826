// Records an open session on a board: who attended (everyone who connected while it was open) and
// every change, with its time, author, sheet, row, field, and the value before and after.
import * as Y from 'yjs';
import type { SessionStore } from '../../db/session-store.ts';
import type { JsonValue } from '../../db/schema.ts';
import { sheetChanges, type CellChangeKind } from '../../shared/board/cell-changes.ts';
import { sheetMap } from '../../shared/board/board-doc.ts';
import { isBoardOrigin } from '../../shared/board/origins.ts';
import { SHEETS } from '../../shared/board/sheets.ts';
import type { Logger } from '../log.ts';
import type { BoardRoom, RoomConnection } from '../sync/board-room.ts';

export interface Attendee {
  userId: string;
  name: string;
  role: string;
  firstSeen: string;
}

export interface LoggedChange {
  at: string;
  userId: string;
  author: string;
  kind: CellChangeKind;
  sheet: string;
  rowId: string;
  field: string;
  before: unknown;
  after: unknown;
}

export interface SessionLog {
  title: string;
  attendees: Attendee[];
  changes: LoggedChange[];
}

const SAVE_EVERY_MS = 1_000;

export class SessionRecorder {
  readonly log: SessionLog;
  private readonly names = new Map<string, string>();
  private readonly unobserve: (() => void)[] = [];
  private dirty = false;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    readonly sessionId: string,
    readonly room: BoardRoom,
    initial: SessionLog,
    private readonly store: SessionStore,
    private readonly logger: Logger,
  ) {
    this.log = { title: initial.title, attendees: [...initial.attendees], changes: [...initial.changes] };
    for (const attendee of this.log.attendees) this.names.set(attendee.userId, attendee.name);
    room.connections().forEach(this.attend);
    room.joinListeners.add(this.attend);
    for (const sheet of SHEETS) {
      const handler = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => this.record(sheet, events, transaction);
      sheetMap(room.doc, sheet).observeDeep(handler);
      this.unobserve.push(() => sheetMap(room.doc, sheet).unobserveDeep(handler));
    }
    this.timer = setInterval(() => void this.save(), SAVE_EVERY_MS);
  }

  private readonly attend = (connection: RoomConnection) => {
    this.names.set(connection.userId, connection.user.name);
    if (this.log.attendees.some((a) => a.userId === connection.userId)) return;
    this.log.attendees.push({ userId: connection.userId, name: connection.user.name, role: connection.role, firstSeen: new Date().toISOString() });
    this.dirty = true;
  };

  private record(sheet: (typeof SHEETS)[number], events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction): void {
    const origin = transaction.origin;
    if (!isBoardOrigin(origin) || origin.kind === 'load' || origin.kind === 'seed') return;
    const userId = 'userId' in origin ? origin.userId : origin.kind;
    const author = this.names.get(userId) ?? (userId === 'admin' ? 'Beheerder' : userId);
    const at = new Date().toISOString();
    for (const change of sheetChanges(sheet, events)) {
      this.log.changes.push({ at, userId, author: origin.kind === 'restore' ? `${author} (herstel)` : author, ...change });
      this.dirty = true;
    }
  }

  asJson(): JsonValue {
    return JSON.parse(JSON.stringify(this.log)) as JsonValue;
  }

  private async save(): Promise<void> {
    if (!this.dirty) return;
    this.dirty = false;
    try {
      await this.store.saveRecord(this.sessionId, this.asJson());
    } catch (error) {
      this.dirty = true;
      this.logger.warn('session-save-failed', { sessionId: this.sessionId }, error);
    }
  }

  /** Stops recording and writes the final record. */
  async close(): Promise<JsonValue> {
    clearInterval(this.timer);
    this.room.joinListeners.delete(this.attend);
    this.unobserve.forEach((stop) => stop());
    const record = this.asJson();
    await this.store.close(this.sessionId, record);
    return record;
  }

  /** Stops recording without closing the session (server shutting down). */
  async detach(): Promise<void> {
    clearInterval(this.timer);
    this.room.joinListeners.delete(this.attend);
    this.unobserve.forEach((stop) => stop());
    await this.save();
  }
}
