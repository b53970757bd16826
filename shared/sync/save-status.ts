// "Saved" means committed to the database, not held in server memory. The server sends the state
// vector it has committed; this client's edits are saved when that vector covers this client's own
// clock in the document.
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { MESSAGE_SAVED } from './protocol.ts';

export type SaveState = 'saved' | 'unsaved';

/** True when every edit this document made itself is in the committed state vector. */
export function isSavedBy(doc: Y.Doc, committed: Map<number, number>): boolean {
  const own = Y.getState(doc.store, doc.clientID);
  return own === 0 || (committed.get(doc.clientID) ?? 0) >= own;
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
  let state: SaveState = isSavedBy(doc, committed) ? 'saved' : 'unsaved';
  const listeners = new Set<(state: SaveState) => void>();
  const update = () => {
    const next: SaveState = isSavedBy(doc, committed) ? 'saved' : 'unsaved';
    if (next === state) return;
    state = next;
    listeners.forEach((listener) => listener(state));
  };
  provider.messageHandlers[MESSAGE_SAVED] = (_encoder: unknown, decoder: decoding.Decoder) => {
    committed = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
    update();
  };
  doc.on('afterTransaction', update);
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
      doc.off('afterTransaction', update);
      listeners.clear();
      delete provider.messageHandlers[MESSAGE_SAVED];
    },
  };
}
