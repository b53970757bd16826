// Test and benchmark support: a real y-websocket client in Node, signed in with a bearer token.
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { takeFreshIdWhenTaken } from './fresh-client-id.ts';
import { reconnectAfterLoadCloses } from './load-reconnect.ts';
import { sendOwnAwarenessOnly } from './own-awareness.ts';
import { trackSaveStatus, type SaveStatus } from './save-status.ts';

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  saved: SaveStatus;
  /** Resolves once the first sync with the server is complete. */
  synced(): Promise<void>;
  destroy(): void;
}

/**
 * A ws WebSocket that sends the Authorization header (and an Origin, like a browser) on connect.
 * y-websocket types its polyfill as the DOM WebSocket, which ws implements but does not declare.
 */
export function authorizedWebSocket(token: string | null, origin?: string): typeof globalThis.WebSocket {
  class AuthorizedWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      const headers: Record<string, string> = {};
      if (token) headers.authorization = `Bearer ${token}`;
      if (origin) headers.origin = origin;
      super(address, protocols, { headers });
    }
  }
  return AuthorizedWebSocket as unknown as typeof globalThis.WebSocket;
}

export function connectClient(
  syncUrl: string,
  boardId: string,
  token: string | null,
  doc = new Y.Doc(),
  webSocket: typeof globalThis.WebSocket = authorizedWebSocket(token),
): TestClient {
  const provider = new WebsocketProvider(syncUrl, boardId, doc, {
    WebSocketPolyfill: webSocket,
    // Node has a BroadcastChannel: without this, clients in one process would sync without the server.
    disableBc: true,
    maxBackoffTime: 300,
    connect: false,
  });
  // As the browser's client does (client/src/board/board-connection.ts).
  sendOwnAwarenessOnly(provider);
  reconnectAfterLoadCloses(provider);
  takeFreshIdWhenTaken(provider);
  provider.connect();
  const saved = trackSaveStatus(provider);
  return {
    doc,
    provider,
    saved,
    synced: () =>
      provider.synced
        ? Promise.resolve()
        : new Promise((resolve) => {
            const onSync = (isSynced: boolean) => {
              if (!isSynced) return;
              provider.off('sync', onSync);
              resolve();
            };
            provider.on('sync', onSync);
          }),
    destroy() {
      saved.destroy();
      provider.destroy();
      provider.awareness.destroy();
      doc.destroy();
    },
  };
}
