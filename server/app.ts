// The HTTP application: API routes, health, and the built client. Errors become JSON here only.
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { AccessStore } from '../db/access-store.ts';
import type { BoardStore } from '../db/board-store.ts';
import type { SessionStore } from '../db/session-store.ts';
import type { AccessEvents } from './auth/access-events.ts';
import { metricsRoutes } from './admin/metrics-routes.ts';
import { accessRoutes } from './auth/access-routes.ts';
import { authRoutes } from './auth/auth-routes.ts';
import type { Authenticator } from './auth/authenticator.ts';
import { requireIdentity } from './auth/middleware.ts';
import { boardAccess, boardRoutes } from './boards/board-routes.ts';
import { conflictRoutes } from './boards/conflict-routes.ts';
import { warmBoard } from './boards/warm-board.ts';
import { roleOn } from './auth/identity.ts';
import { importRoutes, MAX_IMPORT_BYTES } from './boards/import-routes.ts';
import type { SessionManager } from './sessions/session-manager.ts';
import { sessionRoutes } from './sessions/session-routes.ts';
import { snapshotRoutes } from './snapshots/snapshot-routes.ts';
import { httpError, type ErrorBody } from './http-error.ts';
import { checkReadiness } from './readiness/readiness.ts';
import { accessBoundStreams } from './http/access-bound-streams.ts';
import { AttemptLimiter, DEFAULT_ATTEMPT_LIMITS, type AttemptLimits } from './http/attempt-limit.ts';
import { sameOrigin } from './http/same-origin.ts';
import { securityHeaders } from './http/security-headers.ts';
import type { Logger } from './log.ts';
import type { RoomRegistry } from './sync/room-registry.ts';

export const MAX_BODY_BYTES = 64 * 1024;

export interface AppDeps {
  store: BoardStore;
  access: AccessStore;
  rooms: RoomRegistry;
  sessions: SessionManager;
  sessionStore: SessionStore;
  authenticator: Authenticator;
  events: AccessEvents;
  adminTokenHash: string;
  publicUrl: string;
  /** Folder of the built client; null serves no client (API-only tests). */
  clientDir: string | null;
  /** Whether the database answers; for /readyz. */
  checkDatabase: () => Promise<boolean>;
  /** Open sync connections, for the admin's metrics. */
  connectionCount: () => number;
  log: Logger;
  /** Failed sign-in and invite attempts allowed per address (DEFAULT_ATTEMPT_LIMITS when absent). */
  attemptLimits?: Partial<AttemptLimits>;
}

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();

  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    deps.log.warn('request-failed', { method: c.req.method, path: c.req.path }, error);
    return c.json<ErrorBody>({ error: 'internal', message: 'Something went wrong on the server.' }, 500);
  });

  const publicOrigin = new URL(deps.publicUrl).origin;
  app.use('*', securityHeaders(deps.publicUrl));
  app.use('*', sameOrigin({ allowedOrigin: publicOrigin }));

  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/readyz', async (c) => {
    const readiness = await checkReadiness({
      checkDatabase: deps.checkDatabase,
      savingHealthy: deps.rooms.healthy,
      oldestWriteStartedAt: deps.rooms.oldestWriteStartedAt,
    });
    return c.json(readiness, readiness.ok ? 200 : 503);
  });

  const limit = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw httpError(413, 'body-too-large', `This request body is limited to ${maxSize} bytes.`);
      },
    });
  const smallBodies = limit(MAX_BODY_BYTES);
  const importBodies = limit(MAX_IMPORT_BYTES);
  app.use('/api/*', (c, next) => (c.req.path === '/api/boards/import' ? importBodies(c, next) : smallBodies(c, next)));
  // Before the routes, so that changes published while a stream is being opened still end it.
  app.use('/api/*', accessBoundStreams(deps.events));
  const secureCookies = deps.publicUrl.startsWith('https:');
  const attempts = new AttemptLimiter({ ...DEFAULT_ATTEMPT_LIMITS, ...deps.attemptLimits });
  app.route('/api', authRoutes({ ...deps, secureCookies, attempts }));
  app.route('/api/admin', metricsRoutes(deps));
  // Before the guards of /api/boards/:id, which would take "import" for a board id.
  app.route('/api/boards', importRoutes(deps));
  app.use('/api/boards/:id', ...boardAccess(deps.store, deps.authenticator));
  app.use('/api/boards/:id/*', ...boardAccess(deps.store, deps.authenticator));
  app.route('/api/boards', accessRoutes(deps));
  app.route('/api/boards', sessionRoutes({ ...deps, store: deps.sessionStore }));
  app.route('/api/boards', snapshotRoutes(deps));
  app.route('/api/boards', conflictRoutes(deps));
  app.route('/api/boards', boardRoutes(deps));
  // Unknown API routes answer 401 to strangers too, so probing learns nothing.
  app.all('/api/*', requireIdentity(deps.authenticator), () => {
    throw httpError(404, 'not-found', 'No such API route.');
  });

  // A member reloading or following a link to a board page: start loading the board meanwhile.
  app.get('/board/:id{[A-Za-z0-9_-]{1,64}}', async (c, next) => {
    const boardId = c.req.param('id');
    const identity = await deps.authenticator.authenticate({ cookie: c.req.header('cookie') });
    if (identity && roleOn(identity, boardId)) warmBoard(deps.rooms, boardId);
    await next();
  });
  if (deps.clientDir) {
    app.use('/*', serveStatic({ root: deps.clientDir }));
    // Client-side routes (/join, /board/...) all load the same page.
    app.get('/*', serveStatic({ root: deps.clientDir, path: 'index.html' }));
  }
  return app;
}
