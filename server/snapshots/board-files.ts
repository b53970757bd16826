// A board version as a downloadable file: XLSX, CSV (one sheet, Dutch or international) or JSON.
import type { Context } from 'hono';
import type * as Y from 'yjs';
import { isSheetName } from '../../shared/board/sheets.ts';
import { boardToData } from '../../shared/export/board-data.ts';
import { sheetToCsv, type CsvVariant } from '../../shared/export/csv.ts';
import type { BoardTotals } from '../../shared/totals/types.ts';
import { boardToXlsx, type SessionRecord } from '../export/xlsx.ts';
import { httpError } from '../http-error.ts';

const safeName = (name: string) => name.replace(/[^A-Za-z0-9._ -]+/g, '').trim().replace(/\s+/g, '-').slice(0, 80) || 'planbord';

export async function sendBoardFile(c: Context, doc: Y.Doc, totals: BoardTotals, name: string, record: SessionRecord | null): Promise<Response> {
  const format = c.req.query('format') ?? 'xlsx';
  const base = safeName(name);
  const download = (body: BodyInit, type: string, filename: string) =>
    new Response(body, { headers: { 'content-type': type, 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-store' } });
  switch (format) {
    case 'xlsx':
      return download(new Uint8Array(await boardToXlsx(doc, totals, record)), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `${base}.xlsx`);
    case 'json':
      return download(JSON.stringify(boardToData(doc), null, 2), 'application/json; charset=utf-8', `${base}.json`);
    case 'csv': {
      const sheet = c.req.query('sheet') ?? 'beheer';
      const variant = (c.req.query('variant') ?? 'nl') as CsvVariant;
      if (!isSheetName(sheet)) throw httpError(400, 'invalid-sheet', 'sheet must be beheer, vernieuwing or roadmap.');
      if (variant !== 'nl' && variant !== 'international') throw httpError(400, 'invalid-variant', 'variant must be nl or international.');
      return download(sheetToCsv(doc, sheet, variant), 'text/csv; charset=utf-8', `${base}-${sheet}.csv`);
    }
    default:
      throw httpError(400, 'invalid-format', 'format must be xlsx, csv or json.');
  }
}
