import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { ObservableV2 } from 'lib0/observable';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MESSAGE_SAVED, MESSAGE_SYNC, SYNC_STEP_1, SYNC_STEP_2, SYNC_UPDATE } from './protocol.ts';
import { trackSaveStatus } from './save-status.ts';

const syncMessage = (kind: number, payload: Uint8Array) => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, kind);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
};

/**
 * What trackSaveStatus sees of y-websocket's provider, driven by hand: a socket per connection,
 * 'connected' before the first send, every update not from the server sent while connected.
 */
class ProviderStandIn extends ObservableV2<{ status: (event: { status: string }) => void; 'connection-close': () => void }> {
  messageHandlers: unknown[] = [];
  ws: { readyState: number; sent: Uint8Array[]; send(data: unknown): void } | null = null;
  wsconnected = false;
  /** What this client sent on the current connection, in order. */
  sent: Uint8Array[] = [];

  constructor(readonly doc: Y.Doc) {
    super();
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this && this.wsconnected) this.ws!.send(syncMessage(SYNC_UPDATE, update));
    });
  }

  connect(): void {
    const sent: Uint8Array[] = (this.sent = []);
    this.ws = { readyState: 1, sent, send: (data) => sent.push(data as Uint8Array) };
    this.wsconnected = true;
    this.emit('status', [{ status: 'connected' }]);
    this.ws.send(syncMessage(SYNC_STEP_1, Y.encodeStateVector(this.doc)));
  }

  /** Answers the server's sync step 1 with everything the server lacks. */
  answerStep1(serverVector: Uint8Array): void {
    this.ws!.send(syncMessage(SYNC_STEP_2, Y.encodeStateAsUpdate(this.doc, serverVector)));
  }

  disconnect(): void {
    this.emit('connection-close', []);
    this.ws = null;
    this.wsconnected = false;
  }

  /** The server's "saved n". */
  saved(through: number): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, through);
    const handle = this.messageHandlers[MESSAGE_SAVED] as (encoder: unknown, decoder: decoding.Decoder) => void;
    handle(null, decoding.createDecoder(encoding.toUint8Array(encoder)));
  }
}

function setUp() {
  const doc = new Y.Doc();
  const provider = new ProviderStandIn(doc);
  const status = trackSaveStatus(provider);
  const cells = doc.getMap<number>('cells');
  const clock = () => Y.getState(doc.store, doc.clientID);
  return { doc, provider, status, cells, clock };
}

describe('save status', () => {
  it('is saved once the server confirms the message that carried the last edit, and not before', async () => {
    const { provider, status, cells, clock } = setUp();
    provider.connect();
    provider.answerStep1(new Uint8Array([0]));
    expect(status.state).toBe('saved');
    cells.set('a', 1);
    const afterA = clock();
    cells.set('b', 2);
    expect(status.state).toBe('unsaved');
    // Messages: 1 the (empty) step 2, 2 and 3 the two edits, 4 a third one.
    const firstSaved = status.whenEditsSoFarSaved();
    cells.set('c', 3);
    let resolved = false;
    void firstSaved.then(() => (resolved = true));
    provider.saved(2);
    expect(status.state).toBe('unsaved');
    expect(status.confirmedClock).toBe(afterA);
    await Promise.resolve();
    expect(resolved).toBe(false);
    provider.saved(3);
    await firstSaved;
    expect(status.state).toBe('unsaved');
    provider.saved(4);
    expect(status.state).toBe('saved');
    expect(status.confirmedClock).toBe(clock());
    status.destroy();
  });

  it('counts a deletion like any edit, though it adds nothing to a state vector', () => {
    const { provider, status, cells } = setUp();
    cells.set('a', 1);
    provider.connect();
    provider.answerStep1(new Uint8Array([0]));
    provider.saved(1);
    expect(status.state).toBe('saved');
    cells.delete('a');
    expect(status.state).toBe('unsaved');
    provider.saved(2);
    expect(status.state).toBe('saved');
    status.destroy();
  });

  it('keeps edits made offline unsaved until the step 2 that carries them is confirmed, even when a later edit is', () => {
    const { doc, provider, status, cells, clock } = setUp();
    const server = new Y.Doc();
    cells.set('offline', 1);
    expect(status.state).toBe('unsaved');
    provider.connect();
    // An edit goes out as an update before the server's step 1 has been answered.
    cells.set('online', 2);
    provider.saved(1);
    expect(status.state).toBe('unsaved');
    expect(status.confirmedClock).toBe(0);
    provider.answerStep1(Y.encodeStateVector(server));
    Y.applyUpdate(server, Y.encodeStateAsUpdate(doc));
    provider.saved(2);
    expect(status.state).toBe('saved');
    expect(status.confirmedClock).toBe(clock());
    status.destroy();
  });

  it('sends what a lost connection left unconfirmed again, in the next step 2', () => {
    const { provider, status, cells, clock } = setUp();
    provider.connect();
    provider.answerStep1(new Uint8Array([0]));
    provider.saved(1);
    cells.set('a', 1);
    const afterA = clock();
    provider.saved(2);
    cells.set('b', 2);
    provider.disconnect();
    expect(status.state).toBe('unsaved');
    provider.connect();
    // A confirmation of the new connection's first message: an update, not the step 2.
    cells.set('c', 3);
    provider.saved(1);
    expect(status.state).toBe('unsaved');
    expect(status.confirmedClock).toBe(afterA);
    provider.answerStep1(new Uint8Array([0]));
    expect(provider.sent.filter((message) => message[1] === SYNC_STEP_2)).toHaveLength(1);
    provider.saved(2);
    expect(status.state).toBe('saved');
    expect(status.confirmedClock).toBe(clock());
    status.destroy();
  });

  it('ignores changes that came from elsewhere', () => {
    const { doc, provider, status } = setUp();
    provider.connect();
    const other = new Y.Doc();
    other.getMap('cells').set('theirs', 1);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other), provider);
    expect(status.state).toBe('saved');
    status.destroy();
  });
});
