import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../db/test-databases.ts';
import { readSheet, setCell } from '../../shared/board/board-doc.ts';
import type { BoardOrigin } from '../../shared/board/origins.ts';
import { connectClient, type TestClient } from '../../shared/sync/test-client.ts';
import { startTestPlanbord, type TestPlanbord } from '../test-planbord.ts';
import type { CellConflict } from './conflict-detector.ts';

const SLOW = 90_000;
const pglite = testDrivers().find((driver) => driver.name === 'pglite')!;
const me = (userId: string): BoardOrigin => ({ kind: 'user', userId });

describe('conflicting edits of one cell', () => {
  let server: TestPlanbord;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    server = await startTestPlanbord(pglite);
  }, SLOW);
  afterAll(async () => {
    clients.forEach((c) => c.destroy());
    await server?.stop();
  }, SLOW);

  it('are flagged with both values and who typed them, and a chair settles them', async () => {
    const anna = await server.join('gdi-2025', 'editor', 'Anna');
    const bert = await server.join('gdi-2025', 'editor', 'Bert');
    const chair = await server.join('gdi-2025', 'chair', 'Carla');
    const a = connectClient(server.syncUrl, 'gdi-2025', anna.token);
    const b = connectClient(server.syncUrl, 'gdi-2025', bert.token);
    clients.push(a, b);
    await Promise.all([a.synced(), b.synced()]);
    const row = readSheet(a.doc, 'beheer')[4]!;
    const other = readSheet(a.doc, 'beheer')[5]!;

    // Both start from the same value and type at once: neither has seen the other's edit.
    b.provider.disconnect();
    setCell(a.doc, 'beheer', row.id, 'amount', 7_000_000, me(anna.memberId));
    setCell(b.doc, 'beheer', row.id, 'amount', 8_000_000, me(bert.memberId));
    // An edit after seeing the other's value is no conflict.
    setCell(a.doc, 'beheer', other.id, 'amount', 1_000, me(anna.memberId));
    await a.saved.whenSaved();
    b.provider.connect();
    await b.synced();
    await b.saved.whenSaved();

    const conflicts = (await (await server.api('/api/boards/gdi-2025/conflicts', { token: anna.token })).json()) as CellConflict[];
    expect(conflicts).toHaveLength(1);
    const [conflict] = conflicts;
    expect(conflict).toMatchObject({ sheet: 'beheer', rowId: row.id, field: 'amount' });
    expect(conflict!.values.map((v) => [v.author, v.value]).sort()).toEqual([['Anna', 7_000_000], ['Bert', 8_000_000]]);
    expect(conflict!.values.filter((v) => v.kept)).toHaveLength(1);

    expect((await server.api('/api/boards/gdi-2025/conflicts/settle', { method: 'POST', token: anna.token, json: { id: conflict!.id, value: 7_000_000 } })).status).toBe(403);
    expect((await server.api('/api/boards/gdi-2025/conflicts/settle', { method: 'POST', token: chair.token, json: { id: conflict!.id, value: -1 } })).status).toBe(400);
    const settled = await server.api('/api/boards/gdi-2025/conflicts/settle', { method: 'POST', token: chair.token, json: { id: conflict!.id, value: 7_500_000 } });
    expect(settled.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(readSheet(a.doc, 'beheer')[4]!.row.amount).toBe(7_500_000);
    expect(readSheet(b.doc, 'beheer')[4]!.row.amount).toBe(7_500_000);
    expect(await (await server.api('/api/boards/gdi-2025/conflicts')).json()).toEqual([]);
  }, SLOW);
});
