// The board as an Excel workbook: a sheet per grid in the plan's layout with Dutch number formats,
// subtotals per domain and totals as real formulas (with their results cached, for readers that do
// not calculate), the control totals, and for an agreed snapshot the session record. Text is always
// written as text, never as a formula, whatever it starts with.
import ExcelJS from 'exceljs';
import type * as Y from 'yjs';
import { readMeta, readSheet } from '../../shared/board/board-doc.ts';
import { columnsOf, type SheetName } from '../../shared/board/sheets.ts';
import { DOMAINS, DOMAINS_AND_GENERIEK } from '../../shared/domain.ts';
import { eurosToThousands, exportCell, exportHeaders } from '../../shared/export/cells.ts';
import { recordsToRows, type ImportedRow, type SheetRowProblem } from '../../shared/export/csv.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import type { BoardTotals } from '../../shared/totals/types.ts';

export const SHEET_TITLES: Record<SheetName, string> = { beheer: 'Beheer en exploitatie', vernieuwing: 'Vernieuwing', roadmap: 'Roadmap' };

export interface SessionRecord {
  title: string;
  attendees: { name: string; role: string }[];
  changes: { at: string; author: string; sheet: string; rowId: string; field: string; before: unknown; after: unknown }[];
}

const numberFormat = (thousands: number) => (Number.isInteger(thousands) ? '#,##0' : '#,##0.0##');
const columnLetter = (index: number) => String.fromCharCode(65 + index); // sheets have fewer than 26 columns
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };

function addSheet(workbook: ExcelJS.Workbook, doc: Y.Doc, sheet: SheetName, totals: BoardTotals): void {
  const ws = workbook.addWorksheet(SHEET_TITLES[sheet], { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = columnsOf(sheet);
  ws.columns = exportHeaders(sheet).map((header, i) => {
    const column = columns[i - 1];
    const wide = column?.kind.type === 'text' && column.kind.multiline;
    return { header, width: i === 0 ? 14 : column?.kind.type === 'amount' ? 16 : wide ? 60 : 30 };
  });
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = HEADER_FILL;
  const rows = readSheet(doc, sheet);
  rows.forEach(({ id, row }, r) => {
    const excelRow = ws.getRow(r + 2);
    excelRow.getCell(1).value = id;
    const record = row as unknown as Record<string, unknown>;
    columns.forEach((column, c) => {
      const cell = excelRow.getCell(c + 2);
      const value = exportCell(column, record[column.field]);
      if (value.kind === 'amount') {
        cell.value = value.thousands;
        cell.numFmt = numberFormat(value.thousands);
      } else if (value.kind === 'number') cell.value = value.value;
      else if (value.kind === 'text') {
        // A string value is stored as text; exceljs writes a formula only for { formula } values.
        cell.value = value.text;
        if (value.text === 'ntb' || value.text === '-') cell.alignment = { horizontal: 'right' };
        else cell.alignment = { wrapText: true, vertical: 'top' };
      }
    });
  });
  if (sheet === 'roadmap') return;

  // Subtotals per domain (SUMIF on the domain column) and the total (SUM), below the rows.
  const last = rows.length + 1;
  const domainColumn = columnLetter(columns.findIndex((c) => c.field === 'domain') + 1);
  const labelColumn = columns.findIndex((c) => c.kind.type === 'text') + 2;
  const amountColumns = columns.map((c, i) => ({ column: c, letter: columnLetter(i + 1) })).filter(({ column }) => column.kind.type === 'amount');
  const groupTotals = (domain: string): Record<string, number> =>
    sheet === 'beheer'
      ? { amount: totals.beheer.byDomain[domain as (typeof DOMAINS)[number]] }
      : (() => {
          const g = totals.renewal.byDomain[domain as (typeof DOMAINS_AND_GENERIEK)[number]];
          return { requested: g.requested, allocated: g.allocated, outlook1: g.outlook[0], outlook2: g.outlook[1] };
        })();
  const domains = sheet === 'beheer' ? DOMAINS : DOMAINS_AND_GENERIEK;
  let at = last + 2;
  for (const domain of domains) {
    const excelRow = ws.getRow(at++);
    excelRow.getCell(labelColumn).value = `Subtotaal ${domain}`;
    excelRow.font = { bold: true };
    const expected = groupTotals(domain);
    for (const { column, letter } of amountColumns) {
      const result = eurosToThousands(expected[column.field] ?? 0);
      const cell = excelRow.getCell(letter.charCodeAt(0) - 64);
      cell.value = { formula: `SUMIF($${domainColumn}$2:$${domainColumn}$${last},"${domain}",${letter}$2:${letter}$${last})`, result };
      cell.numFmt = numberFormat(result);
    }
  }
  const totalRow = ws.getRow(at);
  totalRow.getCell(labelColumn).value = 'Totaal';
  totalRow.font = { bold: true };
  totalRow.border = { top: { style: 'thin' } };
  const grand: Record<string, number> =
    sheet === 'beheer'
      ? { amount: totals.beheer.total }
      : { requested: totals.renewal.requested, allocated: totals.renewal.allocated, outlook1: totals.renewal.outlook[0], outlook2: totals.renewal.outlook[1] };
  for (const { column, letter } of amountColumns) {
    const result = eurosToThousands(grand[column.field] ?? 0);
    const cell = totalRow.getCell(letter.charCodeAt(0) - 64);
    cell.value = { formula: `SUM(${letter}2:${letter}${last})`, result };
    cell.numFmt = numberFormat(result);
  }
}

function addControls(workbook: ExcelJS.Workbook, totals: BoardTotals): void {
  const ws = workbook.addWorksheet('Controletotalen', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: 'Genoemd totaal', width: 50 },
    { header: 'Genoemd (x € 1.000)', width: 18 },
    { header: 'Berekend (x € 1.000)', width: 18 },
    { header: 'Verschil (x € 1.000)', width: 18 },
    { header: 'Bron', width: 70 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = HEADER_FILL;
  totals.controls.forEach((control, i) => {
    const row = ws.getRow(i + 2);
    row.getCell(1).value = control.label;
    row.getCell(2).value = eurosToThousands(control.stated);
    if (control.computed !== null) {
      row.getCell(3).value = eurosToThousands(control.computed);
      row.getCell(4).value = { formula: `C${i + 2}-B${i + 2}`, result: (control.difference ?? 0) / 1000 };
    }
    row.getCell(5).value = control.source;
    for (const c of [2, 3, 4]) row.getCell(c).numFmt = '#,##0.###;-#,##0.###;0';
  });
}

function addSession(workbook: ExcelJS.Workbook, record: SessionRecord): void {
  const ws = workbook.addWorksheet('Sessie');
  ws.addRow([`Sessie: ${record.title}`]).font = { bold: true, size: 14 };
  ws.addRow(['Aanwezig']).font = { bold: true };
  for (const attendee of record.attendees) ws.addRow([attendee.name, attendee.role]);
  ws.addRow([]);
  ws.addRow(['Tijd', 'Wie', 'Blad', 'Rij', 'Veld', 'Was', 'Wordt']).font = { bold: true };
  for (const change of record.changes) {
    ws.addRow([change.at, change.author, change.sheet, change.rowId, change.field, JSON.stringify(change.before ?? null), JSON.stringify(change.after ?? null)]);
  }
  ws.columns.forEach((column) => (column.width = 22));
}

export async function boardToXlsx(doc: Y.Doc, totals: BoardTotals, record: SessionRecord | null = null): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Planbord';
  workbook.title = readMeta(doc).title;
  for (const sheet of ['beheer', 'vernieuwing', 'roadmap'] as const) addSheet(workbook, doc, sheet, totals);
  addControls(workbook, totals);
  if (record) addSession(workbook, record);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function cellToText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value).replace('.', ',');
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((part) => part.text).join('');
  return String(value);
}

/** Rows of each grid sheet of a workbook in the exported layout; all valid or every problem. */
export async function xlsxToRows(buffer: Buffer): Promise<Result<Record<SheetName, ImportedRow[]>, (SheetRowProblem & { sheet: SheetName })[]>> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return err([{ sheet: 'beheer', row: 0, field: '', message: 'Dit is geen leesbaar Excel-bestand (.xlsx).' }]);
  }
  const problems: (SheetRowProblem & { sheet: SheetName })[] = [];
  const result = {} as Record<SheetName, ImportedRow[]>;
  for (const sheet of ['beheer', 'vernieuwing', 'roadmap'] as const) {
    const ws = workbook.getWorksheet(SHEET_TITLES[sheet]);
    if (!ws) {
      problems.push({ sheet, row: 0, field: '', message: `Het tabblad "${SHEET_TITLES[sheet]}" ontbreekt.` });
      continue;
    }
    const width = exportHeaders(sheet).length;
    const records: string[][] = [];
    // The data ends at the first empty row; subtotals follow it.
    for (let r = 1; r <= ws.rowCount; r++) {
      const cells = Array.from({ length: width }, (_, c) => cellToText(ws.getRow(r).getCell(c + 1).value));
      if (cells.every((cell) => cell === '')) break;
      records.push(cells);
    }
    const rows = recordsToRows(sheet, records, 'nl');
    if (rows.ok) result[sheet] = rows.value;
    else problems.push(...rows.error.map((problem) => ({ ...problem, sheet })));
  }
  return problems.length > 0 ? err(problems) : ok(result);
}
