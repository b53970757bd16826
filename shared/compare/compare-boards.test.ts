import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deleteRow, insertRow, readSheet, setCell, setSetting } from '../board/board-doc.ts';
import type { BoardOrigin } from '../board/origins.ts';
import { EMPTY_ROWS } from '../board/sheets.ts';
import { buildPlan2025Board } from '../plan-2025/plan-board.ts';
import { compareBoards } from './compare-boards.ts';

const me: BoardOrigin = { kind: 'user', userId: 'test' };

describe('compareBoards', () => {
  it('finds exactly the changes made, and how every total moved', () => {
    const before = buildPlan2025Board();
    const after = new Y.Doc();
    Y.applyUpdate(after, Y.encodeStateAsUpdate(before));
    const digid = readSheet(after, 'beheer').find((e) => e.row.bouwsteen === 'DigiD')!;
    const wallet = readSheet(after, 'vernieuwing')[3]!;
    const gone = readSheet(after, 'roadmap')[0]!;
    setCell(after, 'beheer', digid.id, 'amount', 52_000_000, me);
    setCell(after, 'vernieuwing', wallet.id, 'status', wallet.row.status === 'Nieuw' ? 'Doorloper' : 'Nieuw', me);
    const added = insertRow(after, 'beheer', { ...EMPTY_ROWS.beheer, bouwsteen: 'Nieuw', domain: 'Toegang', amount: 1_000 }, me);
    deleteRow(after, 'roadmap', gone.id, me);
    setSetting(after, { ceiling: 'Toegang' }, 120_000_000, me);

    const comparison = compareBoards(before, after);
    expect(comparison.sheets.beheer.changed).toEqual([{ rowId: digid.id, label: 'DigiD', field: 'amount', before: 51_559_000, after: 52_000_000 }]);
    expect(comparison.sheets.vernieuwing.changed.map((c) => [c.rowId, c.field])).toEqual([[wallet.id, 'status']]);
    expect(comparison.sheets.beheer.added).toEqual([{ id: added.ok ? added.value : '', label: 'Nieuw' }]);
    expect(comparison.sheets.roadmap.removed.map((r) => r.id)).toEqual([gone.id]);
    expect(comparison.sheets.roadmap.changed).toEqual([]);
    expect(comparison.settings).toEqual([{ key: 'ceiling:Toegang', before: 'none', after: 120_000_000 }]);

    const total = (path: string) => comparison.totals.find((t) => t.path === path);
    expect(total('beheer.total')).toEqual({ path: 'beheer.total', before: 263_681_000, after: 264_123_000, difference: 442_000 });
    expect(total('beheer.byDomain.Toegang')?.difference).toBe(442_000);
    expect(total('beheer.byDomain.Interactie')).toBeUndefined();
    expect(total('controls.beheer.total.computed')?.difference).toBe(442_000);
    expect(compareBoards(before, before)).toEqual({
      sheets: { beheer: { added: [], removed: [], changed: [] }, vernieuwing: { added: [], removed: [], changed: [] }, roadmap: { added: [], removed: [], changed: [] } },
      settings: [],
      totals: [],
    });
  });
});
