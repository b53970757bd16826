// A Yjs client id belongs to the member who first shows it on a board (server/sync/client-owners.ts).
// Should a client's id already be someone else's there (a stranger who guessed it before this
// client showed it), the server says so when the client announces its presence, and everything the
// client writes under that id would be refused. So the client takes a fresh id, and shows its
// presence under it, as long as it has written nothing under the taken one.
import * as decoding from 'lib0/decoding';
import * as random from 'lib0/random';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { MESSAGE_CLIENT_ID_TAKEN } from './protocol.ts';

/** Makes the provider take a fresh client id when the server says its own is taken; call before it connects. */
export function takeFreshIdWhenTaken(provider: WebsocketProvider): void {
  provider.messageHandlers[MESSAGE_CLIENT_ID_TAKEN] = (_encoder: unknown, decoder: decoding.Decoder) => {
    const taken = decoding.readVarUint(decoder);
    const { doc, awareness } = provider;
    // Edits already made under it are in the document for good: a new id would not deliver them.
    if (doc.clientID !== taken || Y.getState(doc.store, taken) > 0) return;
    const state = awareness.getLocalState();
    awareness.states.delete(taken);
    awareness.meta.delete(taken);
    const fresh = random.uint32();
    doc.clientID = fresh;
    awareness.clientID = fresh;
    awareness.setLocalState(state);
  };
}
