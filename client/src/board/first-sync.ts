// The first sync of an empty copy brings the whole board, megabytes for a large one. Yjs encodes
// every transaction again for its 'update' listeners: a quarter of a second of a board of 20,000
// rows, spent before the first paint. Here those listeners are the provider, which ignores what came
// from the server, and IndexedDB, which stores it; the bytes the server sent are that same update.
// So for that one transaction the listeners are taken off, and IndexedDB gets the server's bytes.
import * as decoding from 'lib0/decoding';
import type { IndexeddbPersistence } from 'y-indexeddb';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { MESSAGE_SYNC, SYNC_STEP_2 } from '../../../shared/sync/protocol.ts';

type UpdateListener = (update: Uint8Array, origin: unknown) => void;
type MessageHandler = (encoder: unknown, decoder: decoding.Decoder, ...rest: unknown[]) => void;

/** Arranges it for the provider's first sync step 2; undone by itself after that, or by the result. */
export function storeFirstSyncAsReceived(doc: Y.Doc, provider: WebsocketProvider, local: IndexeddbPersistence | null): () => void {
  const handlers = provider.messageHandlers as unknown as MessageHandler[];
  const handleSync = handlers[MESSAGE_SYNC]!;
  // The listeners are private fields of y-websocket and y-indexeddb: if a version lacks one, the
  // first sync is left to encode as usual rather than be stored or sent wrongly.
  const providerListener = (provider as unknown as { _updateHandler?: unknown })._updateHandler;
  const storeUpdate: unknown = local?._storeUpdate;
  if (typeof providerListener !== 'function' || (local && typeof storeUpdate !== 'function')) return () => {};
  const listeners = [providerListener, storeUpdate].filter((listener): listener is UpdateListener => typeof listener === 'function');
  /** The payload of the sync step 2 being applied, while it is. */
  let received: Uint8Array | null = null;

  const undo = () => {
    handlers[MESSAGE_SYNC] = handleSync;
    doc.off('afterTransactionCleanup', onCleanup);
  };

  handlers[MESSAGE_SYNC] = (encoder, decoder, ...rest) => {
    const peek = decoding.clone(decoder);
    received = decoding.readVarUint(peek) === SYNC_STEP_2 ? decoding.readVarUint8Array(peek) : null;
    try {
      handleSync(encoder, decoder, ...rest);
    } finally {
      received = null;
    }
  };

  const onCleanup = (transaction: Y.Transaction) => {
    if (transaction.origin !== provider || received === null) return;
    const update = received;
    undo();
    // A copy from IndexedDB gets only what is new: nothing worth skipping.
    if (transaction.beforeState.size > 0) return;
    listeners.forEach((listener) => doc.off('update', listener));
    let restored = false;
    const restore = () => {
      if (restored) return;
      restored = true;
      doc.off('beforeTransaction', restore);
      listeners.forEach((listener) => doc.on('update', listener));
    };
    // Back before anything else can change the document.
    doc.on('beforeTransaction', restore);
    queueMicrotask(restore);
    if (typeof storeUpdate === 'function') (storeUpdate as UpdateListener)(update, provider);
  };
  doc.on('afterTransactionCleanup', onCleanup);
  return undo;
}
