import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../db/test-databases.ts';
import { thousandsToAmount } from '../shared/amount.ts';
import { DOMAINS, DOMAINS_AND_GENERIEK } from '../shared/domain.ts';
import { beheerLines, renewalProposals, statedTotals } from '../shared/plan-2025/finance.ts';
import type { BoardTotals } from '../shared/totals/types.ts';
import { seedDefaultBoard } from './seed.ts';
import { createBoardStore } from '../db/board-store.ts';
import { startTestPlanbord, type TestPlanbord } from './test-planbord.ts';

const SLOW = 90_000;
const euros = (printed: string): number => {
  const amount = thousandsToAmount(printed);
  return typeof amount === 'number' ? amount : 0;
};
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe.each(testDrivers().filter((driver) => driver.available))('server on $name', (driver) => {
  let server: TestPlanbord;

  beforeAll(async () => {
    server = await startTestPlanbord(driver);
  }, SLOW);
  afterAll(async () => server?.stop(), SLOW);

  it('lists the 2025 plan as a board', async () => {
    const response = await server.api('/api/boards');
    expect(response.status).toBe(200);
    const list = (await response.json()) as { id: string; title: string; year: number }[];
    expect(list).toEqual([expect.objectContaining({ id: 'gdi-2025', title: 'GDI-Programmeringsplan 2025', year: 2025 })]);
  });

  it('never seeds twice on a restart', async () => {
    expect(server.planbord.seeded).toBe('seeded');
    expect(await seedDefaultBoard(createBoardStore(server.database.handle.db))).toBe('present');
    const rows = await server.database.query("select count(*)::int as n from boards where id = 'gdi-2025'");
    expect(rows[0]?.n).toBe(1);
  });

  it("serves totals that match the plan's tables line for line", async () => {
    const response = await server.api('/api/boards/gdi-2025/totals');
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
    const missing = await server.api('/api/boards/no-such-board/totals');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: 'board-not-found', message: expect.stringContaining('no-such-board') });
    const bad = await server.api(`/api/boards/${encodeURIComponent('x y;drop')}/totals`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'invalid-board-id' });
    const route = await server.api('/api/nothing-here');
    expect(route.status).toBe(404);
    expect(await route.json()).toMatchObject({ error: 'not-found' });
  });

  it('reports readiness with the database', async () => {
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ok: true, database: 'up', saving: 'ok' });
  });
});
