// The clients of one collaboration server, for benchmarks: Planbord's and the stock y-websocket
// server speak y-websocket (Planbord with a bearer token); Hocuspocus has its own provider.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { boardToData } from '../shared/export/board-data.ts';
import { authorizedWebSocket, connectClient } from '../shared/sync/test-client.ts';

export type ServerKind = 'planbord' | 'y-websocket' | 'hocuspocus';

export interface BenchClient {
  doc: Y.Doc;
  synced(): Promise<void>;
  /** Planbord only: resolves when this client's edits are in the database. */
  whenSaved?: () => Promise<void>;
  /** Planbord only: resolves when the edits made so far are in the database, whatever follows. */
  whenEditsSoFarSaved?: () => Promise<void>;
  /** y-websocket clients: bytes of the messages received from the server so far. */
  bytesReceived?: () => number;
  /** y-websocket clients: the close code of the last connection the server ended, if any. */
  lastClose?: () => string | null;
  destroy(): void;
}

/** Counts what arrives on the provider's socket (the first one: a benchmark client does not reconnect). */
function lastClose(provider: WebsocketProvider): () => string | null {
  let close: string | null = null;
  provider.on('connection-close', (event: CloseEvent | null) => {
    if (event) close = `${event.code} ${event.reason}`;
  });
  return () => close;
}

function countBytes(provider: WebsocketProvider): () => number {
  let bytes = 0;
  provider.ws?.addEventListener('message', (event: MessageEvent<ArrayBuffer>) => (bytes += event.data.byteLength));
  return () => bytes;
}

/** Creates a board on Planbord through its import route, from a document, as an admin would. */
export async function importBoard(url: string, token: string, id: string, doc: Y.Doc): Promise<void> {
  const body = JSON.stringify(boardToData(doc));
  for (let attempt = 1; ; attempt++) {
    let response: Response;
    try {
      response = await fetch(`${url}/api/boards/import?format=json&id=${id}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
      });
    } catch (error) {
      // A kept-alive connection the server closed just as this request went out (its keep-alive
      // timeout): the request never arrived, so it is safe to send again.
      if (attempt < 3) continue;
      throw error;
    }
    if (response.status !== 201) throw new Error(`import of ${id} failed: ${response.status} ${await response.text()}`);
    return;
  }
}

export function benchClient(kind: ServerKind, url: string, room: string, token: string): BenchClient {
  const ws = url.replace(/^http/, 'ws');
  if (kind === 'planbord') {
    const client = connectClient(`${ws}/sync`, room, token);
    return { doc: client.doc, synced: client.synced, whenSaved: () => client.saved.whenSaved(), whenEditsSoFarSaved: () => client.saved.whenEditsSoFarSaved(), bytesReceived: countBytes(client.provider), lastClose: lastClose(client.provider), destroy: client.destroy };
  }
  const doc = new Y.Doc();
  if (kind === 'y-websocket') {
    const provider = new WebsocketProvider(ws, room, doc, { WebSocketPolyfill: authorizedWebSocket(null), disableBc: true });
    return {
      doc,
      synced: () => new Promise((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve()))),
      bytesReceived: countBytes(provider),
      lastClose: lastClose(provider),
      destroy: () => (provider.destroy(), doc.destroy()),
    };
  }
  const socket = new HocuspocusProviderWebsocket({ url: ws, WebSocketPolyfill: WebSocket });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: room, document: doc });
  provider.attach();
  return {
    doc,
    synced: () => new Promise((resolve) => (provider.isSynced ? resolve() : provider.on('synced', () => resolve()))),
    destroy: () => (provider.destroy(), socket.destroy(), doc.destroy()),
  };
}
