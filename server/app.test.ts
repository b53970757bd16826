import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoardStore, type BoardStore } from '../db/board-store.ts';
import { testDrivers, type TestDatabase } from '../db/test-databases.ts';
import { thousandsToAmount } from '../shared/amount.ts';
import { DOMAINS, DOMAINS_AND_GENERIEK } from '../shared/domain.ts';
import { beheerLines, renewalProposals, statedTotals } from '../shared/plan-2025/finance.ts';
import type { BoardTotals } from '../shared/totals/types.ts';
import { createApp } from './app.ts';
import { createBoardRegistry, type BoardRegistry } from './boards/board-registry.ts';
import { seedDefaultBoard } from './seed.ts';

const SLOW = 60_000;
const euros = (printed: string): number => {
  const amount = thousandsToAmount(printed);
  return typeof amount === 'number' ? amount : 0;
};
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe.each(testDrivers().filter((driver) => driver.available))('server on $name', (driver) => {
  let database: TestDatabase;
  let store: BoardStore;
  let boards: BoardRegistry;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    database = await driver.open();
    store = createBoardStore(database.handle.db);
    expect(await seedDefaultBoard(store)).toBe('seeded');
    boards = createBoardRegistry(store);
    app = createApp({ store, boards, clientDir: null, checkDatabase: async () => true, log: () => {} });
  }, SLOW);

  afterAll(async () => {
    await boards?.closeAll();
    await database?.close();
  }, SLOW);

  it('lists the 2025 plan as a board', async () => {
    const response = await app.request('/api/boards');
    expect(response.status).toBe(200);
    const list = (await response.json()) as { id: string; title: string; year: number }[];
    expect(list).toEqual([expect.objectContaining({ id: 'gdi-2025', title: 'GDI-Programmeringsplan 2025', year: 2025 })]);
  });

  it('never seeds twice on a restart', async () => {
    expect(await seedDefaultBoard(store)).toBe('present');
    const rows = await database.query("select count(*)::int as n from boards where id = 'gdi-2025'");
    expect(rows[0]?.n).toBe(1);
  });

  it("serves totals that match the plan's tables line for line", async () => {
    const response = await app.request('/api/boards/gdi-2025/totals');
    expect(response.status).toBe(200);
    const totals = (await response.json()) as BoardTotals & { boardId: string };
    expect(totals.unit).toBe('EUR');
    expect(totals.boardId).toBe('gdi-2025');
    // Per domain, as the domain chapters print them.
    for (const domain of DOMAINS) {
      const chapter = beheerLines.filter((line) => line.domain === domain);
      expect(totals.beheer.byDomain[domain], domain).toBe(sum(chapter.map((line) => euros(line.chapter?.amount ?? line.amount))));
    }
    for (const domain of DOMAINS_AND_GENERIEK) {
      const proposals = renewalProposals.filter((proposal) => proposal.domain === domain);
      expect(totals.renewal.byDomain[domain].requested, domain).toBe(sum(proposals.map((p) => euros(p.requested))));
      expect(totals.renewal.byDomain[domain].allocated, domain).toBe(sum(proposals.map((p) => euros(p.allocated))));
    }
    // In total, as the financial overview states them.
    const stated = (key: string) => euros(statedTotals.find((total) => total.key === key)!.amount);
    expect(totals.renewal.allocated).toBe(stated('renewal.allocated.total'));
    expect(totals.beheer.lines).toBe(beheerLines.length);
    expect(totals.renewal.proposals).toBe(renewalProposals.length);
    // Every stated total is a control; the B&E "Totaal" of the plan leaves out one of its own lines.
    const control = (key: string) => totals.controls.find((c) => c.key === key)!;
    expect(control('renewal.allocated.total')).toMatchObject({ agrees: true, difference: 0 });
    const linesSum = sum(beheerLines.map((line) => euros(line.amount)));
    expect(control('beheer.total')).toMatchObject({
      stated: stated('beheer.total'),
      computed: linesSum,
      difference: linesSum - stated('beheer.total'),
      agrees: false,
    });
    const omitted = beheerLines.filter((line) => euros(line.amount) === linesSum - stated('beheer.total'));
    expect(omitted.map((line) => line.bouwsteen)).toEqual(['Samenwerkende Catalogi SDG']);
    expect(totals.controls).toHaveLength(statedTotals.filter((t) => !t.key.endsWith('.available')).length);
  });

  it('answers an unknown board with 404 and a bad id with 400, with a JSON reason', async () => {
    const missing = await app.request('/api/boards/no-such-board/totals');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: 'board-not-found', message: expect.stringContaining('no-such-board') });
    const bad = await app.request(`/api/boards/${encodeURIComponent('x y;drop')}/totals`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'invalid-board-id' });
    const route = await app.request('/api/nothing-here');
    expect(route.status).toBe(404);
    expect(await route.json()).toMatchObject({ error: 'not-found' });
  });
});
