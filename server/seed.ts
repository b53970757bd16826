// First start: the 2025 plan becomes the default board. Seeding is keyed on the board id, so a
// restart (or two servers starting at once) never seeds twice.
import * as Y from 'yjs';
import type { BoardStore } from '../db/board-store.ts';
import { buildPlan2025Board, PLAN_2025 } from '../shared/plan-2025/plan-board.ts';

export async function seedDefaultBoard(store: BoardStore): Promise<'seeded' | 'present'> {
  if (await store.getBoard(PLAN_2025.id)) return 'present';
  const doc = buildPlan2025Board();
  const created = await store.createBoard(
    { id: PLAN_2025.id, title: PLAN_2025.title, year: PLAN_2025.year },
    Y.encodeStateAsUpdate(doc),
    'seed',
  );
  doc.destroy();
  return created.ok ? 'seeded' : 'present';
}
