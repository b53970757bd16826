// Attack (on availability): a database whose writes hang, and /readyz answered saving "ok" until
// the write finally failed, so a load balancer kept sending people to a server that saved nothing.
// A board write in flight for longer than STALLED_WRITE_MS now makes /readyz answer 503 with
// saving "stalled", and "ok" again once the write completes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/create-db.ts';
import { testDrivers } from '../../db/test-databases.ts';
import type { Readiness } from '../readiness/readiness.ts';
import { startTestPlanbord, type TestPlanbord } from '../test-planbord.ts';

const SLOW = 90_000;
const BOARD = 'gdi-2025';

/**
 * Makes every write to the board's update log wait until the returned function is called. PGlite
 * runs one transaction at a time, so an open transaction holds everything behind it; on PostgreSQL
 * another connection holds an exclusive lock on the log table.
 */
async function holdWrites(handle: DbHandle): Promise<() => Promise<void>> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let begun = () => {};
  const started = new Promise<void>((resolve) => (begun = resolve));
  const hold = async (first: Promise<unknown>) => {
    await first;
    begun();
    await held;
  };
  const done: Promise<unknown> =
    handle.driver === 'pglite'
      ? handle.client.transaction((tx) => hold(tx.query('select 1')))
      : handle.client.begin((sql) => hold(sql`lock table board_updates in exclusive mode`));
  await started;
  return async () => {
    release();
    await done;
  };
}

describe.each(testDrivers().filter((driver) => driver.available))('readiness with hanging writes on $name', (driver) => {
  let server: TestPlanbord;

  beforeAll(async () => {
    server = await startTestPlanbord(driver);
  }, SLOW);
  afterAll(async () => {
    await server?.stop();
  }, SLOW);

  const readiness = async () => {
    const response = await fetch(`${server.url}/readyz`);
    return { status: response.status, body: (await response.json()) as Readiness };
  };

  /** Polls /readyz until `saving` is the wanted value, or gives up after `attempts` answers (well past the 2 s a write may take). */
  async function waitForSaving(saving: Readiness['saving'], attempts = 24) {
    let last = await readiness();
    for (let i = 1; i < attempts && last.body.saving !== saving; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      last = await readiness();
    }
    return last;
  }

  it('reports saving as stalled while a board write hangs, and ok once it completes', async () => {
    const acquired = await server.planbord.rooms.acquire(BOARD);
    if (!acquired.ok) throw new Error(acquired.error);
    const room = acquired.value;
    try {
      expect(await readiness()).toEqual({ status: 200, body: { ok: true, database: 'up', saving: 'ok' } });
      const release = await holdWrites(server.database.handle);
      room.doc.getMap('meta').set('title', 'Plan, terwijl de database hangt');
      const stalled = await waitForSaving('stalled');
      await release();
      expect(stalled.status).toBe(503);
      expect(stalled.body.saving).toBe('stalled');
      expect(await room.persister.flush()).toBe(true);
      expect(await waitForSaving('ok')).toEqual({ status: 200, body: { ok: true, database: 'up', saving: 'ok' } });
    } finally {
      server.planbord.rooms.release(room);
    }
  });
});
