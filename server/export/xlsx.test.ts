import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSheet, setCell } from '../../shared/board/board-doc.ts';
import type { BoardOrigin } from '../../shared/board/origins.ts';
import { SHEETS } from '../../shared/board/sheets.ts';
import { rowsToBoard } from '../../shared/export/import-rows.ts';
import { buildPlan2025Board } from '../../shared/plan-2025/plan-board.ts';
import { computeTotals } from '../../shared/totals/board-totals.ts';
import { boardToXlsx, SHEET_TITLES, xlsxToRows } from './xlsx.ts';

const origin: BoardOrigin = { kind: 'user', userId: 'test' };

async function workbookOf(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

/** Evaluates SUMIF/SUM over the sheet's own cells, as Excel would, to prove the formulas right. */
function evaluate(ws: ExcelJS.Worksheet, formula: string): number {
  const range = (from: string, to: string) => {
    const [c1, r1] = [from.replace(/\$/g, '')[0]!, Number(from.replace(/\$/g, '').slice(1))];
    const r2 = Number(to.replace(/\$/g, '').slice(1));
    return Array.from({ length: r2 - r1 + 1 }, (_, i) => ws.getCell(`${c1}${r1 + i}`).value);
  };
  const sumif = /^SUMIF\((\S+):(\S+),"([^"]+)",(\S+):(\S+)\)$/.exec(formula);
  if (sumif) {
    const criteria = range(sumif[1]!, sumif[2]!);
    const values = range(sumif[4]!, sumif[5]!);
    return values.reduce<number>((sum, value, i) => sum + (criteria[i] === sumif[3] && typeof value === 'number' ? value : 0), 0);
  }
  const sum = /^SUM\((\S+):(\S+)\)$/.exec(formula);
  if (sum) return range(sum[1]!, sum[2]!).reduce<number>((total, value) => total + (typeof value === 'number' ? value : 0), 0);
  throw new Error(`unexpected formula ${formula}`);
}

describe('XLSX export', () => {
  it('writes values, Dutch number formats and formulas that add up to the totals', async () => {
    const doc = buildPlan2025Board();
    const digid = readSheet(doc, 'beheer').find((entry) => entry.row.bouwsteen === 'DigiD')!;
    setCell(doc, 'beheer', digid.id, 'amount', 51_559_500, origin);
    setCell(doc, 'beheer', digid.id, 'note', '=HYPERLINK("http://evil.example","klik")', origin);
    const totals = computeTotals(doc);
    const workbook = await workbookOf(await boardToXlsx(doc, totals));

    const ws = workbook.getWorksheet(SHEET_TITLES.beheer)!;
    expect(ws.getRow(1).values).toEqual([undefined, 'Rij-id', 'Bouwsteen', 'Domein', 'Opdrachtnemer', 'Bedrag B&E (x € 1.000)', 'Toelichting']);
    const digidRow = ws.getColumn(1).values.indexOf(digid.id);
    expect(ws.getCell(`E${digidRow}`).value).toBe(51559.5);
    expect(ws.getCell(`E${digidRow}`).numFmt).toBe('#,##0.0##');
    expect(ws.getCell(`E${digidRow + 1}`).numFmt).toBe('#,##0');
    // Text that looks like a formula stays text.
    expect(ws.getCell(`F${digidRow}`).value).toBe('=HYPERLINK("http://evil.example","klik")');
    expect(ws.getCell(`F${digidRow}`).type).toBe(ExcelJS.ValueType.String);

    let formulas = 0;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type !== ExcelJS.ValueType.Formula) return;
        const { formula, result } = cell.value as ExcelJS.CellFormulaValue;
        expect(evaluate(ws, formula)).toBeCloseTo(result as number, 6);
        formulas++;
      }),
    );
    expect(formulas).toBe(5);
    const totalRow = ws.getColumn(2).values.indexOf('Totaal');
    expect((ws.getCell(`E${totalRow}`).value as ExcelJS.CellFormulaValue).result).toBe(totals.beheer.total / 1000);

    const renewal = workbook.getWorksheet(SHEET_TITLES.vernieuwing)!;
    const allocatedTotal = renewal.getColumn(2).values.indexOf('Totaal');
    expect((renewal.getCell(`G${allocatedTotal}`).value as ExcelJS.CellFormulaValue).result).toBe(78_004);
    expect(renewal.getColumn(7).values).toContain('ntb');

    const controls = workbook.getWorksheet('Controletotalen')!;
    expect(controls.getCell('A2').value).toBe(totals.controls[0]!.label);
    expect((controls.getCell('D2').value as ExcelJS.CellFormulaValue).formula).toBe('C2-B2');
    expect(workbook.getWorksheet('Sessie')).toBeUndefined();
  });

  it('adds the session record to an agreed snapshot', async () => {
    const doc = buildPlan2025Board();
    const record = { title: 'Tafel Toegang', attendees: [{ name: 'Anna', role: 'chair' }], changes: [{ at: '2026-11-28T10:00:00Z', author: 'Anna', sheet: 'beheer', rowId: 'r1', field: 'amount', before: 1, after: 2 }] };
    const workbook = await workbookOf(await boardToXlsx(doc, computeTotals(doc), record));
    const session = workbook.getWorksheet('Sessie')!;
    expect(session.getCell('A1').value).toBe('Sessie: Tafel Toegang');
    expect(session.getCell('A3').value).toBe('Anna');
  });

  it('imports its own export to an equal board, and refuses a workbook with bad rows', async () => {
    const doc = buildPlan2025Board();
    const buffer = await boardToXlsx(doc, computeTotals(doc));
    const rows = await xlsxToRows(buffer);
    expect(rows.ok).toBe(true);
    if (!rows.ok) return;
    const again = rowsToBoard({ title: 't', year: 2025 }, rows.value, origin);
    for (const sheet of SHEETS) {
      expect(readSheet(again, sheet).map(({ id, row }) => ({ id, row }))).toEqual(readSheet(doc, sheet).map(({ id, row }) => ({ id, row })));
    }

    const workbook = await workbookOf(buffer);
    workbook.getWorksheet(SHEET_TITLES.beheer)!.getCell('E3').value = 'veel';
    workbook.getWorksheet(SHEET_TITLES.vernieuwing)!.getCell('D4').value = 'Misschien';
    const bad = await xlsxToRows(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.map((p) => `${p.sheet}:${p.row}`)).toEqual(['beheer:3', 'vernieuwing:4']);
    expect((await xlsxToRows(Buffer.from('not a workbook'))).ok).toBe(false);
  });
});
