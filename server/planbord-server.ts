// Wires one Planbord server: stores, seed, admin token, access checks, open boards, the HTTP app
// and the sync endpoint on one port. main.ts gives it the configuration; tests start it directly.
import { serve, type ServerType } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAccessStore } from '../db/access-store.ts';
import { migrationsApplied } from '../db/create-db.ts';
import { createClientIdStore } from '../db/client-id-store.ts';
import { createBoardStore } from '../db/board-store.ts';
import type { DbHandle } from '../db/create-db.ts';
import { createApp } from './app.ts';
import { createLogger, type Logger } from './log.ts';
import { createAccessEvents, type AccessEvents } from './auth/access-events.ts';
import { bootstrapAdminToken } from './auth/admin-token.ts';
import { createAuthenticator } from './auth/authenticator.ts';
import { watchSessionExpiry } from './auth/session-expiry.ts';
import type { AttemptLimits } from './http/attempt-limit.ts';
import { seedDefaultBoard } from './seed.ts';
import { createSessionManager } from './sessions/session-manager.ts';
import { createSessionStore } from '../db/session-store.ts';
import { createRoomRegistry, type RoomRegistry } from './sync/room-registry.ts';
import { singleProcessBus, type RoomBus } from './sync/room-bus.ts';
import { attachSyncServer, type SyncLimits, type SyncServer } from './sync/sync-server.ts';

export interface PlanbordOptions {
  database: DbHandle;
  port: number;
  host: string;
  publicUrl: string;
  clientDir: string | null;
  /** PLANBORD_ADMIN_TOKEN; null lets the server generate one at its first start. */
  adminToken: string | null;
  maxBoards?: number;
  boardIdleMs?: number;
  syncLimits?: Partial<SyncLimits>;
  bus?: RoomBus;
  log?: Logger;
  /** Failed sign-in, join and invite attempts per address (see server/http/attempt-limit.ts). */
  attemptLimits?: Partial<AttemptLimits>;
  /** How often sessions about to expire are looked up, to end their connections on time. */
  sessionExpiryCheckMs?: number;
}

export interface Planbord {
  url: string;
  port: number;
  /** The admin token, if this start generated it (show it once). */
  generatedAdminToken: string | null;
  seeded: 'seeded' | 'present';
  rooms: RoomRegistry;
  sync: SyncServer;
  /** Access changes made through this server (revocations, role changes, logouts). */
  events: AccessEvents;
  /** Stops taking connections, saves every open board, and closes the port (not the database). */
  stop(): Promise<boolean>;
}

export async function startPlanbord(options: PlanbordOptions): Promise<Planbord> {
  const log = options.log ?? createLogger();
  const { db } = options.database;
  const store = createBoardStore(db);
  const access = createAccessStore(db);
  const seeded = await seedDefaultBoard(store);
  const admin = await bootstrapAdminToken(access, options.adminToken);
  if (admin.endedSessions > 0) log.info('admin-token-replaced', { endedAdminSessions: admin.endedSessions });
  const events = createAccessEvents({
    onListenerError: (error, change) => log.warn('access-listener-failed', { kind: change.kind }, error),
  });
  const authenticator = createAuthenticator({ access, adminTokenHash: admin.hash });
  const expiry = watchSessionExpiry({ access, events, log, intervalMs: options.sessionExpiryCheckMs });
  const rooms = createRoomRegistry({
    store,
    clientIds: createClientIdStore(db),
    bus: options.bus ?? singleProcessBus,
    maxBoards: options.maxBoards ?? 500,
    idleMs: options.boardIdleMs ?? 5_000,
    log,
  });
  const sessionStore = createSessionStore(db);
  const sessions = createSessionManager({ store: sessionStore, rooms, log });
  await sessions.resumeAll();
  // The sync endpoint needs the HTTP server, which needs the app: the app asks for the count later.
  let sync: SyncServer | null = null;
  const app = createApp({
    sessions,
    sessionStore,
    store,
    access,
    rooms,
    authenticator,
    events,
    adminTokenHash: admin.hash,
    publicUrl: options.publicUrl,
    clientDir: options.clientDir,
    checkDatabase: () => migrationsApplied(options.database),
    connectionCount: () => sync?.connectionCount() ?? 0,
    log,
    attemptLimits: options.attemptLimits,
  });

  const server: ServerType = await new Promise((resolve) => {
    const started = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, () => resolve(started));
  });
  const httpServer = server as Server;
  const attached = attachSyncServer(httpServer, {
    rooms,
    authenticate: (headers) => authenticator.authenticate(headers),
    subscribeAccess: (listener) => events.subscribe(listener),
    allowedOrigins: [new URL(options.publicUrl).origin],
    limits: options.syncLimits,
    log,
  });
  sync = attached;
  const port = (httpServer.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    generatedAdminToken: admin.generated,
    seeded,
    rooms,
    sync: attached,
    events,
    async stop() {
      expiry.stop();
      await attached.close();
      await sessions.detachAll();
      const saved = await rooms.closeAll();
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
      return saved;
    },
  };
}
