// REST routes of boards: the list and each board's live totals.
import { Hono } from 'hono';
import type { Board, BoardStore } from '../../db/board-store.ts';
import { httpError } from '../http-error.ts';
import type { BoardRegistry } from './board-registry.ts';

export interface BoardRoutesDeps {
  store: BoardStore;
  boards: BoardRegistry;
}

const BOARD_ID = /^[A-Za-z0-9_-]{1,64}$/;

function boardSummary(board: Board) {
  return {
    id: board.id,
    title: board.title,
    year: board.year,
    createdAt: board.createdAt,
    updatedAt: board.updatedAt,
  };
}

export function boardRoutes({ store, boards }: BoardRoutesDeps): Hono {
  const routes = new Hono();

  routes.get('/', async (c) => c.json((await store.listBoards()).map(boardSummary)));

  routes.get('/:id', async (c) => c.json(boardSummary(await findBoard(store, c.req.param('id')))));

  routes.get('/:id/totals', async (c) => {
    const board = await findBoard(store, c.req.param('id'));
    const open = await boards.open(board.id);
    if (!open.ok) throw httpError(500, open.error, `Board "${board.id}" could not be read.`);
    return c.json({ boardId: board.id, title: board.title, ...open.value.totals.totals() });
  });

  return routes;
}

async function findBoard(store: BoardStore, id: string): Promise<Board> {
  if (!BOARD_ID.test(id)) throw httpError(400, 'invalid-board-id', 'A board id has 1-64 letters, digits, "-" or "_".');
  const board = await store.getBoard(id);
  if (!board) throw httpError(404, 'board-not-found', `There is no board "${id}".`);
  return board;
}
