// Tab-separated text as Excel puts it on the clipboard: rows by line, cells by tab, and a cell in
// double quotes may hold tabs, newlines and doubled quotes.
import { parseDelimited, quoteCell } from '../../../shared/export/delimited.ts';

export const parseTsv = (text: string): string[][] => parseDelimited(text, '\t');

export function toTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map((cell) => quoteCell(cell, '\t')).join('\t')).join('\n');
}
