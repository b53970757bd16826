import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createBoardStore, type BoardStore } from '../../db/board-store.ts';
import { testDrivers, type TestDatabase } from '../../db/test-databases.ts';
import { silentLogger } from '../log.ts';
import { BoardPersister, COMPACT_AFTER_ROWS } from './board-persister.ts';

const SLOW = 60_000;

/** The real store, with a switch that makes its writes fail like a database that is down. */
function flakyStore(store: BoardStore) {
  let down = false;
  const failing = async () => {
    throw new Error('database unreachable');
  };
  const wrapped: BoardStore = {
    ...store,
    appendUpdates: (...args) => (down ? failing() : store.appendUpdates(...args)),
    compact: (...args) => (down ? failing() : store.compact(...args)),
  };
  return { store: wrapped, setDown: (value: boolean) => (down = value) };
}

/** The real store, whose compactions fail while `failing` is set; writes still work. */
function failingCompactions(store: BoardStore) {
  let failing = true;
  const wrapped: BoardStore = {
    ...store,
    compact: async (...args) => {
      if (failing) throw new Error('statement timeout');
      return store.compact(...args);
    },
  };
  return { store: wrapped, setFailing: (value: boolean) => (failing = value) };
}

function rebuild(state: { state: Uint8Array; updates: { update: Uint8Array }[] }): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state.state);
  for (const { update } of state.updates) Y.applyUpdate(doc, update);
  return doc;
}

describe.each(testDrivers().filter((driver) => driver.available))('board persister on $name', (driver) => {
  let database: TestDatabase;
  let store: BoardStore;
  let boardCount = 0;

  beforeAll(async () => {
    database = await driver.open();
    store = createBoardStore(database.handle.db);
  }, SLOW);
  afterAll(async () => database?.close(), SLOW);

  async function newBoard() {
    const id = `persist-${++boardCount}`;
    const doc = new Y.Doc();
    await store.createBoard({ id, title: id, year: 2025 }, Y.encodeStateAsUpdate(doc), 'test');
    const loaded = (await store.loadBoardState(id))!;
    return { id, doc, loaded };
  }

  it('logs every update in batches, reports how far its numbered updates are committed, and compacts on close', async () => {
    const { id, doc, loaded } = await newBoard();
    const saved: number[] = [];
    const persister = new BoardPersister({
      boardId: id, doc, store, loggedRows: 0, lastSeq: loaded.compactedThrough,
      onSaved: (sv) => saved.push(sv), onHealth: () => {}, log: silentLogger,
    });
    doc.on('update', (update: Uint8Array, origin: unknown) => persister.add(update, String(origin)));
    const rows = doc.getMap('rows');
    for (let i = 0; i < 20; i++) doc.transact(() => rows.set(`k${i}`, i), i % 2 ? 'alice' : 'bob');
    expect(await persister.flush()).toBe(true);
    expect(saved.length).toBeGreaterThanOrEqual(1);
    expect(persister.queuedThrough).toBe(20);
    expect(saved.at(-1)).toBe(20);
    expect(persister.committedThrough).toBe(20);

    const logged = await database.query(`select origin, count(*)::int as n from board_updates where board_id = '${id}' group by origin order by origin`);
    expect(logged.map((row) => row.origin)).toEqual(expect.arrayContaining(['alice', 'bob']));
    expect(rebuild((await store.loadBoardState(id))!).getMap('rows').toJSON()).toEqual(rows.toJSON());

    expect(await persister.close()).toBe(true);
    const after = (await store.loadBoardState(id))!;
    expect(after.updates).toEqual([]);
    expect(rebuild(after).getMap('rows').toJSON()).toEqual(rows.toJSON());
  }, SLOW);

  it('keeps updates while the database is down, confirms nothing, and writes them when it is back', async () => {
    const { id, doc, loaded } = await newBoard();
    const flaky = flakyStore(store);
    const saved: number[] = [];
    const health: boolean[] = [];
    const persister = new BoardPersister({
      boardId: id, doc, store: flaky.store, loggedRows: 0, lastSeq: loaded.compactedThrough,
      onSaved: (sv) => saved.push(sv), onHealth: (healthy) => health.push(healthy), log: silentLogger,
    });
    doc.on('update', (update: Uint8Array) => persister.add(update, 'alice'));
    flaky.setDown(true);
    doc.getMap('rows').set('during-outage', 1);
    expect(await persister.flush(400)).toBe(false);
    expect(saved).toEqual([]);
    expect(persister.healthy).toBe(false);
    expect(health).toEqual([false]);
    doc.getMap('rows').set('also-during-outage', 2);
    expect(persister.committedThrough).toBe(0);

    flaky.setDown(false);
    expect(await persister.flush(10_000)).toBe(true);
    expect(persister.healthy).toBe(true);
    expect(health).toEqual([false, true]);
    expect(saved.at(-1)).toBe(2);
    expect(rebuild((await store.loadBoardState(id))!).getMap('rows').toJSON()).toEqual({ 'during-outage': 1, 'also-during-outage': 2 });
    await persister.close();
  }, SLOW);
  async function logRows(id: string): Promise<number> {
    const [row] = await database.query(`select count(*)::int as n from board_updates where board_id = '${id}'`);
    return Number(row?.n);
  }

  it('keeps the log of an open board bounded, however many batches it writes', async () => {
    const { id, doc, loaded } = await newBoard();
    const persister = new BoardPersister({
      boardId: id, doc, store, loggedRows: loaded.updates.length, lastSeq: loaded.compactedThrough,
      onSaved: () => {}, onHealth: () => {}, log: silentLogger,
    });
    doc.on('update', (update: Uint8Array) => persister.add(update, 'alice'));
    const rows = doc.getMap('rows');
    let most = 0;
    // Each flush commits one log row, as a board edited a little at a time does.
    for (let i = 0; i < 2.5 * COMPACT_AFTER_ROWS; i++) {
      rows.set(`k${i % 50}`, i);
      expect(await persister.flush()).toBe(true);
      if (i % 25 === 0) most = Math.max(most, await logRows(id));
    }
    most = Math.max(most, await logRows(id));
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(COMPACT_AFTER_ROWS);
    const stored = (await store.loadBoardState(id))!;
    expect(stored.updates.length).toBeLessThan(COMPACT_AFTER_ROWS);
    expect(rebuild(stored).getMap('rows').toJSON()).toEqual(rows.toJSON());
    await persister.close();
    expect(await logRows(id)).toBe(0);
  }, SLOW);

  it('confirms a batch once, and logs it once, when the compaction after it fails', async () => {
    const { id, doc, loaded } = await newBoard();
    const failing = failingCompactions(store);
    const saved: number[] = [];
    const persister = new BoardPersister({
      boardId: id, doc, store: failing.store, loggedRows: COMPACT_AFTER_ROWS, lastSeq: loaded.compactedThrough,
      onSaved: (sv) => saved.push(sv), onHealth: () => {}, log: silentLogger,
    });
    doc.on('update', (update: Uint8Array) => persister.add(update, 'alice'));
    doc.getMap('rows').set('before', 1);
    expect(await persister.flush()).toBe(true);
    expect(saved).toHaveLength(1);
    expect(persister.healthy).toBe(true);
    // The seed row and this batch: nothing written twice, nothing compacted yet.
    expect(await logRows(id)).toBe(2);

    failing.setFailing(false);
    doc.getMap('rows').set('after', 2);
    expect(await persister.flush()).toBe(true);
    expect(saved).toHaveLength(2);
    expect(await logRows(id)).toBe(0);
    expect(rebuild((await store.loadBoardState(id))!).getMap('rows').toJSON()).toEqual({ before: 1, after: 2 });
    await persister.close();
  }, SLOW);
});
