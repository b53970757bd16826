// What an operator (or a soak test) needs to see whether the process holds on to memory, boards or
// connections it should have let go: memory, open boards and open sync connections. Admin only.
// `?gc=1` first runs a full garbage collection, when the process was started with --expose-gc,
// so heap figures compare live memory rather than the collector's timing.
import { Hono } from 'hono';
import type { Authenticator } from '../auth/authenticator.ts';
import { requireIdentity, type AuthEnv } from '../auth/middleware.ts';
import { httpError } from '../http-error.ts';
import type { RoomRegistry } from '../sync/room-registry.ts';

export interface MetricsDeps {
  authenticator: Authenticator;
  rooms: RoomRegistry;
  /** Open sync connections; the sync endpoint is attached after the app exists, hence a function. */
  connectionCount: () => number;
}

export interface Metrics {
  rssBytes: number;
  heapUsedBytes: number;
  heapTotalBytes: number;
  externalBytes: number;
  arrayBuffersBytes: number;
  /** True when a full collection ran just before the figures were read. */
  afterGc: boolean;
  openBoards: number;
  connections: number;
  uptimeSeconds: number;
}

export function metricsRoutes(deps: MetricsDeps): Hono<AuthEnv> {
  const routes = new Hono<AuthEnv>();
  routes.get('/metrics', requireIdentity(deps.authenticator), (c) => {
    if (c.get('identity').kind !== 'admin') throw httpError(403, 'forbidden', 'Only the admin reads the server metrics.');
    const collect = c.req.query('gc') === '1' ? globalThis.gc : undefined;
    collect?.();
    const memory = process.memoryUsage();
    return c.json<Metrics>({
      rssBytes: memory.rss,
      heapUsedBytes: memory.heapUsed,
      heapTotalBytes: memory.heapTotal,
      externalBytes: memory.external,
      arrayBuffersBytes: memory.arrayBuffers,
      afterGc: collect !== undefined,
      openBoards: deps.rooms.openBoards().length,
      connections: deps.connectionCount(),
      uptimeSeconds: Math.round(process.uptime()),
    });
  });
  return routes;
}
