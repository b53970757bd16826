// Binds a grid to one sheet of the Y.Doc. The grid starts from the sheet's rows; after that every
// change arrives as a transaction of only the rows that changed (add, update, remove by row id), so
// focus, an open editor, selection, scroll and sort stay where they are when someone else types.
//
// The grid never changes its own data (readOnlyEdit): this browser's edits reach it by the same path
// as everyone else's, and the transaction's origin tells them apart, so only others' edits flash.
import type { GridApi, IRowNode } from 'ag-grid-community';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import * as Y from 'yjs';
import { readPos, readRow, readSheet, sheetMap } from '../../../shared/board/board-doc.ts';
import type { SheetName } from '../../../shared/board/sheets.ts';
import type { ConnectionController } from '../board/connection-controller.ts';
import type { GridRow } from './column-defs.ts';

type DeepEvents = Y.YEvent<Y.AbstractType<unknown>>[];

export class SheetRowsController implements ReactiveController {
  private api?: GridApi<GridRow>;
  private observed?: Y.Map<Y.Map<unknown>>;

  constructor(
    host: ReactiveControllerHost,
    private readonly connection: ConnectionController,
    private readonly sheet: () => SheetName,
    /** Told which rows changed, after the grid has them. */
    private readonly onRowsChanged: (ids: ReadonlySet<string>) => void = () => {},
  ) {
    host.addController(this);
  }

  /** The rows to create the grid with. */
  rowData(): GridRow[] {
    return readSheet(this.connection.connection.doc, this.sheet()).map(({ id, pos, row }) => ({ id, pos, ...row }));
  }

  bind(api: GridApi<GridRow>): void {
    this.unbind();
    this.api = api;
    this.observed = sheetMap(this.connection.connection.doc, this.sheet());
    this.observed.observeDeep(this.onChange);
  }

  /** Row ids in the board's own order. */
  orderIds(): string[] {
    return readSheet(this.connection.connection.doc, this.sheet()).map((entry) => entry.id);
  }

  /** Row ids as the grid shows them now (sorted and filtered), top to bottom. */
  shownIds(): string[] {
    const ids: string[] = [];
    this.api?.forEachNodeAfterFilterAndSort((node) => node.data && ids.push(node.data.id));
    return ids;
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.unbind();
  }

  private unbind(): void {
    this.observed?.unobserveDeep(this.onChange);
    this.observed = undefined;
    this.api = undefined;
  }

  private readonly onChange = (events: DeepEvents, transaction: Y.Transaction) => {
    const api = this.api;
    const map = this.observed;
    if (!api || !map) return;
    const changed = changedCells(events);
    const arranged = arrangedBy(api);
    const add: GridRow[] = [];
    const update: GridRow[] = [];
    const remove: GridRow[] = [];
    const inPlace: [IRowNode<GridRow>, GridRow][] = [];
    for (const [id, fields] of changed) {
      const rowMap = map.get(id);
      const node = api.getRowNode(id);
      if (!(rowMap instanceof Y.Map)) {
        if (node?.data) remove.push(node.data);
        continue;
      }
      const row: GridRow = { id, pos: readPos(rowMap), ...readRow(this.sheet(), rowMap) };
      if (!node) add.push(row);
      else if (arranged && fields.size > 0 && [...fields].every((field) => !arranged.has(field))) inPlace.push([node, row]);
      else update.push(row);
    }
    if (add.length + update.length + remove.length + inPlace.length === 0) return;
    // A transaction sorts and positions every row of the sheet again: on 10,000 rows that is
    // milliseconds per edit, at every keystroke of everyone. A change that cannot move a row or
    // hide it only redraws that row.
    for (const [node, row] of inPlace) node.updateData(row);
    if (add.length + update.length + remove.length > 0) api.applyTransaction({ add, update, remove });
    if (this.connection.connection.isRemote(transaction)) this.flash(api, changed);
    this.onRowsChanged(new Set(changed.keys()));
  };

  /** Others' edits light up briefly, so a person sees where the board moved. */
  private flash(api: GridApi<GridRow>, changed: Map<string, Set<string>>): void {
    for (const [id, fields] of changed) {
      const node = api.getRowNode(id);
      if (!node || fields.size === 0 || fields.has('pos')) continue;
      api.flashCells({ rowNodes: [node as IRowNode<GridRow>], columns: [...fields] });
    }
  }
}

/**
 * The fields the grid's row order depends on now (its position key and any sorted column); null
 * while a filter is on, when any change may show or hide a row.
 */
function arrangedBy(api: GridApi<GridRow>): Set<string> | null {
  if (api.isAnyFilterPresent()) return null;
  const fields = new Set(['pos']);
  for (const column of api.getColumnState()) if (column.sort) fields.add(column.colId);
  return fields;
}

/** Row id -> fields changed, from one transaction's deep events on a sheet map. */
function changedCells(events: DeepEvents): Map<string, Set<string>> {
  const changed = new Map<string, Set<string>>();
  const fieldsOf = (id: string) => changed.get(id) ?? changed.set(id, new Set()).get(id)!;
  for (const event of events) {
    const [first] = event.path;
    if (typeof first === 'string') for (const field of event.changes.keys.keys()) fieldsOf(first).add(field);
    else for (const id of event.changes.keys.keys()) fieldsOf(id);
  }
  return changed;
}
