// A database outage under load: the server reaches PostgreSQL through a proxy the test cuts for 30 s
// while clients keep editing. While it is down nothing made during the outage is confirmed as
// saved, /readyz says not ready, and the board keeps syncing from memory; once it is back every edit
// is written and confirmed within seconds, and survives a kill -9. PGlite runs inside the server
// process and cannot be cut off, so this needs PostgreSQL (DATABASE_URL).
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { confirmedEdits, hasEdit, missing, quiesce, rowIdsOnServer, sleep, startEditLoad, type EditLoad } from './edit-load.ts';
import { startRestartableServer, type RestartableServer } from './restartable-server.ts';
import { waitUntil } from '../shared/eventually.ts';

const OUTAGE_MS = 30_000;
const STALL_MS = 10_000;
/** How long the server's /readyz waits for the database before it answers "down". */
const READINESS_DEADLINE_MS = 2_000;
const CLIENTS = 6;
/** How soon after the database returns every edit must be confirmed (retries back off up to 5 s). */
const RECOVERY_MS = 15_000;

const hasPostgres = Boolean(process.env.DATABASE_URL);
if (!hasPostgres) console.log('db-outage: skipped, it needs PostgreSQL in DATABASE_URL (PGlite runs inside the server and cannot be cut off)');

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function readiness(server: RestartableServer): Promise<{ status: number; body: unknown; ms: number }> {
  const started = Date.now();
  const response = await fetch(`${server.current.url}/readyz`, { signal: AbortSignal.timeout(10_000) });
  return { status: response.status, body: await response.json(), ms: Date.now() - started };
}

/** Each client's own clock now: an edit made later has a higher one. */
const clocksNow = (load: EditLoad) => load.editors.map(({ client }) => Y.getState(client.doc.store, client.doc.clientID));

/** Edits made after `clocks` that a "saved" message has confirmed. */
const confirmedAfter = (load: EditLoad, clocks: number[]) =>
  load.editors.flatMap((editor, index) => confirmedEdits(editor).filter((edit) => edit.clock > clocks[index]!));

async function startLoad() {
  const server = await startRestartableServer({ proxyDatabase: true });
  cleanups.push(() => server.close());
  const load = await startEditLoad(server.url, CLIENTS, 10);
  cleanups.push(async () => load.destroy());
  await waitUntil(() => load.editors.every((editor) => confirmedEdits(editor).length > 0), 10_000, 'saves before the outage');
  return { server, database: server.database!, load };
}

describe.skipIf(!hasPostgres)('a database outage under load', () => {
  it('confirms nothing made during a 30 s outage, keeps syncing, and saves every edit once the database is back', async () => {
    const { server, database, load } = await startLoad();
    expect((await readiness(server)).status).toBe(200);

    database.cut();
    const cutAt = Date.now();
    const clockAtCut = clocksNow(load);
    const madeBeforeCut = load.made().length;
    const readyDuring: number[] = [];
    let notReadyAfterMs: number | null = null;
    while (Date.now() - cutAt < OUTAGE_MS - 5_000) {
      const { status } = await readiness(server);
      readyDuring.push(status);
      if (status !== 200 && notReadyAfterMs === null) notReadyAfterMs = Date.now() - cutAt;
      await sleep(500);
    }
    // The board still syncs between clients from the server's memory.
    const madeByNow = load.made();
    await waitUntil(
      () => load.editors.every(({ client }) => madeByNow.every((edit) => hasEdit(client, edit.id))),
      4_000,
      'clients see each other during the outage',
    );
    await sleep(OUTAGE_MS - (Date.now() - cutAt));
    const readyAtEnd = await readiness(server);
    // Nothing made after the cut is confirmed: no saved vector reaches past a client's clock at the cut.
    const confirmedDuring = confirmedAfter(load, clockAtCut);
    const madeDuring = load.made().length - madeBeforeCut;

    database.restore();
    const restoredAt = Date.now();
    await sleep(2_000);
    await quiesce(load, RECOVERY_MS);
    const recoveredMs = Date.now() - restoredAt;
    const readyAfter = await readiness(server);

    // Everything is confirmed; a kill -9 now loses nothing, read before any client reconnects.
    await server.current.stop('SIGKILL');
    server.clients.cut();
    await server.restart();
    const all = load.made();
    const lost = missing(all, await rowIdsOnServer(server.current.url));

    console.log(
      `db outage: ${madeDuring} edits during ${OUTAGE_MS / 1000} s without the database (${confirmedDuring.length} confirmed), ` +
        `not ready after ${notReadyAfterMs} ms; every edit confirmed ${recoveredMs} ms after it returned; ${all.length} edits, lost after kill -9 ${lost.length}`,
    );
    expect(madeDuring).toBeGreaterThan(CLIENTS * 10 * 20);
    expect(confirmedDuring.map((edit) => edit.id)).toEqual([]);
    expect(notReadyAfterMs).not.toBeNull();
    expect(notReadyAfterMs!).toBeLessThan(5_000);
    expect(readyDuring.slice(readyDuring.findIndex((status) => status !== 200)).every((status) => status === 503)).toBe(true);
    // A write that failed waits for its retry; one that hangs on the dead connection is stalled.
    const savingAtEnd = expect.stringMatching(/^(retrying|stalled)$/);
    expect(readyAtEnd).toMatchObject({ status: 503, body: { ok: false, database: 'down', saving: savingAtEnd } });
    expect(readyAfter).toMatchObject({ status: 200, body: { ok: true, database: 'up', saving: 'ok' } });
    expect(lost).toEqual([]);
  }, 120_000);

  it('answers /readyz by its deadline while the database stalls, confirms nothing meanwhile, and saves everything after', async () => {
    const { server, database, load } = await startLoad();
    // A partition rather than a refusal: connections stay open and nothing comes back.
    database.stall();
    const stalledAt = Date.now();
    const clockAtStall = clocksNow(load);
    const answers: { status: number; ms: number }[] = [];
    while (Date.now() - stalledAt < STALL_MS) {
      const { status, ms } = await readiness(server);
      answers.push({ status, ms });
      await sleep(500);
    }
    const confirmedDuring = confirmedAfter(load, clockAtStall);
    database.restore();
    const restoredAt = Date.now();
    await quiesce(load, RECOVERY_MS);
    const recoveredMs = Date.now() - restoredAt;
    const readyAfter = await readiness(server);

    console.log(
      `db stall: /readyz answered ${answers.map((a) => `${a.status} in ${a.ms} ms`).join(', ')}; ` +
        `${confirmedDuring.length} edits made during the stall confirmed; every edit confirmed ${recoveredMs} ms after it answered again`,
    );
    expect(answers.length).toBeGreaterThan(2);
    expect(answers.every((a) => a.status === 503 && a.ms < READINESS_DEADLINE_MS + 1_000)).toBe(true);
    expect(confirmedDuring.map((edit) => edit.id)).toEqual([]);
    expect(readyAfter).toMatchObject({ status: 200, body: { ok: true, database: 'up', saving: 'ok' } });
  }, 90_000);
});
