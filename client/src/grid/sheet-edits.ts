// The edits a person makes in a grid, as document changes: typed cells, pasted blocks, new, deleted
// and moved rows. Rows are addressed by id, never by where they are shown; everything is parsed and
// validated before it is written, and a pasted block is written whole or not at all. The caller runs
// these inside one transaction with the user's origin.
import type * as Y from 'yjs';
import { deleteRow, insertRow, moveRow, setCell, sheetMap } from '../../../shared/board/board-doc.ts';
import { MAX_ROW_CHANGES_PER_UPDATE } from '../../../shared/board/update-check.ts';
import type { BoardOrigin } from '../../../shared/board/origins.ts';
import { columnOf, EMPTY_ROWS, type SheetName } from '../../../shared/board/sheets.ts';
import type { DomainOrGeneriek } from '../../../shared/domain.ts';
import { err, ok, type Result } from '../../../shared/result.ts';
import { parseCellInput } from './cell-input.ts';

export interface SheetTarget {
  doc: Y.Doc;
  sheet: SheetName;
  origin: BoardOrigin;
}

/** Writes what was typed into one cell, or says in Dutch why not (and writes nothing). */
export function writeCell(target: SheetTarget, rowId: string, field: string, input: unknown): Result<unknown> {
  const column = columnOf(target.sheet, field);
  if (!column) return err(`Onbekende kolom ${field}.`);
  const parsed = parseCellInput(column, input);
  if (!parsed.ok) return parsed;
  return setCell(target.doc, target.sheet, rowId, field, parsed.value, target.origin);
}

/** A new row's starting values: the sheet's empty row, in the domain the person is looking at. */
export function newRowValues(sheet: SheetName, domain: DomainOrGeneriek | ''): Record<string, unknown> {
  const row: Record<string, unknown> = { ...EMPTY_ROWS[sheet] };
  const column = columnOf(sheet, 'domain');
  if (domain && column?.kind.type === 'choice' && column.kind.options.includes(domain)) row.domain = domain;
  return row;
}

export function addRow(target: SheetTarget, after: string | undefined, domain: DomainOrGeneriek | ''): Result<string> {
  const inserted = insertRow(target.doc, target.sheet, newRowValues(target.sheet, domain), target.origin, after ? { after } : {});
  return inserted.ok ? inserted : err(inserted.error.map((e) => e.message).join(' '));
}

export function removeRow(target: SheetTarget, rowId: string): Result<void> {
  return deleteRow(target.doc, target.sheet, rowId, target.origin);
}

/**
 * Where a row goes when it moves one place up or down among the rows shown (a domain filter hides
 * the others): the id to place it after, null for the top, or undefined when it cannot move.
 */
export function moveTarget(order: readonly string[], shown: readonly string[], rowId: string, direction: -1 | 1): string | null | undefined {
  const index = shown.indexOf(rowId);
  const neighbour = shown[index + direction];
  if (index < 0 || neighbour === undefined) return undefined;
  if (direction === 1) return neighbour;
  const before = order.indexOf(neighbour) - 1;
  return before < 0 ? null : order[before]!;
}

export function shiftRow(target: SheetTarget, order: readonly string[], shown: readonly string[], rowId: string, direction: -1 | 1): Result<void> {
  const after = moveTarget(order, shown, rowId, direction);
  if (after === undefined) return err(direction < 0 ? 'Deze rij staat al bovenaan.' : 'Deze rij staat al onderaan.');
  return moveRow(target.doc, target.sheet, rowId, after, target.origin);
}

export interface PasteArea {
  /** The ids of the rows as shown, top to bottom. */
  rowIds: readonly string[];
  /** The fields of the columns as shown, left to right. */
  fields: readonly string[];
  /** Where the block's top-left cell lands. */
  startRow: number;
  startField: string;
}

export interface PasteResult {
  cells: number;
  newRows: number;
}

/**
 * Pastes a block (rows of cells, as from Excel) from the start cell on. Rows below the last one are
 * added, as in a spreadsheet. Either every cell is valid and all are written, or nothing is and the
 * result lists every problem ("Rij 2, Bedrag B&E: ...").
 */
export function pasteBlock(target: SheetTarget, block: readonly (readonly string[])[], area: PasteArea, domain: DomainOrGeneriek | ''): Result<PasteResult, string[]> {
  const startColumn = area.fields.indexOf(area.startField);
  if (startColumn < 0 || block.length === 0) return err(['Kies eerst een cel om in te plakken.']);
  const errors: string[] = [];
  const updates = new Map<number, Record<string, unknown>>();
  block.forEach((cells, r) => {
    const values: Record<string, unknown> = {};
    cells.forEach((input, c) => {
      const field = area.fields[startColumn + c];
      const column = field ? columnOf(target.sheet, field) : undefined;
      if (!column) {
        if (input.trim() !== '') errors.push(`Rij ${r + 1}, kolom ${c + 1}: valt buiten het blad.`);
        return;
      }
      const parsed = parseCellInput(column, input);
      if (parsed.ok) values[column.field] = parsed.value;
      else errors.push(`Rij ${r + 1}, ${parsed.error}`);
    });
    updates.set(area.startRow + r, values);
  });
  for (const index of updates.keys()) {
    const id = area.rowIds[index];
    if (id && !sheetMap(target.doc, target.sheet).has(id)) errors.push(`Rij ${index - area.startRow + 1}: deze rij is intussen verwijderd.`);
  }
  // The server takes at most this many new rows in one change; more is what import is for.
  const added = [...updates.keys()].filter((index) => !area.rowIds[index]).length;
  if (added > MAX_ROW_CHANGES_PER_UPDATE) {
    errors.push(`Plak hoogstens ${MAX_ROW_CHANGES_PER_UPDATE} nieuwe rijen tegelijk (nu ${added}); importeer een bestand voor meer.`);
  }
  if (errors.length > 0) return err(errors);

  // Everything is checked: from here on no write can fail halfway.
  let cells = 0;
  let newRows = 0;
  let lastId = area.rowIds.at(-1);
  for (const [index, values] of updates) {
    const existing = area.rowIds[index];
    if (existing) {
      for (const [field, value] of Object.entries(values)) {
        const written = setCell(target.doc, target.sheet, existing, field, value, target.origin);
        if (!written.ok) return err([written.error]);
        cells++;
      }
      continue;
    }
    const inserted = insertRow(target.doc, target.sheet, { ...newRowValues(target.sheet, domain), ...values }, target.origin, lastId ? { after: lastId } : {});
    if (!inserted.ok) return err(inserted.error.map((e) => e.message));
    lastId = inserted.value;
    cells += Object.keys(values).length;
    newRows++;
  }
  return ok({ cells, newRows });
}
