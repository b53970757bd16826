// One cell of an exported sheet: amounts in thousands of euros (exact: at most three decimals) or
// "ntb" / "-", everything else as text or a year. Shared by CSV and XLSX.
import { formatThousands, parseThousands, type Amount } from '../amount.ts';
import { COLUMNS, type ColumnDef, type SheetName } from '../board/sheets.ts';
import { err, ok, type Result } from '../result.ts';

export type ExportCell = { kind: 'amount'; thousands: number } | { kind: 'text'; text: string } | { kind: 'number'; value: number } | { kind: 'empty' };

export const ID_HEADER = 'Rij-id';

export function exportHeaders(sheet: SheetName): string[] {
  return [ID_HEADER, ...COLUMNS[sheet].map((column) => (column.kind.type === 'amount' ? `${column.label} (x € 1.000)` : column.label))];
}

/** Exact thousands from whole euros: 12434500 → 12434.5 (three decimals at most, no float drift). */
export function eurosToThousands(euros: number): number {
  return Number(`${Math.floor(euros / 1000)}.${String(euros % 1000).padStart(3, '0')}`);
}

export function exportCell(column: ColumnDef, value: unknown): ExportCell {
  if (column.kind.type === 'amount') {
    const amount = value as Amount;
    return typeof amount === 'number' ? { kind: 'amount', thousands: eurosToThousands(amount) } : { kind: 'text', text: formatThousands(amount) };
  }
  if (column.kind.type === 'year') return typeof value === 'number' ? { kind: 'number', value } : { kind: 'empty' };
  return typeof value === 'string' && value !== '' ? { kind: 'text', text: value } : { kind: 'empty' };
}

/** Text a spreadsheet would run as a formula is prefixed with an apostrophe, which shows as text. */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && text !== '-' ? `'${text}` : text;
}

/** Undoes neutraliseFormula on import. */
export function restoreFormulaText(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** Reads an imported cell back into the value the document stores. */
export function importCell(column: ColumnDef, raw: string): Result<unknown> {
  const text = raw.trim();
  switch (column.kind.type) {
    case 'amount': {
      const parsed = parseThousands(text === '' ? '-' : text);
      return parsed.ok ? parsed : err(`${column.label}: ${parsed.error}`);
    }
    case 'year':
      if (text === '') return ok(null);
      return /^\d{4}$/.test(text) ? ok(Number(text)) : err(`${column.label}: "${text}" is geen jaartal.`);
    default:
      return ok(restoreFormulaText(raw.replace(/\r\n?/g, '\n')));
  }
}
