import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardToData } from '../export/board-data.ts';
import { buildPlan2025Board } from '../plan-2025/plan-board.ts';
import { deleteRow, insertRow, readSheet, setCell, setSetting } from './board-doc.ts';
import type { BoardOrigin } from './origins.ts';
import { restoreInto } from './restore.ts';
import { EMPTY_ROWS } from './sheets.ts';

const me: BoardOrigin = { kind: 'user', userId: 'me' };

describe('restoreInto', () => {
  it('brings the live board back to a snapshot with forward edits that merge with a stale client', () => {
    const live = buildPlan2025Board();
    const snapshot = new Y.Doc();
    Y.applyUpdate(snapshot, Y.encodeStateAsUpdate(live));
    const stale = new Y.Doc();
    Y.applyUpdate(stale, Y.encodeStateAsUpdate(live));

    const [first, second] = readSheet(live, 'beheer');
    setCell(live, 'beheer', first!.id, 'amount', 1, me);
    deleteRow(live, 'beheer', second!.id, me);
    insertRow(live, 'beheer', { ...EMPTY_ROWS.beheer, bouwsteen: 'Later' }, me);
    setSetting(live, 'renewalBudget', 5, me);
    Y.applyUpdate(stale, Y.encodeStateAsUpdate(live));
    const staleBefore = Y.encodeStateVector(stale);

    restoreInto(live, snapshot, { kind: 'restore', snapshotId: 's', userId: 'chair' });
    expect(boardToData(live)).toEqual(boardToData(snapshot));
    // A client that saw the edits and then the restore ends at the snapshot too.
    Y.applyUpdate(stale, Y.encodeStateAsUpdate(live, staleBefore));
    expect(boardToData(stale)).toEqual(boardToData(snapshot));
    // Restoring an equal board writes nothing.
    const vector = Y.encodeStateVector(live);
    restoreInto(live, snapshot, { kind: 'restore', snapshotId: 's', userId: 'chair' });
    expect(Y.encodeStateVector(live)).toEqual(vector);
  });
});
