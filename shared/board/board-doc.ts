// The Yjs schema of one board, and typed access to it. Layout (see docs/board-schema.md):
//   meta      Y.Map   schemaVersion, title, year
//   settings  Y.Map   renewalBudget, ceiling:<Domain>   (amounts, set by a chair)
//   stated    Y.Map   <key> -> { label, amount, roundedTo, source }   (totals a source states)
//   beheer | vernieuwing | roadmap   Y.Map<rowId, Y.Map>   one Y.Map per row, its fields plus "pos"
// A row is a Y.Map so that concurrent edits of different cells of one row both survive; its "pos"
// field orders the sheet (see order.ts).
import * as Y from 'yjs';
import { checkAmount, type Amount } from '../amount.ts';
import { DOMAINS, type Domain } from '../domain.ts';
import { err, ok, type Result } from '../result.ts';
import { compareByPosition, evenKeys, isPositionKey, keyBetween } from './order.ts';
import type { BoardOrigin } from './origins.ts';
import { isRowId, newRowId } from './row-id.ts';
import { COLUMNS, EMPTY_ROWS, type SheetName, type SheetRows } from './sheets.ts';
import { validateCell, validateRow, validateValue, type FieldError } from './validate.ts';

export type RowMap = Y.Map<unknown>;
export type SheetMap = Y.Map<RowMap>;

export const POS_FIELD = 'pos';

export interface RowEntry<S extends SheetName> {
  id: string;
  pos: string;
  row: SheetRows[S];
}

export interface BoardMeta {
  schemaVersion: number;
  title: string;
  year: number;
}

export interface BoardSettings {
  /** Beschikbaar vernieuwingsbudget: the renewal allocations must stay within it. */
  renewalBudget: Amount;
  /** Kader per domain: B&E plus allocated renewal of the domain must stay within it. */
  ceilings: Record<Domain, Amount>;
}

export interface StatedTotal {
  key: string;
  label: string;
  /** Whole euros. */
  amount: number;
  /** Set when the source states the total rounded: the rounding unit in euros. */
  roundedTo: number | null;
  source: string;
}

export const metaMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('meta');
export const settingsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('settings');
export const statedMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('stated');
export const sheetMap = (doc: Y.Doc, sheet: SheetName): SheetMap => doc.getMap(sheet);

export function readMeta(doc: Y.Doc): BoardMeta {
  const meta = metaMap(doc);
  const version = meta.get('schemaVersion');
  const title = meta.get('title');
  const year = meta.get('year');
  return {
    schemaVersion: typeof version === 'number' ? version : 0,
    title: typeof title === 'string' ? title : '',
    year: typeof year === 'number' ? year : 0,
  };
}

const ceilingKey = (domain: Domain): string => `ceiling:${domain}`;

function readSettingAmount(settings: Y.Map<unknown>, key: string): Amount {
  const checked = checkAmount(settings.get(key));
  return checked.ok ? checked.value : 'none';
}

export function readSettings(doc: Y.Doc): BoardSettings {
  const settings = settingsMap(doc);
  const ceilings = Object.fromEntries(
    DOMAINS.map((domain) => [domain, readSettingAmount(settings, ceilingKey(domain))]),
  ) as Record<Domain, Amount>;
  return { renewalBudget: readSettingAmount(settings, 'renewalBudget'), ceilings };
}

export type SettingName = 'renewalBudget' | { ceiling: Domain };

export function setSetting(doc: Y.Doc, setting: SettingName, value: unknown, origin: BoardOrigin): Result<Amount> {
  const checked = checkAmount(value);
  if (!checked.ok) return checked;
  const key = setting === 'renewalBudget' ? 'renewalBudget' : ceilingKey(setting.ceiling);
  doc.transact(() => settingsMap(doc).set(key, checked.value), origin);
  return checked;
}

export function readStatedTotals(doc: Y.Doc): StatedTotal[] {
  const totals: StatedTotal[] = [];
  for (const [key, value] of statedMap(doc).entries()) {
    if (typeof value !== 'object' || value === null) continue;
    const { label, amount, roundedTo, source } = value as Record<string, unknown>;
    if (typeof amount !== 'number' || !Number.isSafeInteger(amount)) continue;
    totals.push({
      key,
      label: typeof label === 'string' ? label : key,
      amount,
      roundedTo: typeof roundedTo === 'number' ? roundedTo : null,
      source: typeof source === 'string' ? source : '',
    });
  }
  return totals.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * Reads a row tolerantly: a document may have been written by another tool, so a field that fails
 * validation reads as the column's empty value instead of breaking totals or grids.
 */
export function readRow<S extends SheetName>(sheet: S, rowMap: RowMap): SheetRows[S] {
  const row: Record<string, unknown> = { ...EMPTY_ROWS[sheet] };
  for (const column of COLUMNS[sheet]) {
    const checked = validateValue(column.kind, rowMap.get(column.field));
    if (checked.ok) row[column.field] = checked.value;
  }
  return row as unknown as SheetRows[S];
}

export function readPos(rowMap: RowMap): string {
  const pos = rowMap.get(POS_FIELD);
  return isPositionKey(pos) ? pos : '';
}

export function readSheet<S extends SheetName>(doc: Y.Doc, sheet: S): RowEntry<S>[] {
  const entries: RowEntry<S>[] = [];
  for (const [id, rowMap] of sheetMap(doc, sheet).entries()) {
    if (rowMap instanceof Y.Map) entries.push({ id, pos: readPos(rowMap), row: readRow(sheet, rowMap) });
  }
  return entries.sort(compareByPosition);
}

function rowMapFrom(fields: Record<string, unknown>, pos: string): RowMap {
  const rowMap = new Y.Map<unknown>();
  for (const [field, value] of Object.entries(fields)) rowMap.set(field, value);
  rowMap.set(POS_FIELD, pos);
  return rowMap;
}

/** The position key for a row placed directly after `afterId` (null: at the top). */
function positionAfter(doc: Y.Doc, sheet: SheetName, afterId: string | null, movingId?: string): Result<string> {
  const ordered = readOrder(doc, sheet).filter((entry) => entry.id !== movingId);
  if (afterId === null) return ok(keyBetween(null, ordered[0]?.pos || null));
  const index = ordered.findIndex((entry) => entry.id === afterId);
  if (index < 0) return err(`Rij ${afterId} bestaat niet (meer).`);
  const before = ordered[index]!.pos;
  let next = ordered[index + 1]?.pos ?? null;
  // Two rows can share a key after concurrent inserts; skip to the next distinct one.
  for (let i = index + 2; next !== null && next <= before; i++) next = ordered[i]?.pos ?? null;
  return ok(keyBetween(before || null, next));
}

function readOrder(doc: Y.Doc, sheet: SheetName): { id: string; pos: string }[] {
  const order: { id: string; pos: string }[] = [];
  for (const [id, rowMap] of sheetMap(doc, sheet).entries()) {
    if (rowMap instanceof Y.Map) order.push({ id, pos: readPos(rowMap) });
  }
  return order.sort(compareByPosition);
}

export interface InsertOptions {
  /** Place after this row; null puts it at the top; undefined appends at the end. */
  after?: string | null;
  id?: string;
}

export function insertRow<S extends SheetName>(
  doc: Y.Doc,
  sheet: S,
  row: unknown,
  origin: BoardOrigin,
  options: InsertOptions = {},
): Result<string, FieldError[]> {
  const checked = validateRow(sheet, row);
  if (!checked.ok) return checked;
  const id = options.id ?? newRowId();
  if (!isRowId(id)) return err([{ field: 'id', message: 'Ongeldige rij-id.' }]);
  if (sheetMap(doc, sheet).has(id)) return err([{ field: 'id', message: `Rij ${id} bestaat al.` }]);
  const after = options.after === undefined ? (readOrder(doc, sheet).at(-1)?.id ?? null) : options.after;
  const pos = positionAfter(doc, sheet, after);
  if (!pos.ok) return err([{ field: 'pos', message: pos.error }]);
  doc.transact(() => sheetMap(doc, sheet).set(id, rowMapFrom({ ...checked.value }, pos.value)), origin);
  return ok(id);
}

/** Fills an empty sheet in one transaction, with short evenly spread position keys. */
export function insertRows<S extends SheetName>(
  doc: Y.Doc,
  sheet: S,
  rows: readonly unknown[],
  origin: BoardOrigin,
): Result<string[], { index: number; errors: FieldError[] }[]> {
  const problems: { index: number; errors: FieldError[] }[] = [];
  const valid: SheetRows[S][] = [];
  rows.forEach((row, index) => {
    const checked = validateRow(sheet, row);
    if (checked.ok) valid.push(checked.value);
    else problems.push({ index, errors: checked.error });
  });
  if (problems.length > 0) return err(problems);
  const map = sheetMap(doc, sheet);
  if (map.size > 0) return err([{ index: -1, errors: [{ field: '', message: 'Het blad is niet leeg.' }] }]);
  const keys = evenKeys(valid.length);
  const ids = valid.map(() => newRowId());
  doc.transact(() => {
    valid.forEach((row, index) => map.set(ids[index]!, rowMapFrom({ ...row }, keys[index]!)));
  }, origin);
  return ok(ids);
}

export function setCell(
  doc: Y.Doc,
  sheet: SheetName,
  rowId: string,
  field: string,
  value: unknown,
  origin: BoardOrigin,
): Result<unknown> {
  const rowMap = sheetMap(doc, sheet).get(rowId);
  if (!(rowMap instanceof Y.Map)) return err(`Rij ${rowId} bestaat niet (meer).`);
  const checked = validateCell(sheet, field, value);
  if (!checked.ok) return checked;
  doc.transact(() => rowMap.set(field, checked.value), origin);
  return checked;
}

export function deleteRow(doc: Y.Doc, sheet: SheetName, rowId: string, origin: BoardOrigin): Result<void> {
  const map = sheetMap(doc, sheet);
  if (!map.has(rowId)) return err(`Rij ${rowId} bestaat niet (meer).`);
  doc.transact(() => map.delete(rowId), origin);
  return ok(undefined);
}

/** Moves a row to directly after `afterId` (null: to the top). */
export function moveRow(
  doc: Y.Doc,
  sheet: SheetName,
  rowId: string,
  afterId: string | null,
  origin: BoardOrigin,
): Result<void> {
  const rowMap = sheetMap(doc, sheet).get(rowId);
  if (!(rowMap instanceof Y.Map)) return err(`Rij ${rowId} bestaat niet (meer).`);
  if (afterId === rowId) return ok(undefined);
  const pos = positionAfter(doc, sheet, afterId, rowId);
  if (!pos.ok) return pos;
  doc.transact(() => rowMap.set(POS_FIELD, pos.value), origin);
  return ok(undefined);
}
