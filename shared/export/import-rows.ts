// A new board from rows read out of CSV or XLSX files in the exported layout.
import * as Y from 'yjs';
import { metaMap, POS_FIELD, sheetMap } from '../board/board-doc.ts';
import { migrateBoard } from '../board/migrations.ts';
import { evenKeys } from '../board/order.ts';
import type { BoardOrigin } from '../board/origins.ts';
import { isRowId, newRowId } from '../board/row-id.ts';
import { SHEETS, type SheetName } from '../board/sheets.ts';
import type { ImportedRow } from './csv.ts';

export function rowsToBoard(meta: { title: string; year: number }, sheets: Partial<Record<SheetName, ImportedRow[]>>, origin: BoardOrigin): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    metaMap(doc).set('title', meta.title);
    metaMap(doc).set('year', meta.year);
  }, origin);
  const migrated = migrateBoard(doc);
  if (!migrated.ok) throw new Error(migrated.error);
  doc.transact(() => {
    for (const sheet of SHEETS) {
      const rows = sheets[sheet] ?? [];
      const keys = evenKeys(rows.length);
      const used = new Set<string>();
      rows.forEach(({ id, fields }, index) => {
        const rowId = id && isRowId(id) && !used.has(id) ? id : newRowId();
        used.add(rowId);
        const row = new Y.Map<unknown>();
        for (const [field, value] of Object.entries(fields)) row.set(field, value);
        row.set(POS_FIELD, keys[index]!);
        sheetMap(doc, sheet).set(rowId, row);
      });
    }
  }, origin);
  return doc;
}
