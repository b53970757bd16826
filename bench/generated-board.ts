// A generated board of any size for the benchmarks: half B&E rows, half renewal proposals, with
// amounts drawn from a seeded generator so every run builds the same board.
import type { Amount } from '../shared/amount.ts';
import { insertRows } from '../shared/board/board-doc.ts';
import { createBoardDoc } from '../shared/board/new-board.ts';
import type { BoardOrigin } from '../shared/board/origins.ts';
import { EMPTY_ROWS } from '../shared/board/sheets.ts';
import { DOMAINS, DOMAINS_AND_GENERIEK } from '../shared/domain.ts';
import type * as Y from 'yjs';

export function must<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

export function generatedBoard(rowCount: number, origin: BoardOrigin, title = 'Bench'): Y.Doc {
  let seed = 42;
  const random = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const amount = (): Amount => (random() < 0.05 ? 'ntb' : random() < 0.05 ? 'none' : Math.floor(random() * 5e7));
  // As in a real plan, most allocations are at most what was requested; 1% breaks the rule.
  const requestAndAllocation = (): { requested: Amount; allocated: Amount } => {
    const requested = amount();
    if (typeof requested !== 'number') return { requested, allocated: requested };
    const share = random() < 0.01 ? 1.2 : random();
    return { requested, allocated: Math.floor(requested * share) };
  };
  const operators = Array.from({ length: 25 }, (_, i) => `Opdrachtnemer ${i}`);

  const doc = createBoardDoc({ title, year: 2025 }, { kind: 'seed' });
  const half = Math.floor(rowCount / 2);
  must(insertRows(doc, 'beheer', Array.from({ length: half }, (_, i) => ({
    ...EMPTY_ROWS.beheer, bouwsteen: `Bouwsteen ${i}`, domain: pick(DOMAINS), opdrachtnemer: pick(operators), amount: amount(),
  })), origin));
  must(insertRows(doc, 'vernieuwing', Array.from({ length: rowCount - half }, (_, i) => ({
    ...EMPTY_ROWS.vernieuwing, name: `Voorstel ${i}`, domain: pick(DOMAINS_AND_GENERIEK),
    ...requestAndAllocation(), outlook1: amount(), outlook2: amount(),
  })), origin));
  return doc;
}
