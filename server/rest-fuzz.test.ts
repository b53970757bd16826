// Every REST route against hostile requests: malformed JSON, wrong types, unknown fields, bodies over
// the limit, the wrong media type, hostile ids and query strings. Each answer is a 4xx with a JSON
// reason, in time, and nothing is stored. Hostile text where text is allowed is stored as it was sent
// and comes out of the CSV and XLSX exports as text, never as a formula.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../db/test-databases.ts';
import { readSheet, setCell } from '../shared/board/board-doc.ts';
import { parseCsv } from '../shared/export/csv.ts';
import { connectClient } from '../shared/sync/test-client.ts';
import { MAX_BODY_BYTES } from './app.ts';
import { MAX_IMPORT_BYTES } from './boards/import-routes.ts';
import { startTestPlanbord, TEST_ADMIN_TOKEN, type TestPlanbord } from './test-planbord.ts';

const SLOW = 120_000;
const BOARD = 'gdi-2025';
const TABLES = ['boards', 'board_states', 'board_updates', 'snapshots', 'invites', 'members', 'sessions', 'board_sessions'];

const HOSTILE_STRINGS = [
  "'; drop table boards; --",
  "' or '1'='1",
  '" or ""="',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '=HYPERLINK("http://x","y")',
  '+cmd|\' /C calc\'!A0',
  '-1+1',
  '@SUM(1)',
  '\u202eevil',
  '\u0000',
  '../../etc/passwd',
  '%00%27',
  '{{constructor.constructor("return process")()}}',
  '__proto__',
];
const MALFORMED_JSON = ['{', '{"a":', '[1,2', 'nul', '{"a":1}}', "{'a':1}", '\u0000', '{"a":"\\u12"}', '\ufeff{"x"', ''];
const WRONG_VALUES: unknown[] = [null, true, 0, -1, 1e308, 'x'.repeat(10_000), [], ['chair'], {}, { $gt: '' }, ...HOSTILE_STRINGS];
/** Free-text fields take any printable text, hostile or not; what they refuse is this. */
const TEXT_FIELDS = new Set(['title', 'name']);
const WRONG_TEXT: unknown[] = [null, true, 0, [], {}, '', '   ', 'x'.repeat(10_000), '\u0000', 'a\u0007b', 'line\nbreak', '\u202eevil'];

interface Route {
  method: 'POST' | 'PATCH';
  path: string;
  fields: string[];
}

describe.each(testDrivers().filter((driver) => driver.available))('REST routes under hostile requests on $name', (driver) => {
  let server: TestPlanbord;
  let memberId = '';
  let inviteId = '';
  let snapshotId = '';
  let chairToken = '';

  const counts = async () =>
    Object.fromEntries(await Promise.all(TABLES.map(async (table) => [table, (await server.database.query(`select count(*)::int as n from ${table}`))[0]?.n])));
  const boardJson = async () => (await server.api(`/api/boards/${BOARD}/export?format=json`)).text();

  /** Every answer: a 4xx, JSON with an error code and a message, within a few seconds. */
  async function refused(label: string, response: Promise<Response>): Promise<number> {
    const answer = await response;
    const text = await answer.text();
    expect(answer.status, `${label}: ${text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
    expect(answer.status, `${label}: ${text.slice(0, 200)}`).toBeLessThan(500);
    expect(answer.headers.get('content-type'), label).toMatch(/^application\/json/);
    const body = JSON.parse(text) as { error?: unknown; message?: unknown };
    expect(typeof body.error, label).toBe('string');
    expect(typeof body.message, label).toBe('string');
    return answer.status;
  }
  const send = (method: string, path: string, body: BodyInit | undefined, init: { token?: string | null; type?: string } = {}) =>
    server.api(path, {
      method,
      body,
      token: init.token === undefined ? TEST_ADMIN_TOKEN : init.token,
      headers: init.type === undefined ? { 'content-type': 'application/json' } : init.type ? { 'content-type': init.type } : {},
      signal: AbortSignal.timeout(10_000),
    });

  beforeAll(async () => {
    // Hostile bodies to the sign-in routes are failed attempts too: this test is not about their limit.
    server = await startTestPlanbord(driver, { attemptLimits: { maxFailures: 10_000 } });
    const chair = await server.join(BOARD, 'chair', 'Voorzitter');
    chairToken = chair.token;
    memberId = chair.memberId;
    inviteId = chair.inviteId;
    const snapshot = await server.api(`/api/boards/${BOARD}/snapshots`, { method: 'POST', json: { name: 'Basis' } });
    snapshotId = ((await snapshot.json()) as { id: string }).id;
  }, SLOW);
  afterAll(async () => server?.stop(), SLOW);

  it('answers malformed, mistyped, oversized and hostile requests to every route with a 4xx and stores nothing', async () => {
    const routes: Route[] = [
      { method: 'POST', path: '/api/invite', fields: ['token'] },
      { method: 'POST', path: '/api/join', fields: ['token', 'displayName'] },
      { method: 'POST', path: '/api/login', fields: ['adminToken'] },
      { method: 'POST', path: `/api/boards/${BOARD}/invites`, fields: ['role', 'expiresInHours'] },
      { method: 'PATCH', path: `/api/boards/${BOARD}/members/${memberId}`, fields: ['role'] },
      { method: 'POST', path: `/api/boards/${BOARD}/sessions`, fields: ['title'] },
      { method: 'POST', path: `/api/boards/${BOARD}/conflicts/settle`, fields: ['id', 'value'] },
      { method: 'POST', path: `/api/boards/${BOARD}/snapshots`, fields: ['name', 'agreed'] },
      { method: 'POST', path: '/api/boards/import?format=json&id=fuzz-import', fields: ['format', 'version', 'meta', 'settings', 'stated', 'sheets'] },
      { method: 'POST', path: '/api/boards/import?format=csv&id=fuzz-import&title=T&year=2025', fields: ['variant', 'files'] },
    ];
    const countsBefore = await counts();
    const boardBefore = await boardJson();
    const statuses = new Map<number, number>();
    const note = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);

    for (const route of routes) {
      for (const text of MALFORMED_JSON) note(await refused(`${route.path} ${JSON.stringify(text)}`, send(route.method, route.path, text)));
      for (const body of ['null', '"text"', '[]', '[{"role":"chair"}]', '42']) note(await refused(`${route.path} ${body}`, send(route.method, route.path, body)));
      for (const field of route.fields) {
        for (const value of TEXT_FIELDS.has(field) ? WRONG_TEXT : WRONG_VALUES) {
          // The other fields as a valid request would have them, where one is known, so each value is tested alone.
          note(await refused(`${route.path} ${field}=${JSON.stringify(value).slice(0, 40)}`, send(route.method, route.path, JSON.stringify({ [field]: value }))));
        }
      }
      for (const field of HOSTILE_STRINGS) note(await refused(`${route.path} unknown field`, send(route.method, route.path, JSON.stringify({ [field]: 1 }))));
      note(await refused(`${route.path} form post`, send(route.method, route.path, 'role=chair', { type: 'application/x-www-form-urlencoded' })));
      note(await refused(`${route.path} no credentials`, send(route.method, route.path, '{}', { token: null })));
      const limit = route.path.startsWith('/api/boards/import') ? MAX_IMPORT_BYTES : MAX_BODY_BYTES;
      const huge = JSON.stringify({ [route.fields[0]!]: 'x'.repeat(limit) });
      expect(await refused(`${route.path} huge body`, send(route.method, route.path, huge))).toBe(413);
    }

    // Routes without a body, with hostile ids and queries.
    const ids = [...HOSTILE_STRINGS, 'x'.repeat(65)].map(encodeURIComponent);
    for (const id of ids) {
      for (const path of [`/api/boards/${id}`, `/api/boards/${id}/totals`, `/api/boards/${id}/export?format=csv`, `/api/boards/${id}/snapshots`]) {
        note(await refused(`GET ${path}`, send('GET', path, undefined, { type: '' })));
      }
      for (const path of [
        `/api/boards/${BOARD}/snapshots/${id}`,
        `/api/boards/${BOARD}/snapshots/${id}/export`,
        `/api/boards/${BOARD}/sessions/${id}`,
        `/api/boards/${BOARD}/compare?from=${id}&to=live`,
        `/api/boards/${BOARD}/compare?from=${snapshotId}&to=${id}`,
        `/api/boards/${BOARD}/export?format=${id}`,
        `/api/boards/${BOARD}/export?format=csv&sheet=${id}`,
        `/api/boards/${BOARD}/export?format=csv&variant=${id}`,
      ]) {
        note(await refused(`GET ${path}`, send('GET', path, undefined, { type: '' })));
      }
      for (const [method, path] of [
        ['DELETE', `/api/boards/${BOARD}/invites/${id}`],
        ['DELETE', `/api/boards/${BOARD}/members/${id}`],
        ['POST', `/api/boards/${BOARD}/snapshots/${id}/restore`],
        ['POST', `/api/boards/import?format=json&id=${id}`],
        ['POST', `/api/boards/import?format=${id}&id=fuzz-import`],
      ] as const) {
        note(await refused(`${method} ${path}`, send(method, path, '{}')));
      }
    }
    for (const query of HOSTILE_STRINGS.map(encodeURIComponent)) {
      note(await refused('import title', send('POST', `/api/boards/import?format=csv&id=fuzz-import&title=T&year=${query}`, JSON.stringify({ variant: 'nl', files: {} }))));
    }
    // A viewer's and a stranger's writes.
    const viewer = await server.join(BOARD, 'viewer', 'Kijker');
    const afterJoin = await counts();
    for (const [method, path] of [
      ['POST', `/api/boards/${BOARD}/invites`],
      ['POST', `/api/boards/${BOARD}/snapshots`],
      ['POST', `/api/boards/${BOARD}/sessions`],
      ['POST', `/api/boards/${BOARD}/snapshots/${snapshotId}/restore`],
      ['DELETE', `/api/boards/${BOARD}/invites/${inviteId}`],
      ['PATCH', `/api/boards/${BOARD}/members/${memberId}`],
    ] as const) {
      expect(await refused(`${method} ${path} as viewer`, send(method, path, JSON.stringify({ role: 'chair', name: 'x', title: 'x' }), { token: viewer.token }))).toBe(403);
      expect(await refused(`${method} ${path} as stranger`, send(method, path, '{}', { token: 'not-a-token' }))).toBe(401);
    }

    console.log('REST fuzz answers by status:', Object.fromEntries([...statuses].sort()));
    expect(statuses.has(500)).toBe(false);
    // Nothing was created or changed, but the viewer who joined above (an invite, a member, a session).
    expect(await counts()).toEqual(afterJoin);
    expect(afterJoin).toEqual({ ...countsBefore, invites: countsBefore.invites + 1, members: countsBefore.members + 1, sessions: countsBefore.sessions + 1 });
    expect(await boardJson()).toBe(boardBefore);
    const chair = await server.api('/api/me', { token: chairToken });
    expect(await chair.json()).toMatchObject({ role: 'chair' });
  }, SLOW);

  it('stores hostile text where text is allowed as it was sent, and exports it as text, never as a formula', async () => {
    const session = await server.api(`/api/boards/${BOARD}/sessions`, { method: 'POST', json: { title: "'; drop table boards; --" } });
    expect(session.status).toBe(201);
    expect(((await (await server.api(`/api/boards/${BOARD}/sessions/current`)).json()) as { title: string }).title).toBe("'; drop table boards; --");
    expect((await server.database.query('select count(*)::int as n from boards'))[0]?.n).toBe(1);

    const formulas = ['=HYPERLINK("http://x","y")', '+cmd|\' /C calc\'!A0', '-1+1', '@SUM(1)', '\tleading tab', '<script>alert(1)</script>'];
    const editor = connectClient(server.syncUrl, BOARD, TEST_ADMIN_TOKEN);
    try {
      await editor.synced();
      const rows = readSheet(editor.doc, 'beheer').slice(0, formulas.length);
      formulas.forEach((text, i) => {
        const written = setCell(editor.doc, 'beheer', rows[i]!.id, 'note', text, { kind: 'user', userId: 'admin' });
        expect(written.ok, text).toBe(true);
      });
      await editor.saved.whenSaved();

      for (const variant of ['nl', 'international'] as const) {
        const records = parseCsv(await (await server.api(`/api/boards/${BOARD}/export?format=csv&variant=${variant}`)).text(), variant);
        // Column 5 is the note (after the row id and four columns); a spreadsheet shows the apostrophe as text.
        expect(records.slice(1, formulas.length + 1).map((record) => record[5])).toEqual([...formulas.slice(0, 5).map((text) => `'${text}`), formulas[5]]);
      }
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await (await server.api(`/api/boards/${BOARD}/export?format=xlsx`)).arrayBuffer()) as ArrayBuffer);
      const ws = workbook.getWorksheet('Beheer en exploitatie')!;
      const notes: unknown[] = [];
      ws.eachRow((row, n) => n > 1 && n <= formulas.length + 1 && notes.push(row.getCell(6).value));
      // Plain strings, exactly as typed: no { formula } values.
      expect(notes).toEqual(formulas);
    } finally {
      editor.destroy();
    }
  }, SLOW);
});
