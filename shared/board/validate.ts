// Every value that enters a board passes here first: a wrong value is refused with a Dutch message
// and never reaches the document.
import { checkAmount } from '../amount.ts';
import { assertNever } from '../assert-never.ts';
import { err, ok, type Result } from '../result.ts';
import { COLUMNS, columnOf, type ColumnKind, type SheetName, type SheetRows } from './sheets.ts';

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

// Control characters other than tab and newline have no place in a cell (and break CSV and XLSX).
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function validateValue(kind: ColumnKind, value: unknown): Result<unknown> {
  switch (kind.type) {
    case 'text': {
      if (typeof value !== 'string') return err('Dit veld bevat tekst.');
      const text = value.replace(/\r\n?/g, '\n');
      if (!kind.multiline && text.includes('\n')) return err('Dit veld heeft één regel tekst.');
      if (FORBIDDEN_CONTROL.test(text)) return err('De tekst bevat een ongeldig teken.');
      if (text.length > kind.maxLength) return err(`De tekst is te lang: hoogstens ${kind.maxLength} tekens.`);
      return ok(text);
    }
    case 'amount':
      return checkAmount(value);
    case 'choice':
      return typeof value === 'string' && kind.options.includes(value)
        ? ok(value)
        : err(`Kies een van: ${kind.options.join(', ')}.`);
    case 'year':
      if (value === null) return ok(null);
      return typeof value === 'number' && Number.isInteger(value) && value >= MIN_YEAR && value <= MAX_YEAR
        ? ok(value)
        : err(`Een jaartal ligt tussen ${MIN_YEAR} en ${MAX_YEAR}, of blijft leeg.`);
    default:
      return assertNever(kind);
  }
}

export function validateCell<S extends SheetName>(
  sheet: S,
  field: string,
  value: unknown,
): Result<SheetRows[S][keyof SheetRows[S]]> {
  const column = columnOf(sheet, field);
  if (!column) return err(`Het blad ${sheet} heeft geen kolom "${field}".`);
  const checked = validateValue(column.kind, value);
  if (!checked.ok) return err(`${column.label}: ${checked.error}`);
  return ok(checked.value as SheetRows[S][keyof SheetRows[S]]);
}

export interface FieldError {
  field: string;
  message: string;
}

/** A whole row: every column present and valid, nothing else. */
export function validateRow<S extends SheetName>(sheet: S, row: unknown): Result<SheetRows[S], FieldError[]> {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) {
    return err([{ field: '', message: 'Een rij is een object met velden.' }]);
  }
  const record = row as Record<string, unknown>;
  const errors: FieldError[] = [];
  const clean: Record<string, unknown> = {};
  for (const column of COLUMNS[sheet]) {
    if (!(column.field in record)) {
      errors.push({ field: column.field, message: `${column.label}: ontbreekt.` });
      continue;
    }
    const checked = validateCell(sheet, column.field, record[column.field]);
    if (checked.ok) clean[column.field] = checked.value;
    else errors.push({ field: column.field, message: checked.error });
  }
  for (const field of Object.keys(record)) {
    if (!columnOf(sheet, field)) errors.push({ field, message: `Onbekend veld "${field}".` });
  }
  return errors.length > 0 ? err(errors) : ok(clean as unknown as SheetRows[S]);
}
