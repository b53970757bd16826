import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../db/test-databases.ts';
import { connectClient } from '../../shared/sync/test-client.ts';
import { startTestPlanbord, TEST_ADMIN_TOKEN, type TestPlanbord } from '../test-planbord.ts';
import type { Metrics } from './metrics-routes.ts';

const SLOW = 90_000;
const pglite = testDrivers().filter((driver) => driver.name === 'pglite');

describe.each(pglite)('metrics on $name', (driver) => {
  let server: TestPlanbord;

  beforeAll(async () => {
    server = await startTestPlanbord(driver);
  }, SLOW);
  afterAll(async () => server?.stop(), SLOW);

  it('are for the admin only', async () => {
    expect((await server.api('/api/admin/metrics', { token: null })).status).toBe(401);
    const member = await server.join('gdi-2025', 'chair', 'Voorzitter');
    expect((await server.api('/api/admin/metrics', { token: member.token })).status).toBe(403);
  });

  it('count open boards and connections, and say whether a collection ran first', async () => {
    const client = connectClient(server.syncUrl, 'gdi-2025', TEST_ADMIN_TOKEN);
    try {
      await client.synced();
      const open = (await (await server.api('/api/admin/metrics?gc=1')).json()) as Metrics;
      expect(open).toMatchObject({ openBoards: 1, connections: 1, afterGc: typeof globalThis.gc === 'function' });
      expect(open.heapUsedBytes).toBeGreaterThan(0);
      expect(open.rssBytes).toBeGreaterThanOrEqual(open.heapUsedBytes);
    } finally {
      client.destroy();
    }
    await expect.poll(async () => ((await (await server.api('/api/admin/metrics')).json()) as Metrics).openBoards, { timeout: 10_000 }).toBe(0);
    const closed = (await (await server.api('/api/admin/metrics')).json()) as Metrics;
    expect(closed).toMatchObject({ connections: 0, afterGc: false });
  }, SLOW);
});
