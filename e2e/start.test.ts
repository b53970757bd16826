import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totalCell, waitSynced } from './board-ui.ts';
import { openBrowser } from './browser.ts';
import { E2E_ADMIN_TOKEN, newDataDir, startServer, type RunningServer } from './server-process.ts';

// The parts of GET /api/boards/:id/totals this test reads (see docs/api.md).
interface BoardTotals {
  controls: { key: string; stated: number; computed: number | null; difference: number | null; agrees: boolean }[];
}

const dataDir = newDataDir();
let server: RunningServer;

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` } });
  expect(response.status, url).toBe(200);
  return (await response.json()) as T;
}

describe('starting Planbord on embedded PGlite', () => {
  beforeAll(async () => {
    server = await startServer({ dataDir });
  });
  afterAll(async () => {
    await server?.stop('SIGKILL');
  });

  it('asks for credentials', async () => {
    expect((await fetch(`${server.url}/api/boards`)).status).toBe(401);
  });

  it('serves the seeded 2025 plan with totals that agree with the plan', async () => {
    const boards = await getJson<{ id: string; title: string }[]>(`${server.url}/api/boards`);
    expect(boards.map((board) => board.title)).toEqual(['GDI-Programmeringsplan 2025']);
    const totals = await getJson<BoardTotals>(`${server.url}/api/boards/gdi-2025/totals`);
    const control = (key: string) => totals.controls.find((c) => c.key === key);
    expect(control('renewal.allocated.total')).toMatchObject({ stated: 78_004_000, computed: 78_004_000, agrees: true });
    // The plan's printed B&E total (263.463) leaves out its own line "Samenwerkende Catalogi SDG" (218).
    expect(control('beheer.total')).toMatchObject({ stated: 263_463_000, computed: 263_681_000, difference: 218_000 });
  });

  it('shows the board, its totals and the control totals in a browser', async () => {
    const browser = await openBrowser();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(server.url);
      await page.getByLabel('Beheerderstoken').fill(E2E_ADMIN_TOKEN);
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await page.getByRole('heading', { name: /GDI-Programmeringsplan 2025/ }).waitFor();
      await waitSynced(page);
      await expect.poll(() => totalCell(page, 'beheer', 'Totaal B&E', 'amount').textContent()).toBe('263.681');
      await page.getByRole('tab', { name: 'Dashboard' }).click();
      const control = page.getByRole('row').filter({ hasText: '263.463' }).first();
      await expect.poll(() => control.textContent(), { timeout: 5_000 }).toContain('218');
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('stops on SIGTERM and starts again on the same data without seeding twice', async () => {
    const before = await getJson<BoardTotals>(`${server.url}/api/boards/gdi-2025/totals`);
    expect(await server.stop('SIGTERM')).toBe(0);
    server = await startServer({ dataDir });
    const boards = await getJson<unknown[]>(`${server.url}/api/boards`);
    expect(boards).toHaveLength(1);
    expect(await getJson<BoardTotals>(`${server.url}/api/boards/gdi-2025/totals`)).toEqual(before);
  });
});
