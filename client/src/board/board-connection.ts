// One board in the browser: its Y.Doc kept in IndexedDB (edits survive offline and reloads), synced
// with the server over y-websocket, with undo of this user's own edits and the save state.
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Role } from '../../../shared/access/roles.ts';
import { sheetMap, settingsMap } from '../../../shared/board/board-doc.ts';
import type { BoardOrigin } from '../../../shared/board/origins.ts';
import { SHEETS } from '../../../shared/board/sheets.ts';
import { trackSaveStatus, type SaveState, type SaveStatus } from '../../../shared/sync/save-status.ts';

export type ConnectionState = 'connecting' | 'syncing' | 'connected' | 'offline' | 'refused';

export interface PresenceCursor {
  sheet: string;
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

export class BoardConnection extends EventTarget {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly saves: SaveStatus;
  readonly undo: Y.UndoManager;
  /** The origin of this user's edits: undo tracks it, observers skip it. */
  readonly origin: BoardOrigin;
  private readonly local: IndexeddbPersistence;
  state: ConnectionState = 'connecting';
  refusal = '';

  constructor(
    readonly boardId: string,
    readonly role: Role,
    user: { id: string; name: string; color: string },
  ) {
    super();
    this.origin = { kind: 'user', userId: user.id };
    this.local = new IndexeddbPersistence(`planbord:${boardId}`, this.doc);
    const wsOrigin = location.origin.replace(/^http/, 'ws');
    this.provider = new WebsocketProvider(`${wsOrigin}/sync`, boardId, this.doc, { maxBackoffTime: 2500 });
    this.saves = trackSaveStatus(this.provider);
    // Others see what the server stamps; this is how this browser sees itself.
    this.provider.awareness.setLocalStateField('user', { id: user.id, name: user.name, role, color: user.color });
    this.undo = new Y.UndoManager([...SHEETS.map((sheet) => sheetMap(this.doc, sheet)), settingsMap(this.doc)], {
      trackedOrigins: new Set([this.origin]),
      captureTimeout: 300,
    });
    this.provider.on('status', ({ status }) => this.setState(status === 'connected' ? 'syncing' : status === 'connecting' ? 'connecting' : 'offline'));
    this.provider.on('sync', (synced: boolean) => synced && this.setState('connected'));
    this.provider.on('closed', ({ reason }) => {
      this.refusal = reason;
      this.setState('refused');
    });
    this.provider.awareness.on('change', () => this.dispatchEvent(new Event('presence')));
    this.saves.onChange(() => this.dispatchEvent(new Event('saves')));
    window.addEventListener('offline', this.onOffline);
    window.addEventListener('online', this.onOnline);
  }

  // A socket can linger for a while after the network is gone: stop using it at once, keep editing
  // locally (IndexedDB holds the edits), and reconnect when the browser is back online.
  private readonly onOffline = () => {
    this.provider.disconnect();
    this.setState('offline');
  };

  private readonly onOnline = () => this.provider.connect();

  private setState(state: ConnectionState): void {
    if (this.state === 'refused') return;
    this.state = state;
    this.dispatchEvent(new Event('state'));
  }

  get saveState(): SaveState {
    return this.saves.state;
  }

  /** Runs a change as this user's own edit: one transaction, undoable by this user only. */
  edit<T>(change: () => T): T {
    let result!: T;
    this.doc.transact(() => {
      result = change();
    }, this.origin);
    return result;
  }

  setCursor(cursor: PresenceCursor | null): void {
    this.provider.awareness.setLocalStateField('cursor', cursor);
  }

  presence(): Presence[] {
    const people: Presence[] = [];
    for (const [clientId, state] of this.provider.awareness.getStates()) {
      const user = (state as { user?: { name?: string; role?: string; color?: string } }).user;
      if (!user) continue;
      people.push({
        clientId,
        name: user.name ?? '?',
        role: user.role ?? '',
        color: user.color ?? '#555555',
        cursor: ((state as { cursor?: PresenceCursor }).cursor ?? null),
        self: clientId === this.doc.clientID,
      });
    }
    return people.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name, 'nl'));
  }

  destroy(): void {
    window.removeEventListener('offline', this.onOffline);
    window.removeEventListener('online', this.onOnline);
    this.undo.destroy();
    this.saves.destroy();
    this.provider.destroy();
    void this.local.destroy();
    this.doc.destroy();
  }
}
