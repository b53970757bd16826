// Test support for the attack tests on /sync: a bare WebSocket that speaks the wire protocol one
// message at a time, as an attacker's script would, and records everything the server sends.
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import { MESSAGE_AWARENESS, MESSAGE_SAVED, MESSAGE_SYNC, SYNC_STEP_1, SYNC_STEP_2, SYNC_UPDATE } from '../../shared/sync/protocol.ts';
import { waitUntil } from '../../shared/eventually.ts';

export interface SyncSocket {
  socket: WebSocket;
  /** Every message received, in order. */
  received: Uint8Array[];
  /** True once open, false when the upgrade was refused. */
  opened: Promise<boolean>;
  /** The status and JSON body of a refused upgrade. */
  refused: Promise<{ status: number; body: { error?: string; message?: string } }>;
  closed: Promise<{ code: number; reason: string }>;
  send(message: Uint8Array): void;
  /** Waits for a message the predicate accepts, counting from `from` (an index into `received`). */
  next(predicate: (message: Uint8Array) => boolean, from?: number): Promise<Uint8Array>;
}

export function syncSocket(url: string, token: string | null, options: { localAddress?: string } = {}): SyncSocket {
  const socket = new WebSocket(url, { headers: token ? { authorization: `Bearer ${token}` } : {}, localAddress: options.localAddress });
  socket.on('error', () => {});
  const received: Uint8Array[] = [];
  socket.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
  return {
    socket,
    received,
    opened: new Promise((resolve) => {
      socket.once('open', () => resolve(true));
      socket.once('unexpected-response', () => resolve(false));
      socket.once('close', () => resolve(false));
    }),
    refused: new Promise((resolve) =>
      socket.once('unexpected-response', (_request, response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : {} }));
      }),
    ),
    closed: new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() }))),
    send: (message) => socket.send(message),
    async next(predicate, from = 0) {
      let found: Uint8Array | undefined;
      await waitUntil(() => (found = received.slice(from).find(predicate)) !== undefined, 10_000, 'a message from the server');
      return found!;
    },
  };
}

function frame(type: number, write: (encoder: encoding.Encoder) => void = () => {}): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

const syncMessage = (syncType: number, payload: Uint8Array) =>
  frame(MESSAGE_SYNC, (encoder) => {
    encoding.writeVarUint(encoder, syncType);
    encoding.writeVarUint8Array(encoder, payload);
  });

/** Sync step 1 with an empty state vector: "send me everything". Four bytes. */
export const emptyStep1 = () => syncMessage(SYNC_STEP_1, new Uint8Array([0]));
/** Sync step 2 with an empty update: every connection may send it, and the server confirms it with "saved". */
export const emptyStep2 = () => syncMessage(SYNC_STEP_2, new Uint8Array([0, 0]));
export const syncUpdate = (update: Uint8Array) => syncMessage(SYNC_UPDATE, update);

/** One awareness entry of a client: the state as JSON. */
export const awarenessMessage = (clientId: number, clock: number, state: unknown) =>
  frame(MESSAGE_AWARENESS, (encoder) => {
    const update = encoding.createEncoder();
    encoding.writeVarUint(update, 1);
    encoding.writeVarUint(update, clientId);
    encoding.writeVarUint(update, clock);
    encoding.writeVarString(update, JSON.stringify(state));
    encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update));
  });

export const isStep2 = (message: Uint8Array) => message[0] === MESSAGE_SYNC && message[1] === SYNC_STEP_2;
export const isUpdate = (message: Uint8Array) => message[0] === MESSAGE_SYNC && message[1] === SYNC_UPDATE;
export const isAwareness = (message: Uint8Array) => message[0] === MESSAGE_AWARENESS;
/** "saved n" for n below 128 (a one-byte varUint): the marker that every message before it was handled. */
export const isSaved = (through: number) => (message: Uint8Array) => message[0] === MESSAGE_SAVED && message[1] === through;
