// "Saved" means committed to the database, not held in server memory. The server sends the state
// vector it has committed and the deletions it has committed (all of them when this client joins,
// then each batch's, which this client adds up); this client's edits are saved when that vector
// covers this client's own clock and those deletions cover every deletion this client made (a
// deletion adds nothing to a state vector, so the clock alone would miss it).
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import type { DeleteSet } from './deletions.ts';
import { MESSAGE_SAVED } from './protocol.ts';

export type SaveState = 'saved' | 'unsaved';

/** True when every item this document made itself is in the committed state vector. */
export function isSavedBy(doc: Y.Doc, committed: Map<number, number>): boolean {
  const own = Y.getState(doc.store, doc.clientID);
  return own === 0 || (committed.get(doc.clientID) ?? 0) >= own;
}

interface DeletedRange {
  client: number;
  clock: number;
  len: number;
}


/**
 * True when every clock of the range is deleted in the committed delete set. The set grows with
 * every deletion a board has seen, so it is searched, not scanned: this runs on every transaction.
 */
function covered(range: DeletedRange, committed: DeleteSet): boolean {
  const items = committed.clients.get(range.client) ?? [];
  // Y.mergeDeleteSets sorts and merges (no two ranges overlap), so their ends ascend with their clocks:
  // find the first range that ends after the start of ours; those before it cannot help.
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (items[mid]!.clock + items[mid]!.len <= range.clock) low = mid + 1;
    else high = mid;
  }
  let next = range.clock;
  const end = range.clock + range.len;
  for (let i = low; i < items.length; i++) {
    const item = items[i]!;
    if (item.clock > next) break;
    next = Math.max(next, item.clock + item.len);
    if (next >= end) return true;
  }
  return next >= end;
}

/** The parts of y-websocket's WebsocketProvider that saving needs. */
export interface ProviderLike {
  doc: Y.Doc;
  messageHandlers: unknown[];
}

export interface SaveStatus {
  readonly state: SaveState;
  /** The committed state vector last received. */
  readonly committed: Map<number, number>;
  onChange(listener: (state: SaveState) => void): () => void;
  /** Resolves once every edit made so far by this client is committed. */
  whenSaved(): Promise<void>;
  destroy(): void;
}

/** Extends the provider's handler table with the "saved" message and tracks this client's edits. */
export function trackSaveStatus(provider: ProviderLike): SaveStatus {
  const { doc } = provider;
  let committed = new Map<number, number>();
  /**
   * Deletions a "saved" message confirmed, added up: a deletion of this client's may have been
   * confirmed in part by an earlier batch (someone else deleted some of the same items first).
   */
  let committedDeletions: DeleteSet = Y.createDeleteSet();
  /** Deletions this client made that the server has not yet confirmed. */
  let pendingDeletions: DeletedRange[] = [];
  const saved = () => {
    pendingDeletions = pendingDeletions.filter((range) => !covered(range, committedDeletions));
    return isSavedBy(doc, committed) && pendingDeletions.length === 0;
  };
  let state: SaveState = saved() ? 'saved' : 'unsaved';
  const listeners = new Set<(state: SaveState) => void>();
  const onTransaction = (transaction: Y.Transaction) => {
    if (transaction.local) {
      for (const [client, items] of transaction.deleteSet.clients) {
        for (const { clock, len } of items) pendingDeletions.push({ client, clock, len });
      }
    }
    update();
  };
  const update = () => {
    const next: SaveState = saved() ? 'saved' : 'unsaved';
    if (next === state) return;
    state = next;
    listeners.forEach((listener) => listener(state));
  };
  provider.messageHandlers[MESSAGE_SAVED] = (_encoder: unknown, decoder: decoding.Decoder) => {
    committed = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
    if (decoding.hasContent(decoder)) {
      committedDeletions = Y.mergeDeleteSets([committedDeletions, Y.decodeUpdate(decoding.readVarUint8Array(decoder)).ds]);
    }
    update();
  };
  doc.on('afterTransaction', onTransaction);
  return {
    get state() {
      return state;
    },
    get committed() {
      return committed;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    whenSaved() {
      if (state === 'saved') return Promise.resolve();
      return new Promise((resolve) => {
        const stop = this.onChange((next) => {
          if (next === 'saved') {
            stop();
            resolve();
          }
        });
      });
    },
    destroy() {
      doc.off('afterTransaction', onTransaction);
      listeners.clear();
      delete provider.messageHandlers[MESSAGE_SAVED];
    },
  };
}
