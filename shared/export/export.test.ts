import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { insertRow, readSheet, setCell } from '../board/board-doc.ts';
import type { BoardOrigin } from '../board/origins.ts';
import { SHEETS } from '../board/sheets.ts';
import { buildPlan2025Board } from '../plan-2025/plan-board.ts';
import { boardToData, dataToBoard } from './board-data.ts';
import { csvToRows, parseCsv, sheetToCsv } from './csv.ts';
import { rowsToBoard } from './import-rows.ts';

const origin: BoardOrigin = { kind: 'import', userId: 'test' };
const must = <T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
};

function hostileBoard(): Y.Doc {
  const doc = buildPlan2025Board();
  const first = readSheet(doc, 'beheer')[0]!;
  setCell(doc, 'beheer', first.id, 'note', '=HYPERLINK("http://x","klik")', origin);
  setCell(doc, 'beheer', first.id, 'amount', 12_434_500, origin);
  must(insertRow(doc, 'beheer', { bouwsteen: '+1 "quoted"; with, separators', domain: 'Toegang', opdrachtnemer: '@SUM(A1)', amount: 0, note: 'two\nlines' }, origin));
  return doc;
}

describe('JSON export', () => {
  it('re-imports to the same board: every value, and ntb, none and 0 kept apart', () => {
    const doc = hostileBoard();
    const data = boardToData(doc);
    const again = must(dataToBoard(JSON.parse(JSON.stringify(data)), origin));
    expect(boardToData(again)).toEqual(data);
    const amounts = data.sheets.vernieuwing.flatMap((row) => [row.requested, row.allocated, row.outlook1, row.outlook2]);
    expect(amounts).toContain('ntb');
    expect(amounts).toContain('none');
    expect(data.sheets.beheer.map((row) => row.amount)).toContain(0);
  });

  it('reports every bad row and creates nothing', () => {
    const data = boardToData(buildPlan2025Board());
    data.sheets.beheer[2]!.amount = -5 as never;
    data.sheets.vernieuwing[4]!.status = 'Misschien' as never;
    data.sheets.roadmap[1]!.id = data.sheets.roadmap[0]!.id;
    const result = dataToBoard(data, origin);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.map((p) => `${p.sheet}:${p.row}:${p.field}`)).toEqual(['beheer:3:amount', 'vernieuwing:5:status', 'roadmap:2:id']);
    expect(dataToBoard({ format: 'nope' }, origin).ok).toBe(false);
  });
});

describe('CSV export', () => {
  for (const variant of ['nl', 'international'] as const) {
    it(`re-imports the ${variant} variant to equal rows`, () => {
      const doc = hostileBoard();
      const sheets = Object.fromEntries(SHEETS.map((sheet) => [sheet, must(csvToRows(sheet, sheetToCsv(doc, sheet, variant), variant))]));
      const again = rowsToBoard({ title: 'x', year: 2025 }, sheets, origin);
      for (const sheet of SHEETS) {
        expect(readSheet(again, sheet).map(({ id, row }) => ({ id, row }))).toEqual(readSheet(doc, sheet).map(({ id, row }) => ({ id, row })));
      }
    });
  }

  it('writes what Dutch Excel opens: semicolons, decimal commas, BOM, and formulas neutralised', () => {
    const csv = sheetToCsv(hostileBoard(), 'beheer', 'nl');
    expect(csv.startsWith('\uFEFFRij-id;Bouwsteen;Domein;Opdrachtnemer;Bedrag B&E (x € 1.000);Toelichting\r\n')).toBe(true);
    const records = parseCsv(csv, 'nl');
    expect(records[1]![4]).toBe('12434,5');
    expect(records[1]![5]).toBe(`'=HYPERLINK("http://x","klik")`);
    const added = records.find((r) => r[1]!.includes('quoted'))!;
    expect(added[1]).toBe(`'+1 "quoted"; with, separators`);
    expect(added[3]).toBe(`'@SUM(A1)`);
    expect(added[5]).toBe('two\nlines');
    expect(records.some((r) => r[4] === 'ntb')).toBe(false);
    expect(parseCsv(sheetToCsv(hostileBoard(), 'vernieuwing', 'nl'), 'nl').some((r) => r.includes('ntb') && r.includes('-'))).toBe(true);
  });

  it('refuses a file with bad rows, naming each', () => {
    const csv = sheetToCsv(buildPlan2025Board(), 'beheer', 'nl').split('\r\n');
    csv[2] = csv[2]!.replace(/;[^;]*;([^;]*)$/, ';twaalf;$1');
    csv[4] = csv[4]!.replace('Interactie', 'Mars');
    const result = csvToRows('beheer', csv.join('\r\n'), 'nl');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.map((p) => p.row)).toEqual([3, 5]);
    expect(csvToRows('beheer', 'a;b\r\n1;2', 'nl').ok).toBe(false);
  });
});
