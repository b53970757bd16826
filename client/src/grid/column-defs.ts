// AG Grid columns from the sheet's one column definition (shared/board/sheets.ts): the same code
// makes the B&E, renewal and roadmap grids.
import type { CellClassParams, ColDef, ICellRendererParams, ValueFormatterParams } from 'ag-grid-community';
import type { Amount } from '../../../shared/amount.ts';
import { columnsOf, type ColumnDef, type SheetName } from '../../../shared/board/sheets.ts';
import { formatCell, parseCellInput } from './cell-input.ts';

export interface GridRow {
  id: string;
  pos: string;
  [field: string]: unknown;
  /** Pinned total rows carry their label here. */
  totalLabel?: string;
}

/** What the grid marks on cells; the controllers that own them change the maps in place. */
export interface CellMarks {
  /** "rowId:field" of cells that break a budget rule, with the reason. */
  violations: Map<string, string>;
  /** "rowId:field" of cells where someone else's cursor is, with their colour and name. */
  cursors: Map<string, { color: string; name: string }>;
}

export interface ColumnOptions {
  editable: boolean;
  marks: CellMarks;
  /** The plan year, for headers such as "Gevraagd 2025" and "Doorkijk 2026". */
  year: () => number | null;
}

export const markKey = (rowId: string | undefined, field: string): string => `${rowId}:${field}`;

const amountRank = (value: Amount): number => (typeof value === 'number' ? value : value === 'ntb' ? -1 : -2);

// The plan's own headers name the years; the sheet definition names the columns without them.
const YEAR_OFFSET: Partial<Record<string, number>> = { requested: 0, allocated: 0, outlook1: 1, outlook2: 2 };

function headerOf(column: ColumnDef, year: number | null): string {
  const offset = YEAR_OFFSET[column.field];
  const label = offset !== undefined && year ? `${column.label.replace(/ jaar \d$/, '')} ${year + offset}` : column.label;
  return column.kind.type === 'amount' ? `${label} (x € 1.000)` : label;
}

// Rows keep one line, as in a spreadsheet; long texts show in full in a tooltip and in the detail
// panel beside the grid, and open in a large editor.
function sizing(column: ColumnDef, index: number): Partial<ColDef<GridRow>> {
  if (index === 0 && column.kind.type === 'text') return { width: 280, minWidth: 180, pinned: 'left', lockPinned: true };
  if (column.kind.type === 'amount') return { width: 150, minWidth: 120 };
  if (column.kind.type === 'text' && column.kind.multiline) return { flex: 2, minWidth: 260 };
  if (column.kind.type === 'text') return { flex: 1, minWidth: 200 };
  if (column.kind.type === 'year') return { width: 120 };
  return { width: 175 };
}

function editorOf(column: ColumnDef): Partial<ColDef<GridRow>> {
  // The editor refuses what the document would refuse, in place, with the reason (AG Grid shows it
  // on the editor; invalidEditValueMode "block" keeps the editor open).
  const getValidationErrors = ({ value }: { value: unknown }) => {
    const parsed = parseCellInput(column, value);
    return parsed.ok ? null : [parsed.error];
  };
  switch (column.kind.type) {
    case 'amount':
      return { cellEditor: 'agTextCellEditor', cellEditorParams: { useFormatter: true, getValidationErrors } };
    case 'choice':
      return { cellEditor: 'agSelectCellEditor', cellEditorParams: { values: [...column.kind.options], getValidationErrors } };
    case 'text':
      return column.kind.multiline
        ? {
            cellEditor: 'agLargeTextCellEditor',
            cellEditorPopup: true,
            cellEditorParams: { maxLength: column.kind.maxLength, rows: 14, cols: 80, getValidationErrors },
          }
        : { cellEditor: 'agTextCellEditor', cellEditorParams: { maxLength: column.kind.maxLength, getValidationErrors } };
    case 'year':
      return { cellEditor: 'agTextCellEditor', cellEditorParams: { useFormatter: true, getValidationErrors } };
  }
}

// A rule broken is shown by more than colour: a warning sign, and the reason for screen readers.
function amountCell(text: string, violation: string | undefined): HTMLElement {
  const cell = document.createElement('span');
  cell.textContent = text;
  if (violation) {
    const sign = document.createElement('span');
    sign.className = 'violation-sign';
    sign.textContent = '⚠ ';
    sign.setAttribute('aria-hidden', 'true');
    const reason = document.createElement('span');
    reason.className = 'sr-only';
    reason.textContent = ` (${violation})`;
    cell.prepend(sign);
    cell.append(reason);
  }
  return cell;
}

export function columnDefs(sheet: SheetName, options: ColumnOptions): ColDef<GridRow>[] {
  const { editable, marks } = options;
  const columns = columnsOf(sheet);
  const labelField = columns.find((column) => column.kind.type === 'text')?.field;
  const defs = columns.map((column, index): ColDef<GridRow> => {
    const isAmount = column.kind.type === 'amount';
    const key = (params: { data?: GridRow | undefined }) => markKey(params.data?.id, column.field);
    return {
      field: column.field,
      colId: column.field,
      headerValueGetter: () => headerOf(column, options.year()),
      headerTooltip: column.kind.type === 'text' && column.kind.multiline ? `${column.label}: volledige tekst in het detailpaneel` : undefined,
      editable: (params) => editable && !params.node.rowPinned,
      valueFormatter: (params: ValueFormatterParams<GridRow>) =>
        params.node?.rowPinned ? (column.field === labelField ? String(params.data?.totalLabel ?? '') : isAmount ? formatCell(column, params.value ?? 'none') : '') : formatCell(column, params.value),
      filter: isAmount ? false : 'agTextColumnFilter',
      ...sizing(column, index),
      ...editorOf(column),
      ...(isAmount
        ? {
            cellClass: ['ag-right-aligned-cell', 'cell-amount'],
            headerClass: 'ag-right-aligned-header',
            wrapHeaderText: true,
            autoHeaderHeight: true,
            comparator: (a: Amount, b: Amount) => amountRank(a) - amountRank(b),
            cellRenderer: (params: ICellRendererParams<GridRow>) => amountCell(params.valueFormatted ?? '', marks.violations.get(key(params))),
          }
        : {}),
      cellClassRules: {
        'cell-violation': (params: CellClassParams<GridRow>) => marks.violations.has(key(params)),
        'cell-total': (params: CellClassParams<GridRow>) => Boolean(params.node.rowPinned),
        'cell-remote-cursor': (params: CellClassParams<GridRow>) => marks.cursors.has(key(params)),
      },
      cellStyle: (params: CellClassParams<GridRow>) => {
        const cursor = marks.cursors.get(key(params));
        return cursor ? { outline: `3px solid ${cursor.color}`, outlineOffset: '-3px' } : null;
      },
      tooltipValueGetter: (params) => {
        const mark = marks.violations.get(key(params)) ?? (marks.cursors.has(key(params)) ? `${marks.cursors.get(key(params))!.name} staat hier` : undefined);
        if (mark) return mark;
        return column.kind.type === 'text' && typeof params.value === 'string' && params.value.length > 40 ? params.value : undefined;
      },
    };
  });
  // Rows keep the board's order (their position keys) unless someone sorts by a column.
  defs.push({ field: 'pos', colId: 'pos', hide: true, sort: 'asc', sortIndex: 1 });
  return defs;
}
