// The sync endpoint, ws://HOST/sync/<boardId>, on the same port as the HTTP app. Everything is
// checked before the WebSocket exists: path, Origin, credentials, role, capacity (in all, per member,
// and upgrades pending per address). Afterwards each message is size- and rate-limited (presence per
// member), decoded by the board's room, and what is queued for a client that does not read is
// bounded per connection and per member.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { type Role } from '../../shared/access/roles.ts';
import { CLOSE, MESSAGE_AWARENESS, type CloseReason } from '../../shared/sync/protocol.ts';
import { roleOn, type AccessChange, type Identity } from '../auth/identity.ts';
import type { BoardRoom, RoomConnection } from './board-room.ts';
import { TokenBucket } from './rate-limit.ts';
import type { Logger } from '../log.ts';
import type { RoomRegistry } from './room-registry.ts';

export interface SyncLimits {
  /** Largest message accepted; larger ones close the connection with 1009 before being buffered. */
  maxMessageBytes: number;
  maxConnections: number;
  /** Open connections of one member (the admin counts as one member); more are refused with 429. */
  maxConnectionsPerMember: number;
  /** Upgrades being authenticated at once; more are refused before any work is done. */
  maxPendingUpgrades: number;
  /** Of those, from one remote address: one address cannot take the slots everyone else needs. */
  maxPendingUpgradesPerAddress: number;
  upgradeTimeoutMs: number;
  messagesPerSecond: number;
  messageBurst: number;
  bytesPerSecond: number;
  /** Presence messages of one member, all its connections together; more wait for their turn. */
  awarenessPerSecond: number;
  awarenessBurst: number;
  /** Output queued for one connection that does not read; past it the connection is closed with 1013. */
  maxBufferedBytes: number;
  /** The same for all connections of one member together. */
  maxBufferedBytesPerMember: number;
}

export const DEFAULT_SYNC_LIMITS: SyncLimits = {
  maxMessageBytes: 8 * 1024 * 1024,
  maxConnections: 5_000,
  // A person with a few tabs and devices; not an attacker's thousands on one invite.
  maxConnectionsPerMember: 10,
  maxPendingUpgrades: 256,
  maxPendingUpgradesPerAddress: 8,
  upgradeTimeoutMs: 5_000,
  // Far above typing (a person makes a few edits a second) and a pasted block (one message), while
  // still cutting off a runaway client before it costs the room much.
  messagesPerSecond: 500,
  messageBurst: 1_000,
  bytesPerSecond: 4 * 1024 * 1024,
  // A cursor moved with a held-down arrow key; the latest state always gets through, late.
  awarenessPerSecond: 20,
  awarenessBurst: 40,
  // Several times a large board's whole state (a new client's first message).
  maxBufferedBytes: 16 * 1024 * 1024,
  maxBufferedBytesPerMember: 32 * 1024 * 1024,
};

export interface SyncServerOptions {
  rooms: RoomRegistry;
  authenticate(headers: { cookie?: string; authorization?: string }): Promise<Identity | null>;
  subscribeAccess(listener: (change: AccessChange) => void): () => void;
  /** Origins a browser may connect from (the configured public URL's origin). */
  allowedOrigins: readonly string[];
  limits?: Partial<SyncLimits>;
  log: Logger;
}

export interface SyncServer {
  connectionCount(): number;
  /** Closes every connection (the rooms are saved by the registry). */
  close(): Promise<void>;
}

const SYNC_PATH = /^\/sync\/([A-Za-z0-9_-]{1,64})\/?$/;
const PING_INTERVAL_MS = 30_000;
const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

/** What one member holds over all its connections: the per-member limits are counted here. */
interface MemberLoad {
  /** Connections open or being opened: a slot is taken before the board is loaded. */
  slots: number;
  readonly connections: Set<Connection>;
  /** Presence messages, shared by the member's connections. */
  readonly awareness: TokenBucket;
  forget: ReturnType<typeof setTimeout> | null;
}

interface Connection extends RoomConnection {
  readonly identity: Identity;
  readonly room: BoardRoom;
  readonly socket: WebSocket;
  readonly load: MemberLoad;
}

function refuseUpgrade(socket: Duplex, status: number, error: string, message: string): void {
  const body = JSON.stringify({ error, message });
  if (socket.writable) {
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

function userOf(identity: Identity, role: Role) {
  return identity.kind === 'admin'
    ? { id: 'admin', name: 'Beheerder', role, color: '#154273' }
    : { id: identity.memberId, name: identity.displayName, role, color: identity.color };
}

/** The admin, however signed in (token or session), is one member. */
const memberKey = (identity: Identity) => (identity.kind === 'admin' ? 'admin' : `member:${identity.memberId}`);

export function attachSyncServer(server: Server, options: SyncServerOptions): SyncServer {
  const limits = { ...DEFAULT_SYNC_LIMITS, ...options.limits };
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes, perMessageDeflate: false });
  const connections = new Map<string, Connection>();
  const members = new Map<string, MemberLoad>();
  let pendingUpgrades = 0;
  const pendingByAddress = new Map<string, number>();

  function refuse(socket: Duplex, status: number, error: string, message: string): void {
    options.log.info('sync-refused', { status, reason: error });
    refuseUpgrade(socket, status, error, message);
  }

  // A socket already closing keeps its first reason: messages still buffered behind the one that
  // closed it must not turn the clean close into an abrupt 1006.
  function closeConnection(connection: Connection, reason: CloseReason): void {
    const { socket } = connection;
    if (socket.readyState === socket.OPEN) socket.close(reason.code, reason.reason);
    else if (socket.readyState !== socket.CLOSING) socket.terminate();
  }

  /**
   * Credentials last refused because their member had all its connections, with that member. A
   * client that keeps trying (y-websocket does, every few seconds; a script, without pause) is
   * refused again before its credentials are looked up, while its member is still at the cap.
   */
  const capped = new Map<string, string>();
  const atCap = (credentials: string) => {
    const key = capped.get(credentials);
    if (key === undefined) return false;
    if ((members.get(key)?.slots ?? 0) >= limits.maxConnectionsPerMember) return true;
    capped.delete(credentials);
    return false;
  };
  const rememberCapped = (credentials: string, key: string) => {
    // Bounded: variations of credentials each cost a lookup before they get here.
    if (capped.size >= 10_000) capped.clear();
    capped.set(credentials, key);
  };

  /** Takes one of the member's connection slots; null when it has them all. */
  function takeSlot(key: string): MemberLoad | null {
    let load = members.get(key);
    if (!load) {
      load = { slots: 0, connections: new Set(), awareness: new TokenBucket(limits.awarenessPerSecond, limits.awarenessBurst), forget: null };
      members.set(key, load);
    }
    if (load.slots >= limits.maxConnectionsPerMember) return null;
    load.slots++;
    if (load.forget) clearTimeout(load.forget);
    load.forget = null;
    return load;
  }

  // A member without connections is forgotten once its presence budget would be whole again, so
  // closing and reopening every connection does not buy a fresh burst.
  function releaseSlot(key: string, load: MemberLoad): void {
    load.slots--;
    if (load.slots > 0) return;
    load.forget = setTimeout(() => {
      if (load.slots === 0 && members.get(key) === load) members.delete(key);
    }, (limits.awarenessBurst / limits.awarenessPerSecond) * 1000);
    load.forget.unref();
  }

  /**
   * Whether a message would queue too much for a client that does not read. A connection with
   * nothing queued always gets it (a board larger than the bound must still reach a new client);
   * past that, its queue and the sum over its member's connections are bounded.
   */
  function overBudget(connection: Connection, bytes: number): boolean {
    const queued = connection.socket.bufferedAmount;
    if (queued === 0) return false;
    if (queued + bytes > limits.maxBufferedBytes) return true;
    let memberQueued = bytes;
    for (const sibling of connection.load.connections) memberQueued += sibling.socket.bufferedAmount;
    return memberQueued > limits.maxBufferedBytesPerMember;
  }

  const unsubscribe = options.subscribeAccess((change) => {
    for (const connection of connections.values()) {
      const { identity } = connection;
      if (change.kind === 'session-ended') {
        if (identity.sessionId === change.sessionId) closeConnection(connection, CLOSE.unauthorized);
      } else if (identity.kind === 'member' && identity.memberId === change.memberId) {
        if (change.kind === 'member-revoked') closeConnection(connection, CLOSE.forbidden);
        else connection.room.changeRole(connection, change.role);
      }
    }
  });

  async function admit(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://planbord').pathname;
    const match = SYNC_PATH.exec(path);
    if (!match) return refuse(socket, 404, 'not-found', 'WebSocket connections go to /sync/<boardId>.');
    const boardId = match[1]!;
    const origin = request.headers.origin;
    if (origin !== undefined && !options.allowedOrigins.includes(origin)) {
      return refuse(socket, 403, 'bad-origin', `Connections from ${origin} are not allowed.`);
    }
    const credentials = `${request.headers.authorization ?? ''}\n${request.headers.cookie ?? ''}`;
    const tooMany = () => refuse(socket, 429, 'too-many-connections', `At most ${limits.maxConnectionsPerMember} connections per member; close another tab or device first.`);
    if (atCap(credentials)) return tooMany();
    const identity = await options.authenticate({ cookie: request.headers.cookie, authorization: request.headers.authorization });
    if (!identity) return refuse(socket, 401, 'unauthenticated', 'Sign in through an invite link or send a bearer token.');
    const role = roleOn(identity, boardId);
    if (!role) return refuse(socket, 403, 'forbidden', `You have no access to board "${boardId}".`);
    if (connections.size >= limits.maxConnections) return refuse(socket, 503, 'at-capacity', 'Too many connections; try again later.');
    const key = memberKey(identity);
    const load = takeSlot(key);
    if (!load) {
      rememberCapped(credentials, key);
      return tooMany();
    }
    let opened = false;
    try {
      const acquired = await options.rooms.acquire(boardId);
      if (!acquired.ok) {
        if (acquired.error === 'board-not-found') return refuse(socket, 404, 'board-not-found', `There is no board "${boardId}".`);
        return refuse(socket, 503, acquired.error, 'The board cannot be opened right now; try again later.');
      }
      const room = acquired.value;
      if (socket.destroyed) return options.rooms.release(room);
      // ws drops some upgrades without calling back: a client that hung up while the board loaded
      // (half-closed socket), a malformed handshake. Their hold on the board must go too, or the
      // board never leaves memory. ws calls back synchronously when it accepts.
      wss.handleUpgrade(request, socket, head, (ws) => {
        opened = true;
        open(ws, identity, role, room, load, key);
      });
      if (!opened) {
        options.rooms.release(room);
        if (!socket.destroyed) socket.destroy();
      }
    } finally {
      if (!opened) releaseSlot(key, load);
    }
  }

  function open(socket: WebSocket, identity: Identity, role: Role, room: BoardRoom, load: MemberLoad, key: string): void {
    const messages = new TokenBucket(limits.messagesPerSecond, limits.messageBurst);
    const bytes = new TokenBucket(limits.bytesPerSecond, Math.max(limits.bytesPerSecond, limits.maxMessageBytes));
    let alive = true;
    const connection: Connection = {
      id: randomUUID(),
      identity,
      room,
      socket,
      load,
      role,
      userId: identity.kind === 'admin' ? 'admin' : identity.memberId,
      user: userOf(identity, role),
      send(data) {
        if (socket.readyState !== socket.OPEN) return;
        if (overBudget(connection, data.byteLength)) return closeConnection(connection, CLOSE.slowReader);
        socket.send(data);
      },
      close: (reason) => closeConnection(connection, reason),
    };
    connections.set(connection.id, connection);
    load.connections.add(connection);
    room.join(connection);
    options.log.info('sync-connected', { boardId: room.boardId, user: connection.userId, role, connections: connections.size });

    const deliver = (message: Uint8Array) => {
      const verdict = room.receive(connection, message);
      if (verdict) closeConnection(connection, verdict);
    };
    // Presence beyond the member's rate waits for its turn, and only the latest message waits: a
    // client sends its whole state each time, so the last one is the one that counts.
    let heldAwareness: Uint8Array | null = null;
    let awarenessTimer: ReturnType<typeof setTimeout> | null = null;
    const receiveAwareness = (message: Uint8Array) => {
      if (heldAwareness === null && load.awareness.take()) return deliver(message);
      heldAwareness = message;
      awarenessTimer ??= setTimeout(releaseAwareness, load.awareness.msUntil());
    };
    const releaseAwareness = () => {
      awarenessTimer = null;
      const held = heldAwareness;
      heldAwareness = null;
      if (held && socket.readyState === socket.OPEN) receiveAwareness(held);
    };

    socket.on('message', (data: RawData, isBinary: boolean) => {
      if (socket.readyState !== socket.OPEN) return;
      if (!isBinary) return closeConnection(connection, CLOSE.unsupportedData);
      const buffer = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
      if (!messages.take() || !bytes.take(buffer.byteLength)) return closeConnection(connection, CLOSE.rateLimited);
      const message = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
      // The type is a varUint; 1 is a single byte.
      if (message[0] === MESSAGE_AWARENESS) receiveAwareness(message);
      else deliver(message);
    });
    socket.on('pong', () => (alive = true));
    const ping = setInterval(() => {
      if (!alive) return socket.terminate();
      alive = false;
      socket.ping();
    }, PING_INTERVAL_MS);
    // ws reports a broken frame, or one over maxPayload, after it has begun the close with the code
    // that says so (1002, 1009) and set a timer that ends the socket; ending it here at once turned
    // that close into 1006.
    socket.on('error', (error) => options.log.info('sync-protocol-error', { boardId: room.boardId, user: connection.userId, error: error.message }));
    socket.once('close', (code: number) => {
      clearInterval(ping);
      if (awarenessTimer) clearTimeout(awarenessTimer);
      options.log.info('sync-disconnected', { boardId: room.boardId, user: connection.userId, code });
      connections.delete(connection.id);
      load.connections.delete(connection);
      releaseSlot(key, load);
      room.leave(connection);
      options.rooms.release(room);
    });
  }

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const address = request.socket.remoteAddress ?? 'unknown';
    const fromAddress = pendingByAddress.get(address) ?? 0;
    if (fromAddress >= limits.maxPendingUpgradesPerAddress) {
      return refuse(socket, 429, 'too-many-attempts', 'Too many connection attempts at once from your address; try again shortly.');
    }
    if (pendingUpgrades >= limits.maxPendingUpgrades) return refuse(socket, 503, 'busy', 'Too many connection attempts; try again later.');
    pendingUpgrades++;
    pendingByAddress.set(address, fromAddress + 1);
    const timeout = setTimeout(() => refuse(socket, 503, 'timeout', 'Connecting took too long.'), limits.upgradeTimeoutMs);
    admit(request, socket, head)
      .catch((error: unknown) => {
        options.log.warn('sync-upgrade-failed', { path: request.url }, error);
        refuse(socket, 503, 'internal', 'The connection could not be set up.');
      })
      .finally(() => {
        clearTimeout(timeout);
        pendingUpgrades--;
        const left = (pendingByAddress.get(address) ?? 1) - 1;
        if (left > 0) pendingByAddress.set(address, left);
        else pendingByAddress.delete(address);
      });
  };
  server.on('upgrade', onUpgrade);

  return {
    connectionCount: () => connections.size,
    async close() {
      server.off('upgrade', onUpgrade);
      unsubscribe();
      for (const connection of connections.values()) closeConnection(connection, CLOSE.shuttingDown);
      wss.close();
    },
  };
}
