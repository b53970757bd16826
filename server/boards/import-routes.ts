// Creating a board from a file: a JSON export, an XLSX workbook, or CSV files in the exported layout.
// Every row is validated first; on any error nothing is created and the answer lists every problem.
import { Hono } from 'hono';
import type { BoardStore } from '../../db/board-store.ts';
import * as Y from 'yjs';
import { isSheetName, type SheetName } from '../../shared/board/sheets.ts';
import { dataToBoard } from '../../shared/export/board-data.ts';
import { csvToRows, type CsvVariant, type ImportedRow } from '../../shared/export/csv.ts';
import { rowsToBoard } from '../../shared/export/import-rows.ts';
import type { Authenticator } from '../auth/authenticator.ts';
import { userIdOf } from '../auth/display-name.ts';
import { requireIdentity, type AuthEnv } from '../auth/middleware.ts';
import { xlsxToRows } from '../export/xlsx.ts';
import { httpError } from '../http-error.ts';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
const BOARD_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

export function importRoutes(deps: { store: BoardStore; authenticator: Authenticator }): Hono<AuthEnv> {
  const routes = new Hono<AuthEnv>();

  routes.post('/import', requireIdentity(deps.authenticator), async (c) => {
    const identity = c.get('identity');
    if (identity.kind !== 'admin') throw httpError(403, 'forbidden', 'Only the admin creates boards.');
    const format = c.req.query('format') ?? 'json';
    const id = c.req.query('id') ?? '';
    if (!BOARD_ID.test(id) || id === 'import') throw httpError(400, 'invalid-board-id', 'id must be 1-63 lowercase letters, digits or "-".');
    const origin = { kind: 'import' as const, userId: userIdOf(identity) };
    const meta = () => {
      const title = (c.req.query('title') ?? '').trim();
      const year = Number(c.req.query('year'));
      if (!title || title.length > 200) throw httpError(400, 'invalid-query', 'title is required (at most 200 characters).');
      if (!Number.isInteger(year) || year < 2000 || year > 2100) throw httpError(400, 'invalid-query', 'year must be between 2000 and 2100.');
      return { title, year };
    };

    let doc: Y.Doc;
    if (format === 'json') {
      let data: unknown;
      try {
        data = await c.req.json();
      } catch {
        throw httpError(400, 'invalid-json', 'The body must be a Planbord JSON export.');
      }
      const built = dataToBoard(data, origin);
      if (!built.ok) return c.json({ error: 'invalid-board', message: 'Nothing was imported: the file has errors.', problems: built.error }, 422);
      doc = built.value;
    } else if (format === 'xlsx') {
      const rows = await xlsxToRows(Buffer.from(await c.req.arrayBuffer()));
      if (!rows.ok) return c.json({ error: 'invalid-board', message: 'Nothing was imported: the workbook has errors.', problems: rows.error }, 422);
      doc = rowsToBoard(meta(), rows.value, origin);
    } else if (format === 'csv') {
      // One CSV file per sheet, as a JSON object: { "variant": "nl", "files": { "beheer": "...", ... } }
      let parsed: unknown;
      try {
        parsed = await c.req.json();
      } catch {
        throw httpError(400, 'invalid-json', 'The body must be { "variant", "files": { sheet: csv text } }.');
      }
      // JSON null, a number or an array is valid JSON but no such object.
      const body: { variant?: unknown; files?: unknown } = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : {};
      const variant = (body.variant ?? 'nl') as CsvVariant;
      // At least one sheet: an empty object (or an array) would otherwise make an empty board.
      const files = body.files;
      const named = typeof files === 'object' && files !== null && !Array.isArray(files) && Object.keys(files).length > 0;
      if ((variant !== 'nl' && variant !== 'international') || !named) {
        throw httpError(400, 'invalid-body', 'The body must be { "variant": "nl" | "international", "files": { sheet: csv text } }.');
      }
      const sheets: Partial<Record<SheetName, ImportedRow[]>> = {};
      const problems: object[] = [];
      for (const [sheet, text] of Object.entries(files)) {
        if (!isSheetName(sheet) || typeof text !== 'string') throw httpError(400, 'invalid-body', `Unknown sheet "${sheet}".`);
        const rows = csvToRows(sheet, text, variant);
        if (rows.ok) sheets[sheet] = rows.value;
        else problems.push(...rows.error.map((problem) => ({ sheet, ...problem })));
      }
      if (problems.length > 0) return c.json({ error: 'invalid-board', message: 'Nothing was imported: the files have errors.', problems }, 422);
      doc = rowsToBoard(meta(), sheets, origin);
    } else {
      throw httpError(400, 'invalid-format', 'format must be json, xlsx or csv.');
    }

    const title = String(doc.getMap('meta').get('title'));
    const year = Number(doc.getMap('meta').get('year'));
    const created = await deps.store.createBoard({ id, title, year }, Y.encodeStateAsUpdate(doc), origin.userId);
    if (!created.ok) throw httpError(409, 'board-exists', `A board "${id}" exists already.`);
    return c.json({ id, title, year }, 201);
  });

  return routes;
}
