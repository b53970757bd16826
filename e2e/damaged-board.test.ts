// A board whose stored state is damaged on disk, repaired by the admin in the browser: the real
// server process on PGlite, bad bytes written into its database while it is stopped, the board list
// showing the damage and the reason, "Herstellen" from the agreed snapshot with a confirmation, and
// a member's edits (saved after the snapshot, and typed offline) merging back when it reconnects.
import { PGlite } from '@electric-sql/pglite';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSheet, setCell } from '../shared/board/board-doc.ts';
import { waitUntil } from '../shared/eventually.ts';
import { connectClient, type TestClient } from '../shared/sync/test-client.ts';
import { adminApi, cell, inviteUrl, waitSynced } from './board-ui.ts';
import { openBrowser } from './browser.ts';
import { E2E_ADMIN_TOKEN, newDataDir, startServer, type RunningServer } from './server-process.ts';

const BOARD = 'gdi-2025';
const dataDir = newDataDir();
let server: RunningServer;
let browser: BrowserContext | null = null;
let editor: TestClient | null = null;

interface Totals {
  beheer: { total: number };
}

const beheerTotal = async () => {
  const response = await adminApi(server, `/api/boards/${BOARD}/totals`);
  return response.ok ? ((await response.json()) as Totals).beheer.total : null;
};

/** Writes into the stopped server's database directly, as a disk fault or a bug would. */
async function damageStoredState(): Promise<void> {
  const pg = new PGlite(dataDir);
  try {
    await pg.query(`update board_states set state = '\\x010101001f'::bytea where board_id = '${BOARD}'`);
  } finally {
    await pg.close();
  }
}

beforeAll(async () => {
  server = await startServer({ dataDir });
});

afterAll(async () => {
  editor?.destroy();
  await browser?.close().catch(() => {});
  await server?.stop('SIGKILL');
});

describe('a damaged board', () => {
  it('is shown to the admin as damaged with the reason, restored from the agreed snapshot in the browser, and members’ edits merge back', async () => {
    const seeded = await beheerTotal();
    expect(seeded).toBe(263_681_000);
    const snapshot = await adminApi(server, `/api/boards/${BOARD}/snapshots`, { name: 'Vastgesteld voorjaar', agreed: true });
    expect(snapshot.status).toBe(201);

    // A member edits after the snapshot (saved), then goes offline and edits on.
    const token = new URL(await inviteUrl(server, 'editor')).hash.slice(1);
    const joined = await fetch(`${server.url}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, displayName: 'Anna' }) });
    const { sessionToken } = (await joined.json()) as { sessionToken: string };
    editor = connectClient(`${server.url.replace('http', 'ws')}/sync`, BOARD, sessionToken);
    await editor.synced();
    const rows = readSheet(editor.doc, 'beheer');
    const machtigen = rows.find((entry) => entry.row.bouwsteen === 'DigiD Machtigen')!;
    const pki = rows.find((entry) => entry.row.bouwsteen === 'PKIOverheid')!;
    const origin = { kind: 'user', userId: 'anna' } as const;
    setCell(editor.doc, 'beheer', machtigen.id, 'amount', Number(machtigen.row.amount) + 1_000_000, origin);
    await editor.saved.whenSaved();
    editor.provider.disconnect();
    setCell(editor.doc, 'beheer', pki.id, 'amount', Number(pki.row.amount) + 2_000_000, origin);

    expect(await server.stop('SIGTERM')).toBe(0);
    await damageStoredState();
    // On the same port, where the member's client will look for it.
    server = await startServer({ dataDir, port: server.port });
    // Someone opens the board: it does not load, and says why.
    const refused = await adminApi(server, `/api/boards/${BOARD}/totals`);
    expect(refused.status).toBe(503);
    expect(((await refused.json()) as { message: string }).message).toContain('damaged');

    browser = await openBrowser({ width: 1400, height: 1000 });
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.url);
    await page.getByLabel('Beheerderstoken').fill(E2E_ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Inloggen' }).click();

    // The only board is not opened but listed, as damaged, with the reason.
    const damaged = page.getByRole('region', { name: /GDI-Programmeringsplan 2025/ });
    await damaged.getByText('Beschadigd').waitFor();
    expect(await damaged.textContent()).toContain('geen leesbaar document');
    await damaged.getByRole('button', { name: 'Herstellen uit vastgestelde snapshot' }).click();
    const confirm = damaged.getByRole('group', { name: 'Herstellen bevestigen' });
    expect(await confirm.textContent()).toContain('Vastgesteld voorjaar');
    // Cancelling changes nothing.
    await confirm.getByRole('button', { name: 'Annuleren' }).click();
    expect(await beheerTotal()).toBeNull();
    await damaged.getByRole('button', { name: 'Herstellen uit vastgestelde snapshot' }).click();
    await damaged.getByRole('button', { name: 'Ja, herstellen' }).click();
    await page.getByRole('status').getByText('is hersteld uit de vastgestelde snapshot').waitFor();
    expect(await beheerTotal()).toBe(seeded);

    // The member's client comes back and brings both edits as forward edits.
    editor.provider.connect();
    await waitUntil(async () => (await beheerTotal()) === seeded! + 3_000_000, 15_000, 'member edits merged');
    await editor.saved.whenSaved();

    // The board opens again in the browser, with the merged edits.
    await page.getByRole('link', { name: 'GDI-Programmeringsplan 2025' }).click();
    await waitSynced(page);
    await expect.poll(() => cell(page, 'beheer', 'PKIOverheid', 'amount').textContent(), { timeout: 5_000 }).toBe('4.763');
    expect(errors).toEqual([]);
  }, 180_000);
});
