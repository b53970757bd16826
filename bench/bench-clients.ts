// The clients of one collaboration server, for benchmarks: Planbord's and the stock y-websocket
// server speak y-websocket (Planbord with a bearer token); Hocuspocus has its own provider.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { authorizedWebSocket, connectClient } from '../shared/sync/test-client.ts';

export type ServerKind = 'planbord' | 'y-websocket' | 'hocuspocus';

export interface BenchClient {
  doc: Y.Doc;
  synced(): Promise<void>;
  /** Planbord only: resolves when this client's edits are in the database. */
  whenSaved?: () => Promise<void>;
  destroy(): void;
}

export function benchClient(kind: ServerKind, url: string, room: string, token: string): BenchClient {
  const ws = url.replace(/^http/, 'ws');
  if (kind === 'planbord') {
    const client = connectClient(`${ws}/sync`, room, token);
    return { doc: client.doc, synced: client.synced, whenSaved: () => client.saved.whenSaved(), destroy: client.destroy };
  }
  const doc = new Y.Doc();
  if (kind === 'y-websocket') {
    const provider = new WebsocketProvider(ws, room, doc, { WebSocketPolyfill: authorizedWebSocket(null), disableBc: true });
    return {
      doc,
      synced: () => new Promise((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve()))),
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
