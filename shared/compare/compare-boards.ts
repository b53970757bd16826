// What changed between two versions of a board (two snapshots, or a snapshot and the live board):
// cells with before and after, rows added and removed, settings, and every total that moved.
import type * as Y from 'yjs';
import { readSettings, readSheet } from '../board/board-doc.ts';
import { columnsOf, SHEETS, type SheetName } from '../board/sheets.ts';
import { computeTotals } from '../totals/board-totals.ts';
import type { BoardTotals } from '../totals/types.ts';

export interface RowRef {
  id: string;
  label: string;
}

export interface CellChange {
  rowId: string;
  label: string;
  field: string;
  before: unknown;
  after: unknown;
}

export interface TotalChange {
  path: string;
  before: number;
  after: number;
  difference: number;
}

export interface BoardComparison {
  sheets: Record<SheetName, { added: RowRef[]; removed: RowRef[]; changed: CellChange[] }>;
  settings: { key: string; before: unknown; after: unknown }[];
  totals: TotalChange[];
}

function labelOf(sheet: SheetName, row: Record<string, unknown>): string {
  const field = sheet === 'beheer' ? 'bouwsteen' : sheet === 'vernieuwing' ? 'name' : 'activity';
  return String(row[field] ?? '').slice(0, 120);
}

/** Every number in the totals, by its path; controls by their key. */
export function flattenTotals(totals: BoardTotals): Map<string, number> {
  const flat = new Map<string, number>();
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'number') flat.set(path, value);
    else if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${path}.${i}`));
    else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) walk(item, path ? `${path}.${key}` : key);
    }
  };
  const { controls, violations, ...rest } = totals;
  walk(rest, '');
  for (const control of controls) if (control.computed !== null) flat.set(`controls.${control.key}.computed`, control.computed);
  flat.set('violations.count', violations.length);
  return flat;
}

export function compareBoards(before: Y.Doc, after: Y.Doc): BoardComparison {
  const sheets = {} as BoardComparison['sheets'];
  for (const sheet of SHEETS) {
    const old = new Map(readSheet(before, sheet).map((entry) => [entry.id, entry.row as unknown as Record<string, unknown>]));
    const now = readSheet(after, sheet);
    const changed: CellChange[] = [];
    const added: RowRef[] = [];
    for (const { id, row } of now) {
      const current = row as unknown as Record<string, unknown>;
      const previous = old.get(id);
      if (!previous) {
        added.push({ id, label: labelOf(sheet, current) });
        continue;
      }
      for (const column of columnsOf(sheet)) {
        if (previous[column.field] !== current[column.field]) {
          changed.push({ rowId: id, label: labelOf(sheet, current), field: column.field, before: previous[column.field], after: current[column.field] });
        }
      }
    }
    const present = new Set(now.map((entry) => entry.id));
    const removed = readSheet(before, sheet)
      .filter((entry) => !present.has(entry.id))
      .map((entry) => ({ id: entry.id, label: labelOf(sheet, entry.row as unknown as Record<string, unknown>) }));
    sheets[sheet] = { added, removed, changed };
  }

  const settingsBefore = readSettings(before);
  const settingsAfter = readSettings(after);
  const settings: BoardComparison['settings'] = [];
  if (settingsBefore.renewalBudget !== settingsAfter.renewalBudget) {
    settings.push({ key: 'renewalBudget', before: settingsBefore.renewalBudget, after: settingsAfter.renewalBudget });
  }
  for (const [domain, ceiling] of Object.entries(settingsAfter.ceilings)) {
    const previous = settingsBefore.ceilings[domain as keyof typeof settingsBefore.ceilings];
    if (previous !== ceiling) settings.push({ key: `ceiling:${domain}`, before: previous, after: ceiling });
  }

  const totalsBefore = flattenTotals(computeTotals(before));
  const totalsAfter = flattenTotals(computeTotals(after));
  const totals: TotalChange[] = [];
  for (const path of new Set([...totalsBefore.keys(), ...totalsAfter.keys()])) {
    const a = totalsBefore.get(path) ?? 0;
    const b = totalsAfter.get(path) ?? 0;
    if (a !== b) totals.push({ path, before: a, after: b, difference: b - a });
  }
  return { sheets, settings, totals };
}
