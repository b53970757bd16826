import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createBoardStore, type BoardState, type BoardStore } from './board-store.ts';
import type { JsonValue } from './schema.ts';
import { testDrivers, type TestDatabase } from './test-databases.ts';

const SLOW = 60_000;

/** A board document with text, maps and arrays; every update it makes is captured in order. */
function makeEditedDoc() {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  const meta = doc.getMap('meta');
  const rows = doc.getArray<Y.Map<unknown>>('rows');
  const notes = doc.getText('notes');
  meta.set('title', 'Programmeringsplan 2025');
  meta.set('year', 2025);
  const initialState = Y.encodeStateAsUpdate(doc);

  doc.on('update', (update: Uint8Array) => updates.push(update));
  const row = new Y.Map<unknown>();
  row.set('name', 'Toegang');
  row.set('amount', 12_434_000);
  rows.push([row]);
  notes.insert(0, 'Eerste notitie. ');
  notes.insert(notes.length, 'Tweede, met nul \u0000 en ÿ.');
  notes.delete(0, 7);
  doc.transact(() => {
    meta.set('binary', Uint8Array.from({ length: 256 }, (_, i) => 255 - i));
    row.set('amount', 'ntb');
  });
  meta.set('large', new Uint8Array(randomBytes(1024 * 1024)));
  rows.delete(0, 1);
  return { doc, initialState, updates };
}

function rebuild({ state, updates }: BoardState): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  for (const { update } of updates) Y.applyUpdate(doc, update);
  return doc;
}

/** vitest's toEqual walks a typed array element by element (about 2 s per MB); compare bytes directly. */
function expectBytes(actual: Uint8Array | undefined, expected: Uint8Array | undefined) {
  expect(actual).toBeInstanceOf(Uint8Array);
  expect(expected).toBeInstanceOf(Uint8Array);
  if (!actual || !expected) return;
  expect(Object.getPrototypeOf(actual)).toBe(Uint8Array.prototype);
  expect(actual.byteLength).toBe(expected.byteLength);
  expect(Buffer.compare(actual, expected), 'bytes differ').toBe(0);
}

function expectSameDoc(actual: Y.Doc, expected: Y.Doc) {
  const { large: actualLarge, ...actualMeta } = actual.getMap('meta').toJSON();
  const { large: expectedLarge, ...expectedMeta } = expected.getMap('meta').toJSON();
  expect(actualMeta).toEqual(expectedMeta);
  expectBytes(actualLarge, expectedLarge);
  expect(actual.getArray('rows').toJSON()).toEqual(expected.getArray('rows').toJSON());
  expect(actual.getText('notes').toString()).toBe(expected.getText('notes').toString());
  expectBytes(Y.encodeStateAsUpdate(actual), Y.encodeStateAsUpdate(expected));
}

const asAppends = (updates: Uint8Array[], origin = 'user-1') => updates.map((update) => ({ update, origin }));

for (const driver of testDrivers()) {
  describe.skipIf(!driver.available)(`board store on ${driver.name}`, () => {
    let t: TestDatabase;
    let store: BoardStore;
    beforeAll(async () => {
      t = await driver.open();
      store = createBoardStore(t.handle.db);
    }, SLOW);
    afterAll(() => t?.close(), SLOW);

    let counter = 0;
    const newBoardId = (label: string) => `${label}-${++counter}`;
    const emptyState = () => Y.encodeStateAsUpdate(new Y.Doc());

    it('creates, gets and lists boards', async () => {
      const id = newBoardId('plan');
      const created = await store.createBoard({ id, title: 'Plan 2025', year: 2025 }, emptyState(), 'seed');
      expect(created.ok).toBe(true);
      if (!created.ok) return;
      expect(created.value).toMatchObject({ id, title: 'Plan 2025', year: 2025 });
      expect(created.value.createdAt).toBeInstanceOf(Date);

      expect(await store.getBoard(id)).toEqual(created.value);
      expect(await store.getBoard('no-such-board')).toBeNull();
      expect((await store.listBoards()).map((board) => board.id)).toContain(id);
    });

    it('logs the initial state with its origin and loads it with an empty log', async () => {
      const id = newBoardId('seeded');
      const { initialState } = makeEditedDoc();
      await store.createBoard({ id, title: 'Seeded', year: 2026 }, initialState, 'seed');

      const loaded = await store.loadBoardState(id);
      expectBytes(loaded?.state, initialState);
      expect(loaded?.updates).toEqual([]);
      const log = await t.query(`select origin from board_updates where board_id = '${id}'`);
      expect(log).toEqual([{ origin: 'seed' }]);
    });

    it('gives back every Yjs update byte for byte, in order, and they rebuild the document', async () => {
      const id = newBoardId('yjs');
      const { doc, initialState, updates } = makeEditedDoc();
      expect(updates.some((update) => update.length > 1024 * 1024)).toBe(true);
      expect(updates.some((update) => update.includes(0x00) && update.includes(0xff))).toBe(true);
      await store.createBoard({ id, title: 'Yjs', year: 2025 }, initialState, 'seed');

      const seqs = await store.appendUpdates(id, asAppends(updates));
      expect(seqs).toHaveLength(updates.length);
      expect(seqs.every((seq) => Number.isSafeInteger(seq))).toBe(true);
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);

      const loaded = await store.loadBoardState(id);
      expect(loaded).not.toBeNull();
      if (!loaded) return;
      expect(loaded.updates.map((entry) => entry.seq)).toEqual(seqs);
      loaded.updates.forEach((entry, i) => expectBytes(entry.update, updates[i]));
      expectSameDoc(rebuild(loaded), doc);
    }, SLOW);

    it('compacts the log into the state, and updates appended later still load on top', async () => {
      const id = newBoardId('compact');
      const { doc, initialState, updates } = makeEditedDoc();
      await store.createBoard({ id, title: 'Compact', year: 2025 }, initialState, 'seed');
      const seqs = await store.appendUpdates(id, asAppends(updates));
      const lastSeq = seqs.at(-1) ?? 0;

      const compacted = await store.compact(id, Y.encodeStateAsUpdate(doc), lastSeq);
      expect(compacted).toEqual({ ok: true, value: { removed: updates.length + 1 } });
      const afterCompact = await store.loadBoardState(id);
      expect(afterCompact?.updates).toEqual([]);
      expect(afterCompact && rebuild(afterCompact).getText('notes').toString()).toBe(doc.getText('notes').toString());

      const later: Uint8Array[] = [];
      doc.on('update', (update: Uint8Array) => later.push(update));
      doc.getText('notes').insert(0, 'Na het samenvoegen: ');
      doc.getMap('meta').set('year', 2026);
      const laterSeqs = await store.appendUpdates(id, asAppends(later, 'user-2'));
      expect(laterSeqs[0]).toBeGreaterThan(lastSeq);

      const reloaded = await store.loadBoardState(id);
      expect(reloaded?.updates.map((entry) => entry.seq)).toEqual(laterSeqs);
      if (reloaded) expectSameDoc(rebuild(reloaded), doc);
    }, SLOW);

    it('refuses a compaction older than the one already stored, and one for an unknown board', async () => {
      const id = newBoardId('stale');
      await store.createBoard({ id, title: 'Stale', year: 2025 }, emptyState(), 'seed');
      const [seq = 0] = await store.appendUpdates(id, [{ update: emptyState(), origin: 'user-1' }]);
      expect((await store.compact(id, emptyState(), seq)).ok).toBe(true);

      expect(await store.compact(id, emptyState(), seq - 1)).toEqual({ ok: false, error: 'stale' });
      expect(await store.compact('no-such-board', emptyState(), seq)).toEqual({ ok: false, error: 'board-not-found' });
    });

    it('keeps the logs of different boards apart', async () => {
      const a = newBoardId('apart');
      const b = newBoardId('apart');
      await store.createBoard({ id: a, title: 'A', year: 2025 }, emptyState(), 'seed');
      await store.createBoard({ id: b, title: 'B', year: 2025 }, emptyState(), 'seed');
      const [seqA] = await store.appendUpdates(a, [{ update: new Uint8Array([1]), origin: 'x' }]);
      const [seqB] = await store.appendUpdates(b, [{ update: new Uint8Array([2]), origin: 'x' }]);

      expect((await store.loadBoardState(a))?.updates).toEqual([{ seq: seqA, update: new Uint8Array([1]) }]);
      expect((await store.loadBoardState(b))?.updates).toEqual([{ seq: seqB, update: new Uint8Array([2]) }]);
    });

    it('gives each of many concurrent appends its own seq and loads them all in seq order', async () => {
      const id = newBoardId('concurrent');
      await store.createBoard({ id, title: 'Concurrent', year: 2025 }, emptyState(), 'seed');
      const batches = Array.from({ length: 20 }, (_, i) => [
        { update: new Uint8Array([i, 0]), origin: `user-${i}` },
        { update: new Uint8Array([i, 1]), origin: `user-${i}` },
      ]);

      const seqs = (await Promise.all(batches.map((batch) => store.appendUpdates(id, batch)))).flat();

      expect(new Set(seqs).size).toBe(40);
      const loaded = await store.loadBoardState(id);
      expect(loaded?.updates.map((entry) => entry.seq)).toEqual([...seqs].sort((x, y) => x - y));
      for (const entry of loaded?.updates ?? []) {
        const [batch = -1, position = -1] = entry.update;
        expect(seqs.indexOf(entry.seq)).toBe(batch * 2 + position);
      }
    });

    it('returns no seqs for no updates, and null state for an unknown board', async () => {
      expect(await store.appendUpdates('no-such-board', [])).toEqual([]);
      expect(await store.loadBoardState('no-such-board')).toBeNull();
    });

    it('rejects a duplicate board id and leaves the existing board untouched', async () => {
      const id = newBoardId('duplicate');
      const original = new Uint8Array([0, 1, 2]);
      await store.createBoard({ id, title: 'Original', year: 2025 }, original, 'seed');

      const again = await store.createBoard({ id, title: 'Impostor', year: 2030 }, new Uint8Array([9]), 'seed');

      expect(again).toEqual({ ok: false, error: 'board-exists' });
      expect((await store.getBoard(id))?.title).toBe('Original');
      expect(await store.loadBoardState(id)).toMatchObject({ state: original, updates: [] });
      const log = await t.query(`select count(*)::int as n from board_updates where board_id = '${id}'`);
      expect(log[0]?.n).toBe(1);
    });

    it('writes nothing of a board whose state row fails to insert', async () => {
      const id = newBoardId('half');
      await t.query(`
        create function fail_state_insert() returns trigger language plpgsql as $$
        begin raise exception 'state insert refused'; end $$`);
      await t.query(`
        create trigger fail_state_insert before insert on board_states
          for each row when (new.board_id = '${id}') execute function fail_state_insert()`);
      try {
        await expect(store.createBoard({ id, title: 'Half', year: 2025 }, emptyState(), 'seed')).rejects.toThrow();
      } finally {
        await t.query(`drop trigger fail_state_insert on board_states`);
        await t.query(`drop function fail_state_insert()`);
      }
      expect(await store.getBoard(id)).toBeNull();
      const log = await t.query(`select count(*)::int as n from board_updates where board_id = '${id}'`);
      expect(log[0]?.n).toBe(0);
    });

    it('saves snapshots with exact jsonb totals and record, and lists them newest first without state', async () => {
      const id = newBoardId('snap');
      await store.createBoard({ id, title: 'Snap', year: 2025 }, emptyState(), 'seed');
      const totals: JsonValue = {
        Toegang: { '2025': 12_434_000, '2026': 'ntb', '2027': 'none' },
        'Gegevensuitwisseling – €': [0, 1, Number.MAX_SAFE_INTEGER, -5, 0.125],
        Generiek: null,
        empty: {},
        nested: [[{ deep: true, text: 'zeë "quoted" \\u0041 \\ \t €' }]],
      };
      const { doc } = makeEditedDoc();
      const state = Y.encodeStateAsUpdate(doc);

      const first = await store.saveSnapshot({ boardId: id, name: 'Concept', state, totals, createdBy: 'chair-1' });
      const second = await store.saveSnapshot({
        id: 'vastgesteld-2025',
        boardId: id,
        name: 'Vastgesteld',
        agreed: true,
        state: new Uint8Array([0xff, 0x00]),
        totals: { total: 1 },
        record: { decisions: ['akkoord'], attendees: 7 },
      });
      expect(first.ok && second.ok).toBe(true);
      if (!first.ok || !second.ok) return;

      const loaded = await store.getSnapshot(id, first.value.id);
      expectBytes(first.value.state, state);
      expectBytes(loaded?.state, state);
      const { state: _loadedState, ...loadedRest } = loaded ?? { state: undefined };
      const { state: _savedState, ...savedRest } = first.value;
      expect(loadedRest).toEqual(savedRest);
      expect(loaded?.totals).toEqual(totals);
      expect(loaded).toMatchObject({ agreed: false, createdBy: 'chair-1', record: null, name: 'Concept' });
      expect((await store.getSnapshot(id, 'vastgesteld-2025'))?.record).toEqual({ decisions: ['akkoord'], attendees: 7 });
      const stored = await t.query(`select jsonb_typeof(totals) as type from snapshots where id = '${first.value.id}'`);
      expect(stored[0]?.type).toBe('object');

      const list = await store.listSnapshots(id);
      expect(list.map((snapshot) => snapshot.id).sort()).toEqual([first.value.id, second.value.id].sort());
      expect(list[0]?.createdAt.getTime()).toBeGreaterThanOrEqual(list[1]?.createdAt.getTime() ?? 0);
      expect(list[0]).not.toHaveProperty('state');
      expect(list.find((snapshot) => snapshot.id === first.value.id)?.totals).toEqual(totals);
    }, SLOW);

    it('keeps the state a compaction replaces, for repairing a board whose newest state is damaged', async () => {
      const id = newBoardId('previous');
      const { doc, initialState, updates } = makeEditedDoc();
      await store.createBoard({ id, title: 'Vorige', year: 2025 }, initialState, 'seed');
      expect(await store.previousState(id)).toBeNull();
      const seqs = await store.appendUpdates(id, asAppends(updates));
      expect((await store.compact(id, Y.encodeStateAsUpdate(doc), seqs.at(-1) ?? 0)).ok).toBe(true);
      const previous = await store.previousState(id);
      expectBytes(previous?.state, initialState);
      expect(previous?.savedAt).toBeInstanceOf(Date);
    }, SLOW);

    it('marks a board damaged once, not when its state moved on since the failed load, and closes the mark when it loads', async () => {
      const id = newBoardId('damaged');
      await store.createBoard({ id, title: 'Beschadigd', year: 2025 }, emptyState(), 'seed');
      const { compactedThrough } = (await store.loadBoardState(id))!;
      const report = { kind: 'state-unreadable', reason: 'onleesbaar' } as const;
      expect(await store.markDamaged(id, report, compactedThrough + 1)).toEqual({ ok: false, error: 'stale' });
      expect(await store.markDamaged('no-such-board', report, 0)).toEqual({ ok: false, error: 'board-not-found' });
      const [first, second] = await Promise.all([store.markDamaged(id, report, compactedThrough), store.markDamaged(id, { ...report, reason: 'ander' }, compactedThrough)]);
      expect(first.ok && second.ok && first.value.id === second.value.id).toBe(true);
      expect((await store.loadBoardState(id))?.damaged).toBe(true);
      expect((await store.openDamages()).filter((damage) => damage.boardId === id)).toHaveLength(1);
      await store.resolveDamage(id, 'loaded');
      expect(await store.openDamage(id)).toBeNull();
      expect((await store.loadBoardState(id))?.damaged).toBe(false);
    });

    it('repairs a damaged board in one step: the new state logged and compacted, the damaged state and log rows kept', async () => {
      const id = newBoardId('repair');
      const { doc, initialState, updates } = makeEditedDoc();
      await store.createBoard({ id, title: 'Herstel', year: 2025 }, initialState, 'seed');
      await store.appendUpdates(id, asAppends(updates.slice(0, 2)));
      const stored = (await store.loadBoardState(id))!;
      const marked = await store.markDamaged(id, { kind: 'update-unreadable', reason: 'logregel' }, stored.compactedThrough);
      if (!marked.ok) throw new Error(marked.error);
      const repair = { damageId: marked.value.id, state: Y.encodeStateAsUpdate(doc), replacesCompactedThrough: stored.compactedThrough, from: 'compacted:current', by: 'admin' };
      expect(await store.repairBoard(id, { ...repair, replacesCompactedThrough: stored.compactedThrough - 1 })).toEqual({ ok: false, error: 'stale' });
      expect(await store.repairBoard(id, { ...repair, damageId: 'other' })).toEqual({ ok: false, error: 'not-damaged' });
      const repaired = await store.repairBoard(id, repair);
      if (!repaired.ok) throw new Error(repaired.error);

      const after = await store.loadBoardState(id);
      expect(after).toMatchObject({ compactedThrough: repaired.value.seq, updates: [], damaged: false });
      expectBytes(after?.state, repair.state);
      const [kept] = await t.query(`select damaged_compacted_through, repaired_from, repaired_by from board_damages where id = '${marked.value.id}'`);
      expect(kept).toMatchObject({ repaired_from: 'compacted:current', repaired_by: 'admin' });
      expect(Number(kept?.damaged_compacted_through)).toBe(stored.compactedThrough);
      const keptRows = await t.query(`select seq from board_damaged_updates where damage_id = '${marked.value.id}' order by seq`);
      expect(keptRows.map((row) => Number(row.seq))).toEqual(stored.updates.map((row) => row.seq));
      // Nothing to repair now, and the same repair again is stale.
      expect(await store.repairBoard(id, repair)).toEqual({ ok: false, error: 'stale' });
    }, SLOW);

    it('returns errors for a snapshot of an unknown board or with a taken id, and null for a foreign board', async () => {
      const id = newBoardId('snap-errors');
      await store.createBoard({ id, title: 'Errors', year: 2025 }, emptyState(), 'seed');
      const snapshot = { id: `s-${id}`, boardId: id, name: 'S', state: new Uint8Array([1]), totals: {} };
      expect((await store.saveSnapshot(snapshot)).ok).toBe(true);

      expect(await store.saveSnapshot(snapshot)).toEqual({ ok: false, error: 'snapshot-exists' });
      expect(await store.saveSnapshot({ ...snapshot, id: 'other', boardId: 'no-such-board' })).toEqual({
        ok: false,
        error: 'board-not-found',
      });
      expect(await store.getSnapshot('no-such-board', snapshot.id)).toBeNull();
    });
  });
}
