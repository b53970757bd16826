// The HTTP application: API routes, health, and the built client. Errors become JSON here only.
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { BoardStore } from '../db/board-store.ts';
import type { BoardRegistry } from './boards/board-registry.ts';
import { boardRoutes } from './boards/board-routes.ts';
import { httpError, type ErrorBody } from './http-error.ts';

export interface AppDeps {
  store: BoardStore;
  boards: BoardRegistry;
  /** Folder of the built client; null serves no client (API-only tests). */
  clientDir: string | null;
  /** Answers whether the database answers; for /readyz. */
  checkDatabase: () => Promise<boolean>;
  log?: (message: string, error?: unknown) => void;
}

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  const log = deps.log ?? ((message, error) => console.error(message, error));

  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    log(`${c.req.method} ${c.req.path} failed`, error);
    return c.json<ErrorBody>({ error: 'internal', message: 'Something went wrong on the server.' }, 500);
  });

  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/readyz', async (c) => {
    const database = await deps.checkDatabase().catch(() => false);
    return c.json({ ok: database, database: database ? 'up' : 'down' }, database ? 200 : 503);
  });

  app.route('/api/boards', boardRoutes(deps));
  app.all('/api/*', () => {
    throw httpError(404, 'not-found', 'No such API route.');
  });

  if (deps.clientDir) {
    app.use('/*', serveStatic({ root: deps.clientDir }));
    // Client-side routes all load the same page.
    app.get('/*', serveStatic({ root: deps.clientDir, path: 'index.html' }));
  }
  return app;
}
