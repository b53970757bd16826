// y-websocket's provider sends every awareness change to the server, those it has just received from
// the server included. In a room of n people every presence update (a renewal every 15 s, a cursor
// that moves) then comes back to the server n - 1 times: at 100 people, 9,900 messages for every
// round of renewals, all at once. The server relays each client's own state to everyone, so a client
// only needs to send its own.
import * as bc from 'lib0/broadcastchannel';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { WebsocketProvider } from 'y-websocket';
import { MESSAGE_AWARENESS } from './protocol.ts';

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/** Makes the provider send this client's own awareness state only; call before it connects. */
export function sendOwnAwarenessOnly(provider: WebsocketProvider): void {
  const { awareness } = provider;
  awareness.off('update', provider._awarenessUpdateHandler);
  // Replacing the provider's handler (not adding one beside it) lets its destroy() remove this one.
  provider._awarenessUpdateHandler = ({ added, updated, removed }: AwarenessChange) => {
    const own = awareness.clientID;
    if (!added.includes(own) && !updated.includes(own) && !removed.includes(own)) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [own]));
    const message = encoding.toUint8Array(encoder);
    const { ws } = provider;
    if (provider.wsconnected && ws && ws.readyState === ws.OPEN) ws.send(message);
    if (provider.bcconnected) bc.publish(provider.bcChannel, message, provider);
  };
  awareness.on('update', provider._awarenessUpdateHandler);
}
