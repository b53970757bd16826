// One CSV file per sheet. The Dutch variant is what Dutch Excel opens directly: semicolons, decimal
// commas, UTF-8 with a byte-order mark; the international one uses commas and decimal points.
import * as Y from 'yjs';
import { readSheet } from '../board/board-doc.ts';
import { columnsOf, type SheetName } from '../board/sheets.ts';
import { validateRow, type FieldError } from '../board/validate.ts';
import { err, ok, type Result } from '../result.ts';
import { parseDelimited, quoteCell } from './delimited.ts';
import { exportCell, exportHeaders, importCell, neutraliseFormula, type ExportCell } from './cells.ts';

export type CsvVariant = 'nl' | 'international';

const SEPARATOR: Record<CsvVariant, string> = { nl: ';', international: ',' };
const BOM = '\uFEFF';

function cellText(cell: ExportCell, variant: CsvVariant): string {
  switch (cell.kind) {
    case 'amount':
      return variant === 'nl' ? String(cell.thousands).replace('.', ',') : String(cell.thousands);
    case 'number':
      return String(cell.value);
    case 'text':
      return neutraliseFormula(cell.text);
    case 'empty':
      return '';
  }
}

export function sheetToCsv(doc: Y.Doc, sheet: SheetName, variant: CsvVariant): string {
  const separator = SEPARATOR[variant];
  const lines = [exportHeaders(sheet).map((h) => quoteCell(h, separator)).join(separator)];
  for (const { id, row } of readSheet(doc, sheet)) {
    const record = row as unknown as Record<string, unknown>;
    const cells = columnsOf(sheet).map((column) => cellText(exportCell(column, record[column.field]), variant));
    lines.push([id, ...cells].map((c) => quoteCell(c, separator)).join(separator));
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** RFC 4180 records. */
export function parseCsv(text: string, variant: CsvVariant): string[][] {
  return parseDelimited(text.startsWith(BOM) ? text.slice(1) : text, SEPARATOR[variant]);
}

export interface SheetRowProblem {
  row: number;
  field: string;
  message: string;
}

export interface ImportedRow {
  id: string | null;
  fields: Record<string, unknown>;
}

/** Rows of one sheet from records in the exported layout (header first); all valid or every problem. */
export function recordsToRows(sheet: SheetName, records: string[][], variant: CsvVariant): Result<ImportedRow[], SheetRowProblem[]> {
  const [header, ...body] = records;
  const expected = exportHeaders(sheet);
  if (!header || header.length !== expected.length || header.some((h, i) => h.trim() !== expected[i])) {
    return err([{ row: 1, field: '', message: `De kopregel moet zijn: ${expected.join(' | ')}` }]);
  }
  const problems: SheetRowProblem[] = [];
  const rows: ImportedRow[] = [];
  body.forEach((cells, index) => {
    if (cells.length === 1 && cells[0] === '') return;
    const line = index + 2;
    if (cells.length !== expected.length) return problems.push({ row: line, field: '', message: `Verwacht ${expected.length} kolommen, gevonden ${cells.length}.` });
    const fields: Record<string, unknown> = {};
    const before = problems.length;
    columnsOf(sheet).forEach((column, i) => {
      const raw = cells[i + 1] ?? '';
      const value = importCell(column, column.kind.type === 'amount' && variant === 'international' ? raw.replace('.', ',') : raw);
      if (value.ok) fields[column.field] = value.value;
      else problems.push({ row: line, field: column.field, message: value.error });
    });
    if (problems.length > before) return;
    const checked = validateRow(sheet, fields);
    if (!checked.ok) checked.error.forEach((e: FieldError) => problems.push({ row: line, field: e.field, message: e.message }));
    const id = (cells[0] ?? '').trim();
    rows.push({ id: id === '' ? null : id, fields: checked.ok ? { ...checked.value } : fields });
  });
  return problems.length > 0 ? err(problems) : ok(rows);
}

export function csvToRows(sheet: SheetName, text: string, variant: CsvVariant): Result<ImportedRow[], SheetRowProblem[]> {
  return recordsToRows(sheet, parseCsv(text, variant), variant);
}

