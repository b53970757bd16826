import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Amount } from '../amount.ts';
import { deleteRow, insertRow, insertRows, readSheet, setCell, setSetting, statedMap } from '../board/board-doc.ts';
import { createBoardDoc } from '../board/new-board.ts';
import type { BoardOrigin } from '../board/origins.ts';
import { EMPTY_ROWS, type RenewalRow } from '../board/sheets.ts';
import { DOMAINS, DOMAINS_AND_GENERIEK, RENEWAL_STATUSES } from '../domain.ts';
import { computeTotals, observeTotals } from './board-totals.ts';
import { seededRandom } from '../seeded-random.ts';

const me: BoardOrigin = { kind: 'user', userId: 'test' };

function must<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

function renewal(name: string, fields: Partial<RenewalRow>): RenewalRow {
  return { ...EMPTY_ROWS.vernieuwing, name, ...fields };
}

function smallBoard() {
  const doc = createBoardDoc({ title: 'Klein', year: 2025 }, { kind: 'seed' });
  const b = (bouwsteen: string, domain: (typeof DOMAINS)[number], opdrachtnemer: string, amount: Amount) =>
    must(insertRow(doc, 'beheer', { ...EMPTY_ROWS.beheer, bouwsteen, domain, opdrachtnemer, amount }, me));
  b('DigiD', 'Toegang', 'Logius', 51_559_000);
  b('eIDAS RvIG', 'Toegang', 'RvIG', 5_689_000);
  b('Overheid.nl', 'Interactie', 'KOOP / Logius', 1_652_000);
  b('Nog onbekend', 'Infrastructuur', 'Logius', 'ntb');
  b('Niets', 'Infrastructuur', 'Logius', 'none');
  const digilab = must(
    insertRow(doc, 'vernieuwing', renewal('Digilab', { domain: 'Generiek', status: 'Doorloper', requested: 2_669_000, allocated: 1_269_000, outlook1: 'none', outlook2: 'none' }), me),
  );
  must(insertRow(doc, 'vernieuwing', renewal('Data bij de Bron', { domain: 'Gegevensuitwisseling', requested: 'ntb', allocated: 'ntb', outlook1: 'ntb', outlook2: 0 }), me));
  must(insertRow(doc, 'vernieuwing', renewal('Wallet', { domain: 'Toegang', requested: 10_000_000, allocated: 13_500_000, outlook1: 1_000, outlook2: 2_000 }), me));
  return { doc, digilab };
}

describe('computeTotals', () => {
  it('adds B&E per domain, per operator and in total, keeping ntb apart from none and zero', () => {
    const totals = computeTotals(smallBoard().doc);
    expect(totals.unit).toBe('EUR');
    expect(totals.beheer.total).toBe(58_900_000);
    expect(totals.beheer.byDomain).toEqual({ Interactie: 1_652_000, Toegang: 57_248_000, Gegevensuitwisseling: 0, Infrastructuur: 0 });
    expect(totals.beheer.byOpdrachtnemer).toEqual({ 'KOOP / Logius': 1_652_000, Logius: 51_559_000, RvIG: 5_689_000 });
    expect(totals.beheer.lines).toBe(5);
    expect(totals.beheer.ntb).toBe(1);
  });

  it('adds renewal requested, allocated, gap and outlook per domain and status', () => {
    const totals = computeTotals(smallBoard().doc);
    expect(totals.renewal.requested).toBe(12_669_000);
    expect(totals.renewal.allocated).toBe(14_769_000);
    expect(totals.renewal.gap).toBe(-2_100_000);
    expect(totals.renewal.outlook).toEqual([1_000, 2_000]);
    expect(totals.renewal.outlookYears).toEqual([2026, 2027]);
    expect(totals.renewal.ntbByField).toEqual({ requested: 1, allocated: 1, outlook1: 1, outlook2: 0 });
    expect(totals.renewal.byDomain.Generiek).toMatchObject({ proposals: 1, requested: 2_669_000, allocated: 1_269_000, gap: 1_400_000 });
    expect(totals.renewal.byDomain.Gegevensuitwisseling).toMatchObject({ proposals: 1, requested: 0, ntb: 3 });
    expect(totals.renewal.byStatus.Doorloper.allocated).toBe(1_269_000);
    expect(totals.renewal.byStatus.Nieuw.allocated).toBe(13_500_000);
    expect(totals.split).toEqual({ beheer: 58_900_000, renewal: 14_769_000, total: 73_669_000, beheerShareBp: 7995, renewalShareBp: 2005 });
  });

  it('lists every budget rule violation', () => {
    const { doc } = smallBoard();
    must(setSetting(doc, 'renewalBudget', 14_000_000, me));
    must(setSetting(doc, { ceiling: 'Toegang' }, 60_000_000, me));
    must(setSetting(doc, { ceiling: 'Interactie' }, 2_000_000, me));
    const violations = computeTotals(doc).violations;
    expect(violations.map((v) => v.rule).sort()).toEqual(['allocated-above-requested', 'domain-ceiling-exceeded', 'renewal-budget-exceeded']);
    const overAllocated = violations.find((v) => v.rule === 'allocated-above-requested');
    expect(overAllocated).toMatchObject({ name: 'Wallet', excess: 3_500_000 });
    expect(violations.find((v) => v.rule === 'domain-ceiling-exceeded')).toMatchObject({ domain: 'Toegang', amount: 70_748_000, excess: 10_748_000 });
    expect(violations.find((v) => v.rule === 'renewal-budget-exceeded')).toMatchObject({ excess: 769_000 });
  });

  it('sets each stated total beside the computed one, tolerating the rounding of a rounded statement', () => {
    const { doc } = smallBoard();
    doc.transact(() => {
      const stated = statedMap(doc);
      stated.set('beheer.total', { label: 'Totaal', amount: 58_900_000, roundedTo: null, source: 'p' });
      stated.set('beheer.total.rounded', { label: '€ 58,9 mln', amount: 58_900_000 - 40_000, roundedTo: 100_000, source: 'p' });
      stated.set('renewal.allocated.total', { label: 'Totaal', amount: 14_000_000, roundedTo: null, source: 'p' });
      stated.set('something.else', { label: 'Onbekend', amount: 5, roundedTo: null, source: 'p' });
    });
    const controls = Object.fromEntries(computeTotals(doc).controls.map((c) => [c.key, c]));
    expect(controls['beheer.total']).toMatchObject({ computed: 58_900_000, difference: 0, agrees: true });
    expect(controls['beheer.total.rounded']).toMatchObject({ difference: 40_000, agrees: true });
    expect(controls['renewal.allocated.total']).toMatchObject({ difference: 769_000, agrees: false });
    expect(controls['something.else']).toMatchObject({ computed: null, difference: null, agrees: false });
  });

  it('adds many small amounts without drift', () => {
    const doc = createBoardDoc({ title: 'Drift', year: 2025 }, { kind: 'seed' });
    const rows = Array.from({ length: 3000 }, (_, i) => ({ ...EMPTY_ROWS.beheer, bouwsteen: `b${i}`, amount: 100 }));
    must(insertRows(doc, 'beheer', rows, me));
    // 3000 x 0,1 thousand euro: a float sum of 0.1 would drift; whole euros do not.
    expect(computeTotals(doc).beheer.total).toBe(300_000);
  });
});

describe('observeTotals', () => {
  it('stays equal to a full recompute through random edits, deletes and remote updates', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const random = seededRandom(seed);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
      const amount = (): Amount => (random() < 0.1 ? 'ntb' : random() < 0.1 ? 'none' : Math.floor(random() * 1e9));
      const { doc } = smallBoard();
      const remote = new Y.Doc();
      Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== 'remote') Y.applyUpdate(remote, update, 'remote');
      });
      const live = observeTotals(remote);
      let changes = 0;
      live.onChange(() => changes++);
      for (let step = 0; step < 300; step++) {
        const sheet = pick(['beheer', 'vernieuwing'] as const);
        const rows = readSheet(doc, sheet);
        const roll = random();
        if (roll < 0.2 || rows.length === 0) {
          const row = sheet === 'beheer'
            ? { ...EMPTY_ROWS.beheer, domain: pick(DOMAINS), opdrachtnemer: pick(['Logius', 'RvIG', 'KVK']), amount: amount() }
            : renewal('x', { domain: pick(DOMAINS_AND_GENERIEK), status: pick(RENEWAL_STATUSES), requested: amount(), allocated: amount(), outlook1: amount(), outlook2: amount() });
          must(insertRow(doc, sheet, row, me));
        } else if (roll < 0.3) {
          must(deleteRow(doc, sheet, pick(rows).id, me));
        } else {
          const id = pick(rows).id;
          if (sheet === 'beheer') {
            const field = pick(['amount', 'domain', 'opdrachtnemer'] as const);
            const value = field === 'amount' ? amount() : field === 'domain' ? pick(DOMAINS) : pick(['Logius', 'ICTU']);
            must(setCell(doc, 'beheer', id, field, value, me));
          } else {
            const field = pick(['requested', 'allocated', 'outlook1', 'outlook2', 'domain', 'status'] as const);
            const value = field === 'domain' ? pick(DOMAINS_AND_GENERIEK) : field === 'status' ? pick(RENEWAL_STATUSES) : amount();
            must(setCell(doc, 'vernieuwing', id, field, value, me));
          }
        }
        if (step % 7 === 0) must(setSetting(doc, { ceiling: pick(DOMAINS) }, amount(), me));
        if (step % 25 === 0) expect(live.totals()).toEqual(computeTotals(remote));
      }
      expect(live.totals()).toEqual(computeTotals(remote));
      expect(live.totals()).toEqual(computeTotals(doc));
      expect(changes).toBeGreaterThan(300);
      live.destroy();
    }
  });
});
