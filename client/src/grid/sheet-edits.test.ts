import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { MAX_ROW_CHANGES_PER_UPDATE } from '../../../shared/board/update-check.ts';
import { readSheet, sheetMap } from '../../../shared/board/board-doc.ts';
import type { BoardOrigin } from '../../../shared/board/origins.ts';
import { buildPlan2025Board } from '../../../shared/plan-2025/plan-board.ts';
import { addRow, moveTarget, pasteBlock, removeRow, shiftRow, writeCell, type SheetTarget } from './sheet-edits.ts';

const origin: BoardOrigin = { kind: 'user', userId: 'anna' };

function board(): { target: SheetTarget; ids: () => string[]; amount: (id: string) => unknown } {
  const doc = buildPlan2025Board();
  const target: SheetTarget = { doc, sheet: 'beheer', origin };
  return {
    target,
    ids: () => readSheet(doc, 'beheer').map((entry) => entry.id),
    amount: (id) => sheetMap(doc, 'beheer').get(id)?.get('amount'),
  };
}

function countTransactions(doc: Y.Doc): () => number {
  let count = 0;
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    if (transaction.origin === origin) count++;
  });
  return () => count;
}

describe('writeCell', () => {
  it('stores a Dutch amount in thousands as whole euros', () => {
    const { target, ids, amount } = board();
    const id = ids()[0]!;
    expect(writeCell(target, id, 'amount', '12.434')).toEqual({ ok: true, value: 12_434_000 });
    expect(amount(id)).toBe(12_434_000);
  });

  it('refuses what is not an amount and leaves the cell alone', () => {
    const { target, ids, amount } = board();
    const id = ids()[0]!;
    const before = amount(id);
    const result = writeCell(target, id, 'amount', 'twaalf');
    expect(result.ok).toBe(false);
    expect(amount(id)).toBe(before);
  });
});

describe('pasteBlock', () => {
  it('writes a whole block in one transaction, adding rows below the last', () => {
    const { target, ids, amount } = board();
    const shown = ids();
    const transactions = countTransactions(target.doc);
    const fields = ['bouwsteen', 'domain', 'opdrachtnemer', 'amount', 'note'];
    const last = shown.length - 1;
    const result = target.doc.transact(
      () => pasteBlock(target, [['1.111', 'x'], ['2.222', 'y']], { rowIds: shown, fields, startRow: last, startField: 'amount' }, 'Toegang'),
      origin,
    );
    expect(result).toEqual({ ok: true, value: { cells: 4, newRows: 1 } });
    expect(transactions()).toBe(1);
    expect(amount(shown[last]!)).toBe(1_111_000);
    const added = readSheet(target.doc, 'beheer').at(-1)!;
    expect(added.row).toMatchObject({ amount: 2_222_000, note: 'y', domain: 'Toegang' });
  });

  it('writes nothing when one cell is wrong, and names every wrong cell', () => {
    const { target, ids, amount } = board();
    const shown = ids();
    const before = shown.map(amount);
    const result = pasteBlock(target, [['9.999'], ['nee'], ['ntb'], ['1,2,3']], { rowIds: shown, fields: ['amount'], startRow: 0, startField: 'amount' }, '');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toEqual([expect.stringMatching(/^Rij 2, Bedrag B&E/), expect.stringMatching(/^Rij 4, Bedrag B&E/)]);
    expect(shown.map(amount)).toEqual(before);
  });

  it('refuses more new rows in one paste than the server takes in one change, and writes nothing', () => {
    const { target, ids } = board();
    const shown = ids();
    const block = Array.from({ length: shown.length + MAX_ROW_CHANGES_PER_UPDATE + 1 }, () => ['1']);
    const result = pasteBlock(target, block, { rowIds: shown, fields: ['amount'], startRow: 0, startField: 'amount' }, '');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toEqual([expect.stringMatching(/^Plak hoogstens 500 nieuwe rijen/)]);
    expect(ids()).toEqual(shown);
  });

  it('refuses cells that fall off the right edge of the sheet', () => {
    const { target, ids } = board();
    const result = pasteBlock(target, [['1', 'extra']], { rowIds: ids(), fields: ['amount'], startRow: 0, startField: 'amount' }, '');
    expect(result.ok).toBe(false);
  });
});

describe('rows', () => {
  it('adds a row after the chosen one, in the domain shown, and deletes it again', () => {
    const { target, ids } = board();
    const first = ids()[0]!;
    const added = addRow(target, first, 'Toegang');
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    expect(ids()[1]).toBe(added.value);
    expect(sheetMap(target.doc, 'beheer').get(added.value)?.get('domain')).toBe('Toegang');
    expect(removeRow(target, added.value).ok).toBe(true);
    expect(ids()).not.toContain(added.value);
  });

  it('moves a row past the neighbour that is shown, skipping rows a filter hides', () => {
    const order = ['a', 'b', 'c', 'd', 'e'];
    const shown = ['a', 'c', 'e'];
    expect(moveTarget(order, shown, 'c', -1)).toBeNull();
    expect(moveTarget(order, shown, 'e', -1)).toBe('b');
    expect(moveTarget(order, shown, 'c', 1)).toBe('e');
    expect(moveTarget(order, shown, 'a', -1)).toBeUndefined();
    expect(moveTarget(order, shown, 'e', 1)).toBeUndefined();
  });

  it('moves rows in the document', () => {
    const { target, ids } = board();
    const [first, second] = ids();
    expect(shiftRow(target, ids(), ids(), second!, -1).ok).toBe(true);
    expect(ids().slice(0, 2)).toEqual([second, first]);
    expect(shiftRow(target, ids(), ids(), second!, -1).ok).toBe(false);
  });

  it("undoes a deleted row with its values, and only this user's edits", () => {
    const { target, ids, amount } = board();
    const undo = new Y.UndoManager([sheetMap(target.doc, 'beheer')], { trackedOrigins: new Set([origin]), captureTimeout: 0 });
    const [mine, theirs] = ids();
    const before = amount(mine!);
    target.doc.transact(() => removeRow(target, mine!), origin);
    target.doc.transact(() => writeCell({ ...target, origin: { kind: 'user', userId: 'bert' } }, theirs!, 'amount', '5'), { kind: 'user', userId: 'bert' });
    undo.undo();
    expect(ids()).toContain(mine);
    expect(amount(mine!)).toBe(before);
    expect(amount(theirs!)).toBe(5_000);
  });
});
