// One board in the browser: its Y.Doc kept in IndexedDB (edits survive offline and reloads), synced
// with the server over y-websocket, with undo of this user's own edits and the save state.
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { canEdit, type Role } from '../../../shared/access/roles.ts';
import { sheetMap } from '../../../shared/board/board-doc.ts';
import type { BoardOrigin } from '../../../shared/board/origins.ts';
import { SHEETS, type SheetName } from '../../../shared/board/sheets.ts';
import { takeFreshIdWhenTaken } from '../../../shared/sync/fresh-client-id.ts';
import { reconnectAfterLoadCloses } from '../../../shared/sync/load-reconnect.ts';
import { sendOwnAwarenessOnly } from '../../../shared/sync/own-awareness.ts';
import { trackSaveStatus, type SaveState, type SaveStatus } from '../../../shared/sync/save-status.ts';
import { observeTotals, type LiveTotals } from '../../../shared/totals/board-totals.ts';
import { storeFirstSyncAsReceived } from './first-sync.ts';

export type ConnectionState = 'connecting' | 'syncing' | 'connected' | 'offline' | 'refused';

/** Events a connection dispatches; listeners re-read the getters. */
export type ConnectionEvent = 'state' | 'saves' | 'presence';

export interface PresenceCursor {
  sheet: SheetName;
  rowId: string;
  field: string;
}

export interface Presence {
  clientId: number;
  name: string;
  role: string;
  color: string;
  cursor: PresenceCursor | null;
  self: boolean;
}

export interface BoardUser {
  id: string;
  name: string;
  color: string;
}

// 44xx closes are final (y-websocket stops reconnecting and emits "closed"), except the closes for
// load (4429, and 1013), after which the provider reconnects by itself (reconnectAfterLoadCloses).
const REFUSALS: Record<number, string> = {
  4401: 'U bent niet (meer) aangemeld. Open uw uitnodigingslink opnieuw.',
  4403: 'U heeft geen toegang (meer) tot dit bord.',
  4404: 'Dit bord bestaat niet.',
};

export class BoardConnection extends EventTarget {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly saves: SaveStatus;
  readonly undo: Y.UndoManager;
  /** The origin of this user's edits: undo tracks it, observers tell own edits from others' by it. */
  readonly origin: BoardOrigin;
  private readonly local: IndexeddbPersistence | null;
  private liveTotals?: LiveTotals;
  private readonly forgetFirstSync: () => void;
  private currentState: ConnectionState;
  private destroyed = false;
  refusal = '';

  constructor(
    readonly boardId: string,
    readonly role: Role,
    readonly user: BoardUser,
  ) {
    super();
    this.origin = { kind: 'user', userId: user.id };
    // Kept per board and per person: someone who signs in after another on a shared computer must
    // not send the first one's unsent edits under their own name. A viewer keeps no copy: they
    // cannot edit, and a copy that drifted (say, edits made before a demotion, which the server
    // drops) would otherwise show them figures nobody else has, for good.
    this.local = canEdit(role) ? new IndexeddbPersistence(`planbord:${boardId}:${user.id}`, this.doc) : null;
    const wsOrigin = location.origin.replace(/^http/, 'ws');
    this.provider = new WebsocketProvider(`${wsOrigin}/sync`, boardId, this.doc, { maxBackoffTime: 2500, connect: false });
    sendOwnAwarenessOnly(this.provider);
    reconnectAfterLoadCloses(this.provider);
    takeFreshIdWhenTaken(this.provider);
    // With the local copy loaded first, this browser answers the server's state vector with only
    // its own unsent edits. Connected earlier, it sends its whole local copy back up as an edit: on a
    // board of 20,000 rows, megabytes. (The server answers every first message with the whole board,
    // one encoding shared by all its clients; what the browser has already it skips.)
    // A browser that cannot open IndexedDB (a policy, a private window) connects without it.
    const local = this.local;
    const loaded = local ? local._db.then(() => local.whenSynced, () => undefined) : Promise.resolve();
    void loaded.then(() => {
      if (navigator.onLine && !this.destroyed && !this.provider.shouldConnect) this.provider.connect();
    });
    this.forgetFirstSync = storeFirstSyncAsReceived(this.doc, this.provider, this.local);
    this.currentState = navigator.onLine ? 'connecting' : 'offline';
    this.saves = trackSaveStatus(this.provider);
    // The server stamps this field for everyone else; this is how this browser sees itself.
    this.provider.awareness.setLocalStateField('user', { id: user.id, name: user.name, role, color: user.color });
    this.undo = new Y.UndoManager(
      SHEETS.map((sheet) => sheetMap(this.doc, sheet)),
      // Each edit is its own undo step, however fast the next one follows.
      { trackedOrigins: new Set([this.origin]), captureTimeout: 0 },
    );
    this.provider.on('status', ({ status }) =>
      this.setState(status === 'connected' ? 'syncing' : status === 'connecting' ? 'connecting' : navigator.onLine ? 'connecting' : 'offline'),
    );
    this.provider.on('sync', (synced: boolean) => synced && this.setState('connected'));
    this.provider.on('closed', ({ code }) => {
      this.refusal = REFUSALS[code] ?? 'De server weigert de verbinding.';
      this.setState('refused');
    });
    this.provider.awareness.on('change', () => this.emit('presence'));
    this.saves.onChange(() => this.emit('saves'));
    window.addEventListener('offline', this.onOffline);
    window.addEventListener('online', this.onOnline);
  }

  get state(): ConnectionState {
    return this.currentState;
  }

  get saveState(): SaveState {
    return this.saves.state;
  }

  /** The board's totals, kept up to date on every change to this copy (one engine for all views). */
  get totals(): LiveTotals {
    this.liveTotals ??= observeTotals(this.doc);
    return this.liveTotals;
  }

  /** True for a transaction that came from the server: someone else's edit, not this browser's. */
  isRemote(transaction: Y.Transaction): boolean {
    return transaction.origin === this.provider;
  }

  // A socket can linger for a while after the network is gone: stop using it at once, keep editing
  // locally (IndexedDB holds the edits), and reconnect when the browser is back online.
  private readonly onOffline = () => {
    this.provider.disconnect();
    this.setState('offline');
  };

  private readonly onOnline = () => {
    if (this.currentState === 'refused') return;
    this.setState('connecting');
    this.provider.connect();
  };

  private setState(state: ConnectionState): void {
    if (this.currentState === 'refused' || this.currentState === state) return;
    this.currentState = state;
    this.emit('state');
  }

  private emit(event: ConnectionEvent): void {
    this.dispatchEvent(new Event(event));
  }

  /** Runs a change as this user's own edit: one transaction, undoable by this user only. */
  edit<T>(change: (origin: BoardOrigin) => T): T {
    let result!: T;
    this.doc.transact(() => {
      result = change(this.origin);
    }, this.origin);
    return result;
  }

  setCursor(cursor: PresenceCursor | null): void {
    this.provider.awareness.setLocalStateField('cursor', cursor);
  }

  presence(): Presence[] {
    const people: Presence[] = [];
    for (const [clientId, state] of this.provider.awareness.getStates()) {
      const user = (state as { user?: { name?: unknown; role?: unknown; color?: unknown } }).user;
      if (!user) continue;
      people.push({
        clientId,
        name: typeof user.name === 'string' ? user.name : '?',
        role: typeof user.role === 'string' ? user.role : '',
        color: typeof user.color === 'string' && /^#[0-9a-f]{3,8}$/i.test(user.color) ? user.color : '#555555',
        cursor: readCursor((state as { cursor?: unknown }).cursor),
        self: clientId === this.doc.clientID,
      });
    }
    return people.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name, 'nl'));
  }

  destroy(): void {
    this.destroyed = true;
    window.removeEventListener('offline', this.onOffline);
    window.removeEventListener('online', this.onOnline);
    this.forgetFirstSync();
    this.undo.destroy();
    this.liveTotals?.destroy();
    this.saves.destroy();
    this.provider.destroy();
    void this.local?.destroy();
    this.doc.destroy();
  }
}

/** Another browser's cursor, read defensively: awareness fields are whatever that client sent. */
function readCursor(value: unknown): PresenceCursor | null {
  if (typeof value !== 'object' || value === null) return null;
  const { sheet, rowId, field } = value as Record<string, unknown>;
  if (!SHEETS.includes(sheet as SheetName) || typeof rowId !== 'string' || typeof field !== 'string') return null;
  return { sheet: sheet as SheetName, rowId, field };
}
