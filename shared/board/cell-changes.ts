// Cell-level changes of a sheet from the Yjs events of one transaction: what a session log records.
import * as Y from 'yjs';
import { POS_FIELD } from './board-doc.ts';
import type { SheetName } from './sheets.ts';

export type CellChangeKind = 'cell' | 'row-added' | 'row-deleted';

export interface SheetChange {
  kind: CellChangeKind;
  sheet: SheetName;
  rowId: string;
  field: string;
  before: unknown;
  after: unknown;
}

const plain = (value: unknown): unknown => (value instanceof Y.Map ? value.toJSON() : value);

export function sheetChanges(sheet: SheetName, events: readonly Y.YEvent<Y.AbstractType<unknown>>[]): SheetChange[] {
  const changes: SheetChange[] = [];
  for (const event of events) {
    const [rowId] = event.path;
    if (typeof rowId === 'string') {
      // A row's own map: one entry per field that changed (moves are not logged as edits).
      const row = event.target as Y.Map<unknown>;
      for (const [field, change] of event.changes.keys) {
        if (field === POS_FIELD) continue;
        changes.push({ kind: 'cell', sheet, rowId, field, before: change.oldValue ?? null, after: change.action === 'delete' ? null : row.get(field) });
      }
      continue;
    }
    const map = event.target as Y.Map<unknown>;
    for (const [id, change] of event.changes.keys) {
      if (change.action === 'add') changes.push({ kind: 'row-added', sheet, rowId: id, field: '', before: null, after: plain(map.get(id)) });
      else if (change.action === 'delete') changes.push({ kind: 'row-deleted', sheet, rowId: id, field: '', before: plain(change.oldValue), after: null });
    }
  }
  return changes;
}
