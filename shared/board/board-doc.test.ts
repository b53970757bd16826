import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  deleteRow,
  insertRow,
  insertRows,
  moveRow,
  readSettings,
  readSheet,
  setCell,
  setSetting,
  sheetMap,
} from './board-doc.ts';
import { migrateBoard, SCHEMA_VERSION, type BoardMigration } from './migrations.ts';
import { createBoardDoc } from './new-board.ts';
import type { BoardOrigin } from './origins.ts';
import { EMPTY_ROWS } from './sheets.ts';

const alice: BoardOrigin = { kind: 'user', userId: 'alice' };
const bob: BoardOrigin = { kind: 'user', userId: 'bob' };

const beheer = (bouwsteen: string, amount: number | 'ntb' | 'none') => ({
  ...EMPTY_ROWS.beheer,
  bouwsteen,
  amount,
});

/** Two replicas of one board that exchange nothing until sync() is called. */
function replicas() {
  const a = createBoardDoc({ title: 'Test', year: 2025 }, { kind: 'seed' });
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  const sync = () => {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  };
  return { a, b, sync };
}

const must = <T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
};

describe('board document', () => {
  it('keeps both edits when two people change different cells of one row at once', () => {
    const { a, b, sync } = replicas();
    const id = must(insertRow(a, 'beheer', beheer('DigiD', 1000), alice));
    sync();
    must(setCell(a, 'beheer', id, 'amount', 2000, alice));
    must(setCell(b, 'beheer', id, 'opdrachtnemer', 'Logius', bob));
    sync();
    for (const doc of [a, b]) {
      expect(readSheet(doc, 'beheer')[0]?.row).toMatchObject({ amount: 2000, opdrachtnemer: 'Logius' });
    }
  });

  it('keeps both rows when two people insert at the same place, in the same order everywhere', () => {
    const { a, b, sync } = replicas();
    const first = must(insertRow(a, 'beheer', beheer('A', 1), alice));
    const last = must(insertRow(a, 'beheer', beheer('D', 1), alice));
    sync();
    must(insertRow(a, 'beheer', beheer('B', 1), alice, { after: first }));
    must(insertRow(b, 'beheer', beheer('C', 1), bob, { after: first }));
    sync();
    const names = (doc: Y.Doc) => readSheet(doc, 'beheer').map((entry) => entry.row.bouwsteen);
    expect(names(a)).toEqual(names(b));
    expect(names(a)).toHaveLength(4);
    expect(names(a)[0]).toBe('A');
    expect(names(a)[3]).toBe('D');
    expect(readSheet(a, 'beheer').at(-1)?.id).toBe(last);
  });

  it('never duplicates a row that two people move at once', () => {
    const { a, b, sync } = replicas();
    const ids = must(insertRows(a, 'beheer', ['A', 'B', 'C', 'D'].map((n) => beheer(n, 1)), alice));
    sync();
    must(moveRow(a, 'beheer', ids[0]!, ids[2]!, alice));
    must(moveRow(b, 'beheer', ids[0]!, ids[3]!, bob));
    sync();
    const order = (doc: Y.Doc) => readSheet(doc, 'beheer').map((entry) => entry.row.bouwsteen);
    expect(order(a)).toEqual(order(b));
    expect([...order(a)].sort()).toEqual(['A', 'B', 'C', 'D']);
  });

  it('moves a row to the top and after another row', () => {
    const doc = createBoardDoc({ title: 'T', year: 2025 }, { kind: 'seed' });
    const ids = must(insertRows(doc, 'beheer', ['A', 'B', 'C'].map((n) => beheer(n, 1)), alice));
    must(moveRow(doc, 'beheer', ids[2]!, null, alice));
    expect(readSheet(doc, 'beheer').map((e) => e.row.bouwsteen)).toEqual(['C', 'A', 'B']);
    must(moveRow(doc, 'beheer', ids[2]!, ids[1]!, alice));
    expect(readSheet(doc, 'beheer').map((e) => e.row.bouwsteen)).toEqual(['A', 'B', 'C']);
    expect(moveRow(doc, 'beheer', ids[0]!, 'rmissing', alice).ok).toBe(false);
  });

  it('refuses invalid values with a message and leaves the document untouched', () => {
    const doc = createBoardDoc({ title: 'T', year: 2025 }, { kind: 'seed' });
    const id = must(insertRow(doc, 'beheer', beheer('DigiD', 5), alice));
    const before = Y.encodeStateAsUpdate(doc);
    for (const [field, value] of [
      ['amount', -1],
      ['amount', 1.5],
      ['amount', '12'],
      ['domain', 'Mars'],
      ['bouwsteen', 'x'.repeat(1001)],
      ['bouwsteen', 'two\nlines'],
      ['nope', 1],
    ] as const) {
      const result = setCell(doc, 'beheer', id, field, value, alice);
      expect(result.ok, `${field}=${String(value)}`).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/\w{3,}/);
    }
    expect(setCell(doc, 'beheer', 'rnope', 'amount', 1, alice).ok).toBe(false);
    expect(insertRow(doc, 'beheer', { ...beheer('X', 1), extra: 1 }, alice).ok).toBe(false);
    expect(insertRow(doc, 'roadmap', { ...EMPTY_ROWS.roadmap, targetYear: 1900 }, alice).ok).toBe(false);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('deletes rows and reads what other tools wrote tolerantly', () => {
    const doc = createBoardDoc({ title: 'T', year: 2025 }, { kind: 'seed' });
    const id = must(insertRow(doc, 'beheer', beheer('DigiD', 5), alice));
    sheetMap(doc, 'beheer').get(id)!.set('amount', 'garbage');
    expect(readSheet(doc, 'beheer')[0]?.row.amount).toBe('none');
    must(deleteRow(doc, 'beheer', id, alice));
    expect(readSheet(doc, 'beheer')).toEqual([]);
    expect(deleteRow(doc, 'beheer', id, alice).ok).toBe(false);
  });

  it('stores settings validated', () => {
    const doc = createBoardDoc({ title: 'T', year: 2025 }, { kind: 'seed' });
    expect(readSettings(doc).renewalBudget).toBe('none');
    must(setSetting(doc, { ceiling: 'Toegang' }, 50_000_000, alice));
    expect(readSettings(doc).ceilings.Toegang).toBe(50_000_000);
    expect(setSetting(doc, 'renewalBudget', -5, alice).ok).toBe(false);
  });
});

describe('migrations', () => {
  it('brings an old document to the current version once, and refuses a newer one', () => {
    const doc = new Y.Doc();
    const calls: string[] = [];
    const migrations: BoardMigration[] = [
      { version: 1, name: 'one', up: () => calls.push('one') },
      { version: 2, name: 'two', up: (d) => (calls.push('two'), d.getMap('settings').set('x', 1)) },
    ];
    expect(must(migrateBoard(doc, migrations))).toEqual({ from: 0, to: 2, applied: ['one', 'two'] });
    expect(must(migrateBoard(doc, migrations)).applied).toEqual([]);
    expect(calls).toEqual(['one', 'two']);
    expect(migrateBoard(doc, migrations.slice(0, 1)).ok).toBe(false);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(1);
  });
});
