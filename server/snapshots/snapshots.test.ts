import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../db/test-databases.ts';
import { readSheet, setCell } from '../../shared/board/board-doc.ts';
import type { BoardOrigin } from '../../shared/board/origins.ts';
import type { BoardData } from '../../shared/export/board-data.ts';
import type { BoardComparison } from '../../shared/compare/compare-boards.ts';
import { connectClient, type TestClient } from '../../shared/sync/test-client.ts';
import { startTestPlanbord, type TestPlanbord } from '../test-planbord.ts';
import { waitUntil } from '../../shared/eventually.ts';

const SLOW = 90_000;
const BOARD = 'gdi-2025';
const me = (userId: string): BoardOrigin => ({ kind: 'user', userId });

const eventually = (check: () => boolean | Promise<boolean>, timeoutMs = 5_000) => waitUntil(check, timeoutMs);

describe.each(testDrivers().filter((driver) => driver.available))('sessions and snapshots on $name', (driver) => {
  let server: TestPlanbord;
  const clients: TestClient[] = [];
  let chair: { token: string };
  let anna: { token: string; memberId: string };
  let bert: { token: string; memberId: string };
  let viewer: { token: string };

  beforeAll(async () => {
    server = await startTestPlanbord(driver);
    chair = await server.join(BOARD, 'chair', 'Carla');
    anna = await server.join(BOARD, 'editor', 'Anna');
    bert = await server.join(BOARD, 'editor', 'Bert');
    viewer = await server.join(BOARD, 'viewer', 'Vera');
  }, SLOW);
  afterAll(async () => {
    clients.forEach((c) => c.destroy());
    await server?.stop();
  }, SLOW);

  const client = async (token: string) => {
    const c = connectClient(server.syncUrl, BOARD, token);
    clients.push(c);
    await c.synced();
    return c;
  };
  const json = async <T>(response: Response, status = 200): Promise<T> => {
    expect(response.status, await response.clone().text()).toBe(status);
    return (await response.json()) as T;
  };

  it('records attendance and attributes each change to the person who made it, also when two edit at once', async () => {
    const opened = await json<{ id: string; title: string }>(await server.api(`/api/boards/${BOARD}/sessions`, { method: 'POST', token: chair.token, json: { title: 'Tafel Toegang' } }), 201);
    expect(opened.title).toBe('Tafel Toegang');
    expect((await server.api(`/api/boards/${BOARD}/sessions`, { method: 'POST', token: chair.token, json: { title: 'Twee' } })).status).toBe(409);

    const a = await client(anna.token);
    const b = await client(bert.token);
    const rows = readSheet(a.doc, 'beheer');
    // At the same moment, on different cells and on the same row.
    setCell(a.doc, 'beheer', rows[0]!.id, 'amount', 111_000, me(anna.memberId));
    setCell(b.doc, 'beheer', rows[0]!.id, 'opdrachtnemer', 'Bert BV', me(bert.memberId));
    setCell(b.doc, 'beheer', rows[1]!.id, 'amount', 222_000, me(bert.memberId));
    await Promise.all([a.saved.whenSaved(), b.saved.whenSaved()]);

    const log = await json<{ attendees: { name: string }[]; changes: { author: string; sheet: string; rowId: string; field: string; before: unknown; after: unknown }[] }>(
      await server.api(`/api/boards/${BOARD}/sessions/current`, { token: viewer.token }),
    );
    expect(log.attendees.map((x) => x.name).sort()).toEqual(['Anna', 'Bert']);
    const byCell = (rowId: string, field: string) => log.changes.find((c) => c.rowId === rowId && c.field === field);
    expect(byCell(rows[0]!.id, 'amount')).toMatchObject({ author: 'Anna', before: rows[0]!.row.amount, after: 111_000 });
    expect(byCell(rows[0]!.id, 'opdrachtnemer')).toMatchObject({ author: 'Bert', after: 'Bert BV' });
    expect(byCell(rows[1]!.id, 'amount')).toMatchObject({ author: 'Bert', after: 222_000 });
    expect(log.changes).toHaveLength(3);
  }, SLOW);

  it('lets only a chair agree; agreeing closes the session and keeps its record; a snapshot never changes', async () => {
    expect((await server.api(`/api/boards/${BOARD}/snapshots`, { method: 'POST', token: anna.token, json: { name: 'Akkoord', agreed: true } })).status).toBe(403);
    expect((await server.api(`/api/boards/${BOARD}/snapshots`, { method: 'POST', token: viewer.token, json: { name: 'X' } })).status).toBe(403);
    const agreed = await json<{ id: string; agreed: boolean }>(await server.api(`/api/boards/${BOARD}/snapshots`, { method: 'POST', token: chair.token, json: { name: 'Vastgesteld 28-11', agreed: true } }), 201);
    expect(agreed.agreed).toBe(true);
    expect((await server.api(`/api/boards/${BOARD}/sessions/current`)).status).toBe(404);

    const read = async () => json<{ board: BoardData; record: { changes: unknown[] } }>(await server.api(`/api/boards/${BOARD}/snapshots/${agreed.id}`, { token: viewer.token }));
    const before = await read();
    expect(before.record.changes).toHaveLength(3);
    const exportValues = async () => {
      const response = await server.api(`/api/boards/${BOARD}/snapshots/${agreed.id}/export?format=xlsx`, { token: viewer.token });
      expect(response.headers.get('content-disposition')).toContain('.xlsx');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await response.arrayBuffer());
      expect(workbook.getWorksheet('Sessie')).toBeDefined();
      return workbook.getWorksheet('Beheer en exploitatie')!.getColumn(5).values;
    };
    const valuesBefore = await exportValues();

    const a = await client(anna.token);
    setCell(a.doc, 'beheer', readSheet(a.doc, 'beheer')[0]!.id, 'amount', 999_000, me(anna.memberId));
    await a.saved.whenSaved();
    expect(await read()).toEqual(before);
    expect(await exportValues()).toEqual(valuesBefore);
    expect(valuesBefore).toContain(111);
  }, SLOW);

  it('compares a snapshot with the live board and finds exactly what changed', async () => {
    const snap = await json<{ id: string }>(await server.api(`/api/boards/${BOARD}/snapshots`, { method: 'POST', token: anna.token, json: { name: 'Tussenstand' } }), 201);
    const a = await client(anna.token);
    const target = readSheet(a.doc, 'vernieuwing')[2]!;
    setCell(a.doc, 'vernieuwing', target.id, 'allocated', 1_234_000, me(anna.memberId));
    await a.saved.whenSaved();
    const comparison = await json<BoardComparison>(await server.api(`/api/boards/${BOARD}/compare?from=${snap.id}&to=live`, { token: viewer.token }));
    expect(comparison.sheets.vernieuwing.changed).toEqual([{ rowId: target.id, label: target.row.name, field: 'allocated', before: target.row.allocated, after: 1_234_000 }]);
    expect(comparison.sheets.beheer).toEqual({ added: [], removed: [], changed: [] });
    const allocated = comparison.totals.find((t) => t.path === 'renewal.allocated')!;
    expect(allocated.difference).toBe(1_234_000 - (target.row.allocated as number));
  }, SLOW);

  it('restores a snapshot as forward edits that reach connected clients, and keeps the state before', async () => {
    const snapshots = await json<{ id: string; name: string }[]>(await server.api(`/api/boards/${BOARD}/snapshots`, { token: viewer.token }));
    const target = snapshots.find((s) => s.name === 'Tussenstand')!;
    const watcher = await client(bert.token);
    expect((await server.api(`/api/boards/${BOARD}/snapshots/${target.id}/restore`, { method: 'POST', token: anna.token })).status).toBe(403);
    const restored = await json<{ undoSnapshot: string }>(await server.api(`/api/boards/${BOARD}/snapshots/${target.id}/restore`, { method: 'POST', token: chair.token }));
    const snapshotData = (await json<{ board: BoardData }>(await server.api(`/api/boards/${BOARD}/snapshots/${target.id}`))).board;
    await eventually(() => JSON.stringify(readSheet(watcher.doc, 'vernieuwing').map((e) => e.row.allocated)) === JSON.stringify(snapshotData.sheets.vernieuwing.map((r) => r.allocated)));
    const compared = await json<BoardComparison>(await server.api(`/api/boards/${BOARD}/compare?from=${target.id}&to=live`));
    expect(compared.sheets.vernieuwing.changed).toEqual([]);
    expect(snapshots.length).toBeGreaterThan(0);
    expect((await server.api(`/api/boards/${BOARD}/snapshots/${restored.undoSnapshot}`)).status).toBe(200);
  }, SLOW);

  it('imports its own JSON export as a new board, and refuses a broken one with every problem and nothing created', async () => {
    const exported = await (await server.api(`/api/boards/${BOARD}/export?format=json`, { token: viewer.token })).json();
    const created = await server.api('/api/boards/import?format=json&id=kopie', { method: 'POST', body: JSON.stringify(exported), headers: { 'content-type': 'application/json' } });
    expect(created.status).toBe(201);
    const copy = await (await server.api('/api/boards/kopie/export?format=json')).json();
    expect({ ...(copy as BoardData) }).toEqual(exported);

    const broken = JSON.parse(JSON.stringify(exported)) as BoardData;
    broken.sheets.beheer[0]!.amount = 'veel' as never;
    broken.sheets.roadmap[3]!.horizon = '9-10' as never;
    const refused = await server.api('/api/boards/import?format=json&id=stuk', { method: 'POST', body: JSON.stringify(broken), headers: { 'content-type': 'application/json' } });
    expect(refused.status).toBe(422);
    const body = (await refused.json()) as { problems: { sheet: string; row: number; field: string }[] };
    expect(body.problems.map((p) => `${p.sheet}:${p.row}:${p.field}`)).toEqual(['beheer:1:amount', 'roadmap:4:horizon']);
    expect((await server.api('/api/boards/stuk')).status).toBe(404);
    expect((await server.api('/api/boards/import?format=json&id=x', { method: 'POST', token: chair.token, json: exported })).status).toBe(403);
  }, SLOW);

  it('enforces roles on every route', async () => {
    const snapshots = await json<{ id: string }[]>(await server.api(`/api/boards/${BOARD}/snapshots`));
    const sid = snapshots[0]!.id;
    const routes: [string, string, unknown, 'viewer' | 'editor' | 'chair'][] = [
      ['GET', `/api/boards/${BOARD}/snapshots`, undefined, 'viewer'],
      ['GET', `/api/boards/${BOARD}/snapshots/${sid}`, undefined, 'viewer'],
      ['GET', `/api/boards/${BOARD}/snapshots/${sid}/export?format=json`, undefined, 'viewer'],
      ['GET', `/api/boards/${BOARD}/export?format=csv&sheet=beheer`, undefined, 'viewer'],
      ['GET', `/api/boards/${BOARD}/compare?from=${sid}&to=live`, undefined, 'viewer'],
      ['GET', `/api/boards/${BOARD}/sessions`, undefined, 'viewer'],
      ['POST', `/api/boards/${BOARD}/snapshots`, { name: 'r' }, 'editor'],
      ['POST', `/api/boards/${BOARD}/sessions`, { title: 'r' }, 'chair'],
      ['POST', `/api/boards/${BOARD}/sessions/current/close`, {}, 'chair'],
      ['POST', `/api/boards/${BOARD}/snapshots/${sid}/restore`, {}, 'chair'],
    ];
    const rank = { viewer: 0, editor: 1, chair: 2 };
    for (const [method, path, body, needed] of routes) {
      expect((await server.api(path, { method, token: null, json: body })).status, `${path} anonymous`).toBe(401);
      for (const [role, token] of [['viewer', viewer.token], ['editor', anna.token]] as const) {
        const status = (await server.api(path, { method, token, json: body })).status;
        if (rank[role] < rank[needed]) expect(status, `${path} as ${role}`).toBe(403);
        else expect(status, `${path} as ${role}`).toBeLessThan(400);
      }
    }
    await server.api(`/api/boards/${BOARD}/sessions/current/close`, { method: 'POST', token: chair.token });
  }, SLOW);
});
