// y-websocket 3 treats every 44xx close as final (its default shouldReconnect), 4429 included, and
// after a connection that synced its backoff starts again at 200 ms. A close for load (4429 too many
// messages, 1013 too much unread output) is neither final nor a reason to come straight back: the
// provider reconnects after its longest backoff. Other 44xx (4400, 4401, 4403, 4404) stay final.
import type { WebsocketProvider } from 'y-websocket';
import { isLoadClose } from './protocol.ts';

const isFinal = (code: number) => code >= 4400 && code < 4500 && !isLoadClose(code);

/** Makes the provider reconnect after a close for load, after its longest backoff; call before it connects. */
export function reconnectAfterLoadCloses(provider: WebsocketProvider): void {
  provider.shouldReconnect = (event) => !isFinal(event.code);
  provider.on('connection-close', (event) => {
    // y-websocket waits min(2^n x 100 ms, maxBackoffTime), n counting the attempts since the last
    // sync; it counts this close after telling its listeners. A large n makes the wait the longest.
    if (event && isLoadClose(event.code)) provider.wsUnsuccessfulReconnects = Math.max(provider.wsUnsuccessfulReconnects, 16);
  });
}
