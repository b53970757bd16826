// AG Grid columns from the sheet's one column definition (shared/board/sheets.ts): the same code
// makes the B&E, renewal and roadmap grids.
import type { CellClassParams, ColDef, ValueFormatterParams } from 'ag-grid-community';
import type { Amount } from '../../../shared/amount.ts';
import { COLUMNS, type ColumnDef, type SheetName } from '../../../shared/board/sheets.ts';
import { formatCell } from './cell-input.ts';

export interface GridRow {
  id: string;
  pos: string;
  [field: string]: unknown;
  /** Pinned total rows carry their label here. */
  totalLabel?: string;
}

export interface CellMarks {
  /** "rowId:field" of cells that break a budget rule, with the reason. */
  violations: Map<string, string>;
  /** "rowId:field" of cells where someone else's cursor is, with their colour and name. */
  cursors: Map<string, { color: string; name: string }>;
}

const amountRank = (value: Amount): number => (typeof value === 'number' ? value : value === 'ntb' ? -1 : -2);

// Rows keep one line, as in a spreadsheet; long texts show in full in a tooltip and in the detail
// panel under the grid, and open in a large editor.
function columnWidth(column: ColumnDef): Partial<ColDef<GridRow>> {
  if (column.kind.type === 'amount') return { width: 150, minWidth: 130 };
  if (column.kind.type === 'text' && column.kind.multiline) return { flex: 2, minWidth: 240 };
  if (column.kind.type === 'text') return { flex: 1, minWidth: 280 };
  return { width: 170 };
}

export function columnDefs(sheet: SheetName, editable: boolean, marks: CellMarks): ColDef<GridRow>[] {
  const firstText = COLUMNS[sheet].find((column) => column.kind.type === 'text')?.field;
  const defs = (COLUMNS[sheet] as readonly ColumnDef[]).map((column): ColDef<GridRow> => {
    const isAmount = column.kind.type === 'amount';
    const def: ColDef<GridRow> = {
      field: column.field,
      colId: column.field,
      // No type inference: an amount column mixes euros with "ntb" and "none", and AG Grid's own
      // number parsing would read the Dutch "3.400" as three point four.
      cellDataType: false,
      headerName: isAmount ? `${column.label} (x € 1.000)` : column.label,
      editable: (params) => editable && !params.node.rowPinned,
      valueFormatter: (params: ValueFormatterParams<GridRow>) =>
        params.node?.rowPinned && column.field === firstText ? String(params.data?.totalLabel ?? '') : formatCell(column, params.value),
      filter: isAmount ? false : 'agTextColumnFilter',
      ...columnWidth(column),
      cellClassRules: {
        'cell-violation': (params: CellClassParams<GridRow>) => marks.violations.has(`${params.data?.id}:${column.field}`),
        'cell-total': (params: CellClassParams<GridRow>) => Boolean(params.node.rowPinned),
        'cell-remote-cursor': (params: CellClassParams<GridRow>) => marks.cursors.has(`${params.data?.id}:${column.field}`),
      },
      cellStyle: (params: CellClassParams<GridRow>) => {
        const cursor = marks.cursors.get(`${params.data?.id}:${column.field}`);
        return cursor ? { outline: `3px solid ${cursor.color}`, outlineOffset: '-3px' } : null;
      },
      tooltipValueGetter: (params) => {
        const key = `${params.data?.id}:${column.field}`;
        const mark = marks.violations.get(key) ?? (marks.cursors.has(key) ? `${marks.cursors.get(key)!.name} staat hier` : undefined);
        return mark ?? (column.kind.type === 'text' && typeof params.value === 'string' && params.value.length > 40 ? params.value : undefined);
      },
    };
    switch (column.kind.type) {
      case 'amount':
        return {
          ...def,
          cellClass: ['ag-right-aligned-cell', 'cell-amount'],
          headerClass: 'ag-right-aligned-header',
          wrapHeaderText: true,
          autoHeaderHeight: true,
          cellEditor: 'agTextCellEditor',
          cellEditorParams: { useFormatter: true },
          comparator: (a: Amount, b: Amount) => amountRank(a) - amountRank(b),
        };
      case 'choice':
        return { ...def, cellEditor: 'agSelectCellEditor', cellEditorParams: { values: [...column.kind.options] } };
      case 'text':
        return column.kind.multiline
          ? { ...def, cellEditor: 'agLargeTextCellEditor', cellEditorPopup: true, cellEditorParams: { maxLength: column.kind.maxLength, rows: 12, cols: 70 } }
          : { ...def, cellEditor: 'agTextCellEditor', cellEditorParams: { maxLength: column.kind.maxLength } };
      case 'year':
        return { ...def, cellEditor: 'agTextCellEditor' };
    }
  });
  // Rows keep the board's order (their position keys) unless someone sorts by a column.
  defs.push({ field: 'pos', colId: 'pos', hide: true, sort: 'asc', sortIndex: 1, suppressColumnsToolPanel: true });
  return defs;
}
