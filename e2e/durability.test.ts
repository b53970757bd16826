// Nothing committed is lost when the server dies, and nothing any client typed is lost once it
// reconnects: kill -9 and SIGTERM against the real server process.
import { afterEach, describe, expect, it } from 'vitest';
import { readSheet, setCell } from '../shared/board/board-doc.ts';
import type { BoardOrigin } from '../shared/board/origins.ts';
import { connectClient, type TestClient } from '../shared/sync/test-client.ts';
import { E2E_ADMIN_TOKEN, newDataDir, startServer, type RunningServer } from './server-process.ts';
import { waitUntil } from '../shared/eventually.ts';

const BOARD = 'gdi-2025';
const origin: BoardOrigin = { kind: 'user', userId: 'e2e' };
const servers: RunningServer[] = [];
const clients: TestClient[] = [];

const eventually = (check: () => boolean | Promise<boolean>, timeoutMs = 15_000) => waitUntil(check, timeoutMs);

async function start(dataDir: string, port?: number): Promise<RunningServer> {
  const server = await startServer({ dataDir, port });
  servers.push(server);
  return server;
}

function client(server: RunningServer): TestClient {
  const connected = connectClient(`${server.url.replace('http', 'ws')}/sync`, BOARD, E2E_ADMIN_TOKEN);
  clients.push(connected);
  return connected;
}

/** The renewal rows' "requested" amounts by row id. */
function requested(c: TestClient): Map<string, unknown> {
  return new Map(readSheet(c.doc, 'vernieuwing').map((entry) => [entry.id, entry.row.requested]));
}

afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy());
  await Promise.all(servers.splice(0).map((server) => server.stop('SIGKILL')));
});

describe('durability of the real server process', () => {
  it('keeps every committed edit after kill -9, and every edit once clients reconnect', async () => {
    const dataDir = newDataDir();
    const first = await start(dataDir);
    const writer = client(first);
    await writer.synced();
    const rows = readSheet(writer.doc, 'vernieuwing').map((entry) => entry.id);
    // Each edit writes a unique value (Jepsen's set test): a lost one is noticed.
    const committed = new Map<string, number>();
    rows.forEach((id, i) => {
      setCell(writer.doc, 'vernieuwing', id, 'requested', 1_000 + i, origin);
      committed.set(id, 1_000 + i);
    });
    await writer.saved.whenSaved();
    const uncommitted = new Map<string, number>();
    rows.slice(0, 10).forEach((id, i) => {
      setCell(writer.doc, 'vernieuwing', id, 'outlook1', 7_000 + i, origin);
      uncommitted.set(id, 7_000 + i);
    });
    await first.stop('SIGKILL');

    // With nobody reconnecting yet, the restarted server has every committed edit.
    const second = await start(dataDir, first.port);
    const probe = client(second);
    await probe.synced();
    for (const [id, value] of committed) expect(requested(probe).get(id)).toBe(value);

    // Once the writer is back, the edits it made around the crash are there too.
    await eventually(() => {
      const outlook = new Map(readSheet(probe.doc, 'vernieuwing').map((entry) => [entry.id, entry.row.outlook1]));
      return [...uncommitted].every(([id, value]) => outlook.get(id) === value);
    });
    await writer.saved.whenSaved();
  }, 120_000);

  it('saves every open board on SIGTERM before exiting', async () => {
    const dataDir = newDataDir();
    const first = await start(dataDir);
    const writer = client(first);
    const watcher = client(first);
    await Promise.all([writer.synced(), watcher.synced()]);
    const row = readSheet(writer.doc, 'beheer')[0]!;
    setCell(writer.doc, 'beheer', row.id, 'amount', 424_242_000, origin);
    // As soon as the server has relayed it (before its batch is due), stop the server.
    await eventually(() => readSheet(watcher.doc, 'beheer')[0]?.row.amount === 424_242_000, 5_000);
    writer.provider.disconnect();
    watcher.provider.disconnect();
    expect(await first.stop('SIGTERM')).toBe(0);

    const second = await start(dataDir);
    const probe = client(second);
    await probe.synced();
    expect(readSheet(probe.doc, 'beheer').find((entry) => entry.id === row.id)?.row.amount).toBe(424_242_000);
  }, 120_000);
});
