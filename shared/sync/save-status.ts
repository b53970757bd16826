// "Saved" means committed to the database, not held in server memory. On each connection the
// server counts the messages that carry updates (sync step 2 and update), and once everything a
// message brought, and everything queued before it, is committed it sends "saved n": the first n
// are in the database. This client counts the same messages as it sends them. Its edits are saved
// when every message that carried one is confirmed and none waits to be sent. Confirming costs a
// number, whatever the board's size or history; deletions need nothing of their own, because a
// message is confirmed whether or not it changed the server's copy.
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { MESSAGE_SAVED, MESSAGE_SYNC, SYNC_STEP_2, SYNC_UPDATE } from './protocol.ts';

export type SaveState = 'saved' | 'unsaved';

/** The parts of a WebSocket that saving needs: its sends are counted. */
type SocketData = string | ArrayBufferLike | Blob | ArrayBufferView;
interface SocketLike {
  readonly readyState: number;
  send(data: SocketData): void;
}

/** The parts of y-websocket's WebsocketProvider that saving needs. */
export interface ProviderLike {
  doc: Y.Doc;
  messageHandlers: unknown[];
  ws: SocketLike | null;
  wsconnected: boolean;
  on(event: 'status', listener: (event: { status: string }) => void): void;
  on(event: 'connection-close', listener: () => void): void;
  off(event: 'status', listener: (event: { status: string }) => void): void;
  off(event: 'connection-close', listener: () => void): void;
}

export interface SaveStatus {
  readonly state: SaveState;
  /** This client's own clock confirmed committed: every item it made below this clock is saved. */
  readonly confirmedClock: number;
  onChange(listener: (state: SaveState) => void): () => void;
  /** Resolves once every edit made so far by this client is committed. */
  whenSaved(): Promise<void>;
  /** Resolves once the edits made so far are confirmed, however many follow meanwhile. */
  whenEditsSoFarSaved(): Promise<void>;
  destroy(): void;
}

const OPEN = 1;

/** The sync sub-type of a message that carries an update (step 2 or update), else null. */
function updateKind(data: SocketData): number | null {
  if (typeof data === 'string' || data instanceof Blob) return null;
  const bytes = ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
  try {
    const decoder = decoding.createDecoder(bytes);
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return null;
    const kind = decoding.readVarUint(decoder);
    return kind === SYNC_STEP_2 || kind === SYNC_UPDATE ? kind : null;
  } catch {
    return null;
  }
}

/** A Yjs transaction that produces an update (the same test Yjs applies before emitting one). */
const changesSomething = (transaction: Y.Transaction) =>
  transaction.deleteSet.clients.size > 0 || [...transaction.afterState].some(([client, clock]) => transaction.beforeState.get(client) !== clock);

interface InFlight {
  /** Its number among this connection's update-carrying messages. */
  seq: number;
  /** This client's own clock when it left. */
  clock: number;
  /** It carries the edits made while nothing could be sent (a step 2 after reconnecting). */
  carriesBacklog: boolean;
}

/**
 * Extends the provider's handler table with the "saved" message and tracks this client's edits.
 * Call it right after creating the provider, before its first connection opens: the count of
 * messages must start with the connection's first.
 */
export function trackSaveStatus(provider: ProviderLike): SaveStatus {
  const { doc } = provider;
  const ownClock = () => Y.getState(doc.store, doc.clientID);
  /** Update-carrying messages sent on the current connection. */
  let sent = 0;
  /** Messages that carried this client's edits and await their "saved". */
  let inFlight: InFlight[] = [];
  /** Own clock from which edits wait for a connection to go out (in the step 2 it answers with). */
  let backlogFrom: number | null = null;
  /** Own clock from which edits went out in the backlog's step 2, until that is confirmed. */
  let backlogHeldFrom: number | null = null;
  let confirmedClock = 0;
  let state: SaveState = 'saved';
  const listeners = new Set<(state: SaveState) => void>();
  /** Promises of whenEditsSoFarSaved, by the own clock they wait for, in order. */
  let waiting: { clock: number; resolve: () => void }[] = [];

  const update = () => {
    const next: SaveState = inFlight.length === 0 && backlogFrom === null ? 'saved' : 'unsaved';
    if (next === state) return;
    state = next;
    listeners.forEach((listener) => listener(state));
  };

  const countSend = (data: SocketData) => {
    const kind = updateKind(data);
    if (kind === null) return;
    sent++;
    // An update message is one of this client's transactions, sent as it happened; a step 2 is
    // everything the server lacks, which holds the backlog if there is one.
    if (kind === SYNC_UPDATE) inFlight.push({ seq: sent, clock: ownClock(), carriesBacklog: false });
    else if (backlogFrom !== null) {
      inFlight.push({ seq: sent, clock: ownClock(), carriesBacklog: true });
      backlogHeldFrom = Math.min(backlogHeldFrom ?? Infinity, backlogFrom);
      backlogFrom = null;
    }
    update();
  };

  // y-websocket makes a new socket per connection and sends nothing before it reports 'connected'.
  const onStatus = ({ status }: { status: string }) => {
    const socket = provider.ws;
    if (status !== 'connected' || !socket) return;
    const send = socket.send.bind(socket);
    socket.send = (data) => {
      countSend(data);
      send(data);
    };
  };

  // What the server had not confirmed may be lost with it: it goes again in the next step 2.
  const onClose = () => {
    sent = 0;
    if (inFlight.length > 0) backlogFrom = Math.min(backlogFrom ?? Infinity, confirmedClock);
    inFlight = [];
    update();
  };

  const onTransaction = (transaction: Y.Transaction) => {
    if (!transaction.local || !changesSomething(transaction)) return;
    // With the socket open, the provider sends this transaction as an update message right after.
    if (!(provider.wsconnected && provider.ws?.readyState === OPEN)) {
      backlogFrom = Math.min(backlogFrom ?? Infinity, transaction.beforeState.get(doc.clientID) ?? 0);
    }
    update();
  };

  provider.messageHandlers[MESSAGE_SAVED] = (_encoder: unknown, decoder: decoding.Decoder) => {
    const through = decoding.readVarUint(decoder);
    while (inFlight.length > 0 && inFlight[0]!.seq <= through) {
      const confirmed = inFlight.shift()!;
      if (confirmed.carriesBacklog) backlogHeldFrom = null;
      // Edits of the backlog are not confirmed by a message that did not carry them.
      const clock = Math.min(confirmed.clock, backlogFrom ?? Infinity, backlogHeldFrom ?? Infinity);
      confirmedClock = Math.max(confirmedClock, clock);
    }
    while (waiting.length > 0 && waiting[0]!.clock <= confirmedClock) waiting.shift()!.resolve();
    update();
  };
  provider.on('status', onStatus);
  provider.on('connection-close', onClose);
  doc.on('afterTransaction', onTransaction);

  return {
    get state() {
      return state;
    },
    get confirmedClock() {
      return confirmedClock;
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
    whenEditsSoFarSaved() {
      const clock = ownClock();
      if (clock <= confirmedClock) return Promise.resolve();
      return new Promise((resolve) => waiting.push({ clock, resolve }));
    },
    destroy() {
      waiting = [];
      doc.off('afterTransaction', onTransaction);
      provider.off('status', onStatus);
      provider.off('connection-close', onClose);
      listeners.clear();
      delete provider.messageHandlers[MESSAGE_SAVED];
    },
  };
}
