// "Saved" means committed to the database, not held in server memory. The server sends the state
// vector it has committed and the deletions it has committed (all of them when this client joins,
// then each batch's); this client's edits are saved when that vector covers this client's own clock
// and those deletions have covered every deletion this client made (a deletion adds nothing to a
// state vector, so the clock alone would miss it).
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


/** A delete set's ranges per client, sorted by clock (a decoded set comes in the order it was written). */
function sortedRanges(deletions: DeleteSet): Map<number, { clock: number; len: number }[]> {
  const sorted = new Map<number, { clock: number; len: number }[]>();
  for (const [client, items] of deletions.clients) sorted.set(client, [...items].sort((a, b) => a.clock - b.clock));
  return sorted;
}

/** The parts of a range that the confirmed ranges do not cover (none when it is all confirmed). */
function unconfirmedParts(range: DeletedRange, confirmed: Map<number, { clock: number; len: number }[]>): DeletedRange[] {
  const items = confirmed.get(range.client);
  if (!items) return [range];
  const end = range.clock + range.len;
  // The first confirmed range that ends after ours starts; none before it overlaps ours.
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (items[mid]!.clock + items[mid]!.len <= range.clock) low = mid + 1;
    else high = mid;
  }
  const parts: DeletedRange[] = [];
  let next = range.clock;
  for (let i = low; i < items.length && next < end; i++) {
    const item = items[i]!;
    if (item.clock >= end) break;
    if (item.clock > next) parts.push({ client: range.client, clock: next, len: item.clock - next });
    next = Math.max(next, item.clock + item.len);
  }
  if (next < end) parts.push({ client: range.client, clock: next, len: end - next });
  return parts;
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
   * The parts of this client's deletions that no "saved" message has confirmed yet. A deletion can
   * be confirmed in parts (someone else deleted some of the same items first). Messages arrive in
   * order, so a batch that confirmed someone else's deletion before this client made its own came
   * with that deletion already applied here: this client could not delete those items again. Nothing
   * needs keeping but what is still open, which keeps a "saved" message cheap however many
   * deletions the board has seen.
   */
  let pendingDeletions: DeletedRange[] = [];
  const saved = () => isSavedBy(doc, committed) && pendingDeletions.length === 0;
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
    if (pendingDeletions.length > 0 && decoding.hasContent(decoder)) {
      const confirmed = sortedRanges(Y.decodeUpdate(decoding.readVarUint8Array(decoder)).ds);
      pendingDeletions = pendingDeletions.flatMap((range) => unconfirmedParts(range, confirmed));
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
