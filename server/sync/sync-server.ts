// The sync endpoint, ws://HOST/sync/<boardId>, on the same port as the HTTP app. Everything is
// checked before the WebSocket exists: path, Origin, credentials, role, capacity. Afterwards each
// message is size- and rate-limited, and decoded by the board's room.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { type Role } from '../../shared/access/roles.ts';
import { CLOSE, type CloseReason } from '../../shared/sync/protocol.ts';
import { roleOn, type AccessChange, type Identity } from '../auth/identity.ts';
import type { BoardRoom, RoomConnection } from './board-room.ts';
import { TokenBucket } from './rate-limit.ts';
import type { Logger } from '../log.ts';
import type { RoomRegistry } from './room-registry.ts';

export interface SyncLimits {
  /** Largest message accepted; larger ones close the connection with 1009 before being buffered. */
  maxMessageBytes: number;
  maxConnections: number;
  /** Upgrades being authenticated at once; more are refused before any work is done. */
  maxPendingUpgrades: number;
  upgradeTimeoutMs: number;
  messagesPerSecond: number;
  messageBurst: number;
  bytesPerSecond: number;
  /** A client that does not read its messages is disconnected past this much buffered output. */
  maxBufferedBytes: number;
}

export const DEFAULT_SYNC_LIMITS: SyncLimits = {
  maxMessageBytes: 8 * 1024 * 1024,
  maxConnections: 5_000,
  maxPendingUpgrades: 256,
  upgradeTimeoutMs: 5_000,
  // Far above typing (a person makes a few edits a second) and a pasted block (one message), while
  // still cutting off a runaway client before it costs the room much.
  messagesPerSecond: 500,
  messageBurst: 1_000,
  bytesPerSecond: 4 * 1024 * 1024,
  maxBufferedBytes: 64 * 1024 * 1024,
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

interface Connection extends RoomConnection {
  readonly identity: Identity;
  readonly room: BoardRoom;
  readonly socket: WebSocket;
}

function refuseUpgrade(socket: Duplex, status: number, error: string, message: string): void {
  const body = JSON.stringify({ error, message });
  const reason = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 503: 'Service Unavailable' }[status] ?? 'Error';
  if (socket.writable) {
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

function userOf(identity: Identity, role: Role) {
  return identity.kind === 'admin'
    ? { id: 'admin', name: 'Beheerder', role, color: '#154273' }
    : { id: identity.memberId, name: identity.displayName, role, color: identity.color };
}

export function attachSyncServer(server: Server, options: SyncServerOptions): SyncServer {
  const limits = { ...DEFAULT_SYNC_LIMITS, ...options.limits };
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes, perMessageDeflate: false });
  const connections = new Map<string, Connection>();
  let pendingUpgrades = 0;

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
    const identity = await options.authenticate({ cookie: request.headers.cookie, authorization: request.headers.authorization });
    if (!identity) return refuse(socket, 401, 'unauthenticated', 'Sign in through an invite link or send a bearer token.');
    const role = roleOn(identity, boardId);
    if (!role) return refuse(socket, 403, 'forbidden', `You have no access to board "${boardId}".`);
    if (connections.size >= limits.maxConnections) return refuse(socket, 503, 'at-capacity', 'Too many connections; try again later.');
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
    let opened = false;
    wss.handleUpgrade(request, socket, head, (ws) => {
      opened = true;
      open(ws, identity, role, room);
    });
    if (!opened) {
      options.rooms.release(room);
      if (!socket.destroyed) socket.destroy();
    }
  }

  function open(socket: WebSocket, identity: Identity, role: Role, room: BoardRoom): void {
    const messages = new TokenBucket(limits.messagesPerSecond, limits.messageBurst);
    const bytes = new TokenBucket(limits.bytesPerSecond, Math.max(limits.bytesPerSecond, limits.maxMessageBytes));
    let alive = true;
    const connection: Connection = {
      id: randomUUID(),
      identity,
      room,
      socket,
      role,
      userId: identity.kind === 'admin' ? 'admin' : identity.memberId,
      user: userOf(identity, role),
      send(data) {
        if (socket.readyState !== socket.OPEN) return;
        if (socket.bufferedAmount > limits.maxBufferedBytes) return closeConnection(connection, CLOSE.rateLimited);
        socket.send(data);
      },
      close: (reason) => closeConnection(connection, reason),
    };
    connections.set(connection.id, connection);
    room.join(connection);
    options.log.info('sync-connected', { boardId: room.boardId, user: connection.userId, role, connections: connections.size });

    socket.on('message', (data: RawData, isBinary: boolean) => {
      if (socket.readyState !== socket.OPEN) return;
      if (!isBinary) return closeConnection(connection, CLOSE.unsupportedData);
      const buffer = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
      if (!messages.take() || !bytes.take(buffer.byteLength)) return closeConnection(connection, CLOSE.rateLimited);
      const verdict = room.receive(connection, new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
      if (verdict) closeConnection(connection, verdict);
    });
    socket.on('pong', () => (alive = true));
    const ping = setInterval(() => {
      if (!alive) return socket.terminate();
      alive = false;
      socket.ping();
    }, PING_INTERVAL_MS);
    socket.on('error', () => socket.terminate());
    socket.once('close', (code: number) => {
      clearInterval(ping);
      options.log.info('sync-disconnected', { boardId: room.boardId, user: connection.userId, code });
      connections.delete(connection.id);
      room.leave(connection);
      options.rooms.release(room);
    });
  }

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    if (pendingUpgrades >= limits.maxPendingUpgrades) return refuse(socket, 503, 'busy', 'Too many connection attempts; try again later.');
    pendingUpgrades++;
    const timeout = setTimeout(() => refuse(socket, 503, 'timeout', 'Connecting took too long.'), limits.upgradeTimeoutMs);
    admit(request, socket, head)
      .catch((error: unknown) => {
        options.log.warn('sync-upgrade-failed', { path: request.url }, error);
        refuse(socket, 503, 'internal', 'The connection could not be set up.');
      })
      .finally(() => {
        clearTimeout(timeout);
        pendingUpgrades--;
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

