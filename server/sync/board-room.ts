// One open board: its Y.Doc and awareness, the connections editing it, its persistence and its
// live totals. Messages from a connection are decoded and checked here, where the connection's
// role is known: a viewer's writes never reach the document.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { canEdit, type Role } from '../../shared/access/roles.ts';
import { isBoardOrigin, type BoardOrigin } from '../../shared/board/origins.ts';
import { checkUpdate } from '../../shared/board/update-check.ts';
import { updateShape, withoutClients } from '../../shared/sync/update-slices.ts';
import {
  CLOSE,
  MESSAGE_AWARENESS,
  MESSAGE_CLIENT_ID_TAKEN,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SAVED,
  MESSAGE_SYNC,
  SYNC_STEP_1,
  SYNC_STEP_2,
  SYNC_UPDATE,
  type CloseReason,
} from '../../shared/sync/protocol.ts';
import { observeTotals, type LiveTotals } from '../../shared/totals/board-totals.ts';
import { ConflictDetector } from '../boards/conflict-detector.ts';
import { stampAwarenessUpdate, type StampedUser } from './awareness-stamp.ts';
import type { BoardPersister } from './board-persister.ts';
import type { ClientOwners } from './client-owners.ts';
import type { RoomChannel } from './room-bus.ts';

/** What a room needs of a socket. */
export interface RoomConnection {
  readonly id: string;
  /** The author recorded with this connection's edits. */
  readonly userId: string;
  role: Role;
  readonly user: StampedUser;
  send(message: Uint8Array): void;
  close(reason: CloseReason): void;
}

interface Member {
  connection: RoomConnection;
  clientIds: Set<number>;
  droppedWrites: number;
  /** Updates in a row that built on items the server lacked. */
  unresolvedUpdates: number;
  /** Update-carrying messages (sync step 2 and update) received: what "saved" counts. */
  updatesReceived: number;
  /** The count last confirmed to this connection. */
  confirmed: number;
  /** Messages waiting for the persister: each is saved once the update with its ticket is. */
  unconfirmed: { seq: number; ticket: number }[];
  /**
   * The first message that was dropped rather than applied (a viewer's write, an update the server
   * could not resolve). Nothing from it on is confirmed until a later step 2 has brought its content.
   */
  droppedFrom: number | null;
}

/** Writes a viewer may attempt (a stale tab, a bug) before it is disconnected. */
const MAX_DROPPED_WRITES = 5;
/**
 * Updates in a row that build on items the server does not have. An honest client gets there
 * through a race (another tab of the same browser shared an edit before its own connection
 * delivered it) and is cured by one resync; a client that stays there is not honest.
 */
const MAX_UNRESOLVED_UPDATES = 3;
const BUS_ORIGIN = Symbol('bus');

function message(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function savedMessage(through: number): Uint8Array {
  return message(MESSAGE_SAVED, (encoder) => encoding.writeVarUint(encoder, through));
}

function clientIdTakenMessage(clientId: number): Uint8Array {
  return message(MESSAGE_CLIENT_ID_TAKEN, (encoder) => encoding.writeVarUint(encoder, clientId));
}

function syncUpdateMessage(update: Uint8Array): Uint8Array {
  return message(MESSAGE_SYNC, (encoder) => {
    encoding.writeVarUint(encoder, SYNC_UPDATE);
    encoding.writeVarUint8Array(encoder, update);
  });
}

/** A Yjs update with no structs and an empty delete set: what a client with nothing new sends. */
const isEmptyUpdate = (update: Uint8Array) => update.length <= 2 && update.every((byte) => byte === 0);

export class BoardRoom {
  readonly awareness: awarenessProtocol.Awareness;
  readonly totals: LiveTotals;
  readonly conflicts: ConflictDetector;
  private readonly members = new Map<string, Member>();
  /** Told of every connection that joins (session attendance). */
  readonly joinListeners = new Set<(connection: RoomConnection) => void>();

  constructor(
    readonly boardId: string,
    readonly doc: Y.Doc,
    readonly persister: BoardPersister,
    private readonly channel: RoomChannel,
    /** Who may write with which client id (checked before any update is applied). */
    private readonly owners: ClientOwners,
    /** The document's whole state as loaded, when the stored state row alone is all of it. */
    loadedState: Uint8Array | null = null,
  ) {
    owners.reserve(doc.clientID);
    this.wholeStateCache = loadedState;
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
    this.totals = observeTotals(doc);
    this.conflicts = new ConflictDetector(doc, (userId) => this.nameOf(userId));
    doc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  get size(): number {
    return this.members.size;
  }

  connections(): RoomConnection[] {
    return [...this.members.values()].map((member) => member.connection);
  }

  /** The whole document encoded, for clients that have nothing yet; dropped on every change. */
  private wholeStateCache: Uint8Array | null = null;

  /** Encoding a large board costs more than sending it: every new client in a meeting shares one. */
  private wholeState(): Uint8Array {
    return (this.wholeStateCache ??= Y.encodeStateAsUpdate(this.doc));
  }

  /** A sync step 2 with an empty update: "nothing you lack since my last answer". */
  private static readonly emptyStep2 = message(MESSAGE_SYNC, (encoder) => {
    encoding.writeVarUint(encoder, SYNC_STEP_2);
    encoding.writeVarUint8Array(encoder, new Uint8Array([0, 0]));
  });

  /** The sync step 2 carrying wholeState(), framed once per state: every answer shares its bytes. */
  private wholeStateAnswer: { state: Uint8Array; message: Uint8Array } | null = null;
  /** The answer each connection was last sent: asking again before the board changes gets nothing new. */
  private readonly answeredStep1 = new WeakMap<RoomConnection, Uint8Array>();

  private wholeStateMessage(): Uint8Array {
    const state = this.wholeState();
    if (this.wholeStateAnswer?.state !== state) {
      const framed = message(MESSAGE_SYNC, (encoder) => {
        encoding.writeVarUint(encoder, SYNC_STEP_2);
        encoding.writeVarUint8Array(encoder, state);
      });
      this.wholeStateAnswer = { state, message: framed };
    }
    return this.wholeStateAnswer.message;
  }

  /** Members whose last update built on others' edits the server lacked: asked again when the board changes. */
  private readonly awaitingOthers = new Set<Member>();
  private reask: NodeJS.Immediate | null = null;

  private readonly reaskAwaiting = () => {
    this.reask = null;
    for (const member of this.awaitingOthers) if (this.members.get(member.connection.id) === member) this.sendSyncStep1(member.connection);
    this.awaitingOthers.clear();
  };

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown) => {
    this.wholeStateCache = null;
    if (this.awaitingOthers.size > 0) this.reask ??= setImmediate(this.reaskAwaiting);
    const from = typeof origin === 'object' && origin !== null && 'connectionId' in origin ? String(origin.connectionId) : null;
    this.outbox.push({ update, from });
    this.fanOut ??= setImmediate(this.sendOutbox);
    if (origin === BUS_ORIGIN) return;
    this.channel.publish('update', update);
    const author = isBoardOrigin(origin) ? authorOf(origin) : 'system';
    if (!(isBoardOrigin(origin) && origin.kind === 'load')) this.persister.add(update, author);
  };

  /** Updates applied since the last fan-out, with the connection each came from. */
  private outbox: { update: Uint8Array; from: string | null }[] = [];
  private fanOut: NodeJS.Immediate | null = null;

  /**
   * Sends what the room applied in one turn of the event loop (every message that arrived at once)
   * as one merged update. Under many typists this divides the messages every client must decode by
   * the edits per turn, where otherwise each client pays for each edit of everyone. When the turn
   * holds one connection's edits, that connection is spared its own; when it holds several, every
   * member gets the same merge, senders included: a client skips the items it has for less than
   * the server would spend merging a separate update for each sender.
   */
  private readonly sendOutbox = () => {
    this.fanOut = null;
    const outbox = this.outbox;
    this.outbox = [];
    if (outbox.length === 0) return;
    const senders = new Set(outbox.map((entry) => entry.from));
    const soleSender = senders.size === 1 ? outbox[0]!.from : null;
    const payload = syncUpdateMessage(outbox.length === 1 ? outbox[0]!.update : Y.mergeUpdates(outbox.map((entry) => entry.update)));
    for (const member of this.members.values()) {
      if (member.connection.id !== soleSender) member.connection.send(payload);
    }
  };

  /** Awareness client ids changed in this turn of the event loop, relayed together at its end. */
  private readonly awarenessChanged = new Set<number>();
  /** Those changed in this process (not received from the bus), which the bus must hear of. */
  private readonly awarenessChangedHere = new Set<number>();
  private awarenessRelay: NodeJS.Immediate | null = null;
  /** Every awareness state encoded, for a query; dropped on every change. */
  private allAwarenessCache: Uint8Array | null = null;
  /** The answer each connection was last sent to a query: asking again before a change gets nothing. */
  private readonly answeredQuery = new WeakMap<RoomConnection, Uint8Array>();

  /**
   * Presence is relayed like edits (sendOutbox): once per turn, one message with every state that
   * changed in it. Relayed one by one, n clients that each send one update cost n x n messages;
   * merged, the updates that arrive together cost one message per member.
   */
  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0) return;
    this.allAwarenessCache = null;
    for (const clientId of changed) {
      this.awarenessChanged.add(clientId);
      if (origin !== BUS_ORIGIN) this.awarenessChangedHere.add(clientId);
    }
    this.awarenessRelay ??= setImmediate(this.relayAwareness);
  };

  private readonly relayAwareness = () => {
    this.awarenessRelay = null;
    const changed = [...this.awarenessChanged];
    const here = [...this.awarenessChangedHere];
    this.awarenessChanged.clear();
    this.awarenessChangedHere.clear();
    // The room closed during the turn: nobody is left to tell.
    if (this.doc.isDestroyed) return;
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    // Everyone hears it, the sender too: it keeps a lone client's connection watchdog content.
    const payload = message(MESSAGE_AWARENESS, (encoder) => encoding.writeVarUint8Array(encoder, update));
    for (const member of this.members.values()) member.connection.send(payload);
    if (here.length > 0) this.channel.publish('awareness', here.length === changed.length ? update : awarenessProtocol.encodeAwarenessUpdate(this.awareness, here));
  };

  private allAwareness(): Uint8Array {
    this.allAwarenessCache ??= message(MESSAGE_AWARENESS, (encoder) =>
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()])),
    );
    return this.allAwarenessCache;
  }

  /** Applies what another process published for this board. */
  receiveFromBus(kind: 'update' | 'awareness', payload: Uint8Array): void {
    try {
      if (kind === 'update') Y.applyUpdate(this.doc, payload, BUS_ORIGIN);
      else awarenessProtocol.applyAwarenessUpdate(this.awareness, payload, BUS_ORIGIN);
    } catch {
      // A peer process sent garbage: nothing to apply.
    }
  }

  join(connection: RoomConnection): void {
    this.members.set(connection.id, {
      connection,
      clientIds: new Set(),
      droppedWrites: 0,
      unresolvedUpdates: 0,
      updatesReceived: 0,
      confirmed: 0,
      unconfirmed: [],
      droppedFrom: null,
    });
    this.joinListeners.forEach((listener) => listener(connection));
    // Editors get the server's state vector and answer with what the server lacks. A viewer is not
    // asked: it has nothing to contribute, and its answer would be dropped anyway.
    if (canEdit(connection.role)) this.sendSyncStep1(connection);
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) {
      const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, states);
      connection.send(message(MESSAGE_AWARENESS, (encoder) => encoding.writeVarUint8Array(encoder, update)));
    }
  }

  /** A promoted viewer is asked for its state like any editor; a demoted editor turns read-only. */
  changeRole(connection: RoomConnection, role: Role): void {
    const wasEditor = canEdit(connection.role);
    connection.role = role;
    connection.user.role = role;
    if (!wasEditor && canEdit(role)) this.sendSyncStep1(connection);
  }

  private sendSyncStep1(connection: RoomConnection): void {
    connection.send(message(MESSAGE_SYNC, (encoder) => {
      encoding.writeVarUint(encoder, SYNC_STEP_1);
      encoding.writeVarUint8Array(encoder, Y.encodeStateVector(this.doc));
    }));
  }

  leave(connection: RoomConnection): void {
    const member = this.members.get(connection.id);
    if (!member) return;
    this.members.delete(connection.id);
    if (member.clientIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...member.clientIds], connection);
    }
  }

  /** The persister committed every update up to this ticket: confirm the messages that wait for it. */
  announceSaved(committedThrough: number): void {
    for (const member of this.members.values()) {
      let through = 0;
      while (member.unconfirmed.length > 0 && member.unconfirmed[0]!.ticket <= committedThrough) through = member.unconfirmed.shift()!.seq;
      if (through > 0) this.confirm(member, through);
    }
  }

  /** A message was handled: it is saved when everything queued for the database until now is. */
  private handled(member: Member, seq: number): void {
    const ticket = this.persister.queuedThrough;
    if (ticket <= this.persister.committedThrough) this.confirm(member, seq);
    else member.unconfirmed.push({ seq, ticket });
  }

  private confirm(member: Member, seq: number): void {
    const through = member.droppedFrom === null ? seq : Math.min(seq, member.droppedFrom - 1);
    if (through <= member.confirmed) return;
    member.confirmed = through;
    member.connection.send(savedMessage(through));
  }

  /**
   * Handles one message of a connection. Returns a close reason when the connection must go: a
   * malformed message, or a viewer that keeps writing. Nothing malformed touches the document.
   */
  receive(connection: RoomConnection, data: Uint8Array): CloseReason | null {
    const member = this.members.get(connection.id);
    if (!member) return CLOSE.normal;
    try {
      const decoder = decoding.createDecoder(data);
      const type = decoding.readVarUint(decoder);
      switch (type) {
        case MESSAGE_SYNC:
          return this.receiveSync(member, decoder);
        case MESSAGE_AWARENESS: {
          const update = decoding.readVarUint8Array(decoder);
          if (decoding.hasContent(decoder)) return CLOSE.badMessage;
          let taken: number | null = null;
          const stamped = stampAwarenessUpdate(update, connection.user, member.clientIds, (id) => {
            const other = this.isOwnedByOther(member, id);
            if (other) taken ??= id;
            return other;
          });
          if (!stamped.ok) return CLOSE.badMessage;
          if (stamped.value) awarenessProtocol.applyAwarenessUpdate(this.awareness, stamped.value, connection);
          // An honest client shows only its own id: told that it is taken, it takes a fresh one
          // before it writes with it (shared/sync/fresh-client-id.ts).
          if (taken !== null) connection.send(clientIdTakenMessage(taken));
          return null;
        }
        case MESSAGE_QUERY_AWARENESS: {
          if (decoding.hasContent(decoder)) return CLOSE.badMessage;
          // One shared encoding, sent once per change to each connection: a client that keeps
          // asking cannot make the server encode and queue everyone's presence again each time.
          const answer = this.allAwareness();
          if (this.answeredQuery.get(connection) === answer) return null;
          this.answeredQuery.set(connection, answer);
          connection.send(answer);
          return null;
        }
        default:
          return CLOSE.badMessage;
      }
    } catch {
      return CLOSE.badMessage;
    }
  }

  private receiveSync(member: Member, decoder: decoding.Decoder): CloseReason | null {
    const { connection } = member;
    const syncType = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (decoding.hasContent(decoder)) return CLOSE.badMessage;
    if (syncType === SYNC_STEP_1) {
      const stateVector = Y.decodeStateVector(payload);
      if (stateVector.size > 100_000) return CLOSE.badMessage;
      // Every client gets the whole state, whatever it says it has (it skips what it has): one
      // encoding per change of the board, shared by every connection, where a diff per request
      // costs an encoding and a private copy of the board in the queue of each. A request repeated
      // before the board changed is already answered: it gets an empty step 2 (five bytes), so a
      // client that waits for an answer still gets one, and one that keeps asking gains nothing.
      const answer = this.wholeStateMessage();
      if (this.answeredStep1.get(connection) === answer) {
        connection.send(BoardRoom.emptyStep2);
        return null;
      }
      this.answeredStep1.set(connection, answer);
      connection.send(answer);
      return null;
    }
    if (syncType !== SYNC_STEP_2 && syncType !== SYNC_UPDATE) return CLOSE.badMessage;
    // Read the whole update's bytes before anything else, so a malformed one is refused before it
    // can integrate halfway; the byte scan builds no struct, so a huge one costs little to refuse.
    const shape = updateShape(payload);
    const seq = ++member.updatesReceived;
    if (!canEdit(connection.role)) {
      if (isEmptyUpdate(payload)) {
        this.handled(member, seq);
        return null;
      }
      member.droppedFrom ??= seq;
      member.droppedWrites++;
      return member.droppedWrites > MAX_DROPPED_WRITES ? CLOSE.readOnly : null;
    }
    // Only what the member writes under its own client ids is taken. A client also holds other
    // people's edits, and after a crash some of those may be ones the server relayed but had not
    // saved: they are their authors' to bring back. Taken from anyone, one GC struct under a
    // colleague's id would make the server skip that colleague's next edits as known.
    const others = new Set(shape.clients.filter((clientId) => !this.owners.mayUse(clientId, connection.userId)));
    const own = others.size > 0 ? withoutClients(payload, others, (clientId) => Y.getState(this.doc.store, clientId)) : payload;
    // Nothing outside the board schema reaches the document, its readers or the database.
    // The bytes were read once above; a cut update is read anew.
    const verdict = checkUpdate(this.doc, own, connection.role, undefined, own === payload ? shape : undefined);
    if (verdict.kind === 'invalid') return CLOSE.outsideSchema;
    if (verdict.kind === 'unresolved' && others.size > 0) {
      // What the member wrote builds on edits of others the server does not have (yet): asked
      // again once the board changes, no failed resync.
      member.droppedFrom ??= seq;
      this.awaitingOthers.add(member);
      return null;
    }
    if (verdict.kind === 'unresolved') {
      // It cannot be checked without what it builds on: drop it and ask for a whole diff, which
      // carries those items too. An update that arrives while that diff is still asked for was
      // sent before the client could answer (after a reconnect, edits of rows made offline leave
      // before the step 2 that carries the rows, however many there are): drop it, but it is no
      // failed resync and asks for nothing more. Step 2s that still build on missing items count.
      if (syncType === SYNC_UPDATE && member.droppedFrom !== null) return null;
      member.unresolvedUpdates++;
      if (member.unresolvedUpdates > MAX_UNRESOLVED_UPDATES) return CLOSE.outsideSchema;
      member.droppedFrom ??= seq;
      this.sendSyncStep1(connection);
      return null;
    }
    member.unresolvedUpdates = 0;
    if (!this.owners.claimAll(verdict.writtenClients, connection.userId)) return CLOSE.foreignClientId;
    const origin: BoardOrigin = { kind: 'user', userId: connection.userId, connectionId: connection.id };
    Y.applyUpdate(this.doc, own, origin);
    // A step 2 sent after a dropped message answers a state vector that lacked its content, so it
    // carries that content (or the server had it from elsewhere by then).
    if (syncType === SYNC_STEP_2 && member.droppedFrom !== null && seq > member.droppedFrom) member.droppedFrom = null;
    this.handled(member, seq);
    return null;
  }

  /** The display name of a user, known from its connections (current or earlier). */
  nameOf(userId: string): string {
    for (const member of this.members.values()) if (member.connection.userId === userId) this.names.set(userId, member.connection.user.name);
    return this.names.get(userId) ?? (userId === 'admin' ? 'Beheerder' : userId);
  }

  private readonly names = new Map<string, string>();

  /** Whether a presence client id is someone else's; a free one becomes this member's for good. */
  private isOwnedByOther(self: Member, clientId: number): boolean {
    for (const member of this.members.values()) {
      if (member !== self && member.clientIds.has(clientId)) return true;
    }
    return !this.owners.claim(clientId, self.connection.userId);
  }

  destroy(): void {
    if (this.fanOut) clearImmediate(this.fanOut);
    if (this.reask) clearImmediate(this.reask);
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.totals.destroy();
    this.conflicts.destroy();
    this.channel.leave();
    this.doc.destroy();
  }
}

function authorOf(origin: BoardOrigin): string {
  switch (origin.kind) {
    case 'user':
    case 'restore':
    case 'import':
      return origin.userId;
    default:
      return origin.kind;
  }
}
