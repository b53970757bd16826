// The whole board as plain JSON (docs/export-format.md): what an export writes and an import reads.
// Reading validates everything first; on any problem nothing is created and every problem is listed.
import * as Y from 'yjs';
import { checkAmount, type Amount } from '../amount.ts';
import { metaMap, POS_FIELD, readMeta, readSettings, readSheet, readStatedTotals, sheetMap, statedMap, type StatedTotal } from '../board/board-doc.ts';
import { migrateBoard } from '../board/migrations.ts';
import { isPositionKey } from '../board/order.ts';
import type { BoardOrigin } from '../board/origins.ts';
import { isRowId } from '../board/row-id.ts';
import { SHEETS, type SheetName, type SheetRows } from '../board/sheets.ts';
import { validateRow } from '../board/validate.ts';
import { DOMAINS, type Domain } from '../domain.ts';
import { err, ok, type Result } from '../result.ts';

export const BOARD_DATA_FORMAT = 'planbord-board';
export const BOARD_DATA_VERSION = 1;

export type DataRow<S extends SheetName> = { id: string; pos: string } & SheetRows[S];

export interface BoardData {
  format: typeof BOARD_DATA_FORMAT;
  version: typeof BOARD_DATA_VERSION;
  meta: { title: string; year: number };
  settings: { renewalBudget: Amount; ceilings: Record<Domain, Amount> };
  stated: StatedTotal[];
  sheets: { [S in SheetName]: DataRow<S>[] };
}

export interface ImportProblem {
  sheet: SheetName | 'board';
  /** 1-based row number in the sheet; 0 for the board as a whole. */
  row: number;
  id?: string;
  field: string;
  message: string;
}

export function boardToData(doc: Y.Doc): BoardData {
  const meta = readMeta(doc);
  const sheet = <S extends SheetName>(name: S): DataRow<S>[] =>
    readSheet(doc, name).map(({ id, pos, row }) => ({ id, pos, ...row }) as DataRow<S>);
  return {
    format: BOARD_DATA_FORMAT,
    version: BOARD_DATA_VERSION,
    meta: { title: meta.title, year: meta.year },
    settings: readSettings(doc),
    stated: readStatedTotals(doc),
    sheets: { beheer: sheet('beheer'), vernieuwing: sheet('vernieuwing'), roadmap: sheet('roadmap') },
  };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function checkBoard(data: unknown, problems: ImportProblem[]): data is BoardData {
  const board = (field: string, message: string) => problems.push({ sheet: 'board', row: 0, field, message });
  if (!isObject(data)) return board('', 'Het bestand is geen Planbord-bord (geen JSON-object).'), false;
  if (data.format !== BOARD_DATA_FORMAT) board('format', `Onbekend formaat; verwacht "${BOARD_DATA_FORMAT}".`);
  if (data.version !== BOARD_DATA_VERSION) board('version', `Onbekende versie; verwacht ${BOARD_DATA_VERSION}.`);
  const meta = data.meta;
  if (!isObject(meta) || typeof meta.title !== 'string' || meta.title.trim() === '' || meta.title.length > 200) board('meta.title', 'Een bord heeft een titel (hoogstens 200 tekens).');
  if (!isObject(meta) || typeof meta.year !== 'number' || !Number.isInteger(meta.year) || meta.year < 2000 || meta.year > 2100) board('meta.year', 'Een bord heeft een jaar tussen 2000 en 2100.');
  const settings = data.settings;
  if (!isObject(settings) || !checkAmount(settings.renewalBudget).ok) board('settings.renewalBudget', 'Het vernieuwingsbudget is een bedrag, "ntb" of "none".');
  if (!isObject(settings) || !isObject(settings.ceilings) || DOMAINS.some((d) => !checkAmount((settings.ceilings as Record<string, unknown>)[d]).ok)) {
    board('settings.ceilings', 'Elk domein heeft een kader: een bedrag, "ntb" of "none".');
  }
  if (!Array.isArray(data.stated) || !data.stated.every((s) => isObject(s) && typeof s.key === 'string' && typeof s.label === 'string' && typeof s.amount === 'number' && Number.isSafeInteger(s.amount) && (s.roundedTo === null || typeof s.roundedTo === 'number') && typeof s.source === 'string')) {
    board('stated', 'Genoemde totalen hebben key, label, amount (hele euro), roundedTo en source.');
  }
  if (!isObject(data.sheets)) return board('sheets', 'Het bord heeft geen bladen.'), false;
  for (const sheet of SHEETS) {
    const rows = (data.sheets as Record<string, unknown>)[sheet];
    if (!Array.isArray(rows)) {
      board(`sheets.${sheet}`, `Het blad ${sheet} ontbreekt.`);
      continue;
    }
    const seen = new Set<string>();
    rows.forEach((row, index) => {
      const at = (field: string, message: string, id?: string) => problems.push({ sheet, row: index + 1, id, field, message });
      if (!isObject(row)) return at('', 'Een rij is een object.');
      const { id, pos, ...fields } = row;
      const rowId = typeof id === 'string' ? id : undefined;
      if (!isRowId(id)) at('id', 'Ongeldige rij-id.', rowId);
      else if (seen.has(id)) at('id', `Rij-id ${id} komt twee keer voor.`, id);
      else seen.add(id);
      if (!isPositionKey(pos)) at('pos', 'Ongeldige positie.', rowId);
      const checked = validateRow(sheet, fields);
      if (!checked.ok) for (const problem of checked.error) at(problem.field, problem.message, rowId);
    });
  }
  return problems.length === 0;
}

/** A new board document from exported data, or every problem found; nothing half-made. */
export function dataToBoard(data: unknown, origin: BoardOrigin): Result<Y.Doc, ImportProblem[]> {
  const problems: ImportProblem[] = [];
  if (!checkBoard(data, problems)) return err(problems);
  const doc = new Y.Doc();
  doc.transact(() => {
    metaMap(doc).set('title', data.meta.title);
    metaMap(doc).set('year', data.meta.year);
  }, origin);
  const migrated = migrateBoard(doc);
  if (!migrated.ok) return err([{ sheet: 'board', row: 0, field: 'version', message: migrated.error }]);
  doc.transact(() => {
    const settings = doc.getMap('settings');
    settings.set('renewalBudget', data.settings.renewalBudget);
    for (const domain of DOMAINS) settings.set(`ceiling:${domain}`, data.settings.ceilings[domain]);
    for (const { key, ...statement } of data.stated) statedMap(doc).set(key, statement);
    for (const sheet of SHEETS) {
      const map = sheetMap(doc, sheet);
      for (const { id, pos, ...fields } of data.sheets[sheet] as DataRow<SheetName>[]) {
        const row = new Y.Map<unknown>();
        for (const [field, value] of Object.entries(fields)) row.set(field, value);
        row.set(POS_FIELD, pos);
        map.set(id, row);
      }
    }
  }, origin);
  return ok(doc);
}
