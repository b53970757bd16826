// What a person types (or pastes) into a cell, turned into the value the document stores, or a
// Dutch message saying why not. Nothing invalid reaches the document.
import { formatThousands, parseThousands, type Amount } from '../../../shared/amount.ts';
import type { ColumnDef } from '../../../shared/board/sheets.ts';
import { validateValue } from '../../../shared/board/validate.ts';
import { err, type Result } from '../../../shared/result.ts';

export function parseCellInput(column: ColumnDef, input: unknown): Result<unknown> {
  const text = input === null || input === undefined ? '' : String(input);
  const { kind } = column;
  let value: unknown = text;
  switch (kind.type) {
    case 'amount': {
      const parsed = parseThousands(text);
      if (!parsed.ok) return err(`${column.label}: ${parsed.error}`);
      value = parsed.value;
      break;
    }
    case 'choice': {
      const wanted = text.trim().toLowerCase();
      value = kind.options.find((option) => option.toLowerCase() === wanted) ?? text;
      break;
    }
    case 'year': {
      const trimmed = text.trim();
      value = trimmed === '' ? null : /^\d{4}$/.test(trimmed) ? Number(trimmed) : trimmed;
      break;
    }
    case 'text':
      break;
  }
  const checked = validateValue(kind, value);
  return checked.ok ? checked : err(`${column.label}: ${checked.error}`);
}

/** How a stored value is shown (and copied): amounts in thousands the Dutch way. */
export function formatCell(column: ColumnDef, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (column.kind.type === 'amount') return formatThousands(value as Amount);
  return String(value);
}
