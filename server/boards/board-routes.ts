// REST routes of boards: the list, one board, and its live totals (also as an event stream).
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { Board, BoardStore } from '../../db/board-store.ts';
import { requireBoardRole, requireIdentity, type AuthEnv } from '../auth/middleware.ts';
import type { Authenticator } from '../auth/authenticator.ts';
import { httpError } from '../http-error.ts';
import type { RoomRegistry } from '../sync/room-registry.ts';
import { streamTotals } from './totals-stream.ts';

export interface BoardRoutesDeps {
  store: BoardStore;
  rooms: RoomRegistry;
  authenticator: Authenticator;
}

const BOARD_ID = /^[A-Za-z0-9_-]{1,64}$/;

function boardSummary(board: Board) {
  return { id: board.id, title: board.title, year: board.year, createdAt: board.createdAt, updatedAt: board.updatedAt };
}

export async function findBoard(store: BoardStore, id: string): Promise<Board> {
  if (!BOARD_ID.test(id)) throw httpError(400, 'invalid-board-id', 'A board id has 1-64 letters, digits, "-" or "_".');
  const board = await store.getBoard(id);
  if (!board) throw httpError(404, 'board-not-found', `There is no board "${id}".`);
  return board;
}

// No id or query value of Planbord holds a control character, and PostgreSQL refuses a NUL in text
// outright: such a request is a 400 here, not a database error later.
const CONTROL = /[\u0000-\u001f\u007f]/;

async function printableRequest(c: Context<AuthEnv>, next: () => Promise<void>): Promise<void> {
  let path: string;
  try {
    path = decodeURIComponent(new URL(c.req.url).pathname);
  } catch {
    throw httpError(400, 'invalid-path', 'The path is not validly encoded.');
  }
  const values = [path, ...Object.values(c.req.queries()).flat()];
  if (values.some((value) => CONTROL.test(value))) throw httpError(400, 'invalid-path', 'The path or query holds a control character.');
  await next();
}

/**
 * Guards every route of one board (/api/boards/:id and below): the caller's role first, so that
 * nobody without access learns which boards exist, then that the board exists.
 */
export function boardAccess(store: BoardStore, authenticator: Authenticator): MiddlewareHandler<AuthEnv>[] {
  return [
    printableRequest,
    requireBoardRole(authenticator, 'viewer'),
    async function boardExists(c, next) {
      await findBoard(store, c.req.param('id') ?? '');
      await next();
    },
  ];
}

export function boardRoutes({ store, rooms, authenticator }: BoardRoutesDeps): Hono<AuthEnv> {
  const routes = new Hono<AuthEnv>();

  routes.get('/', requireIdentity(authenticator), async (c) => {
    const identity = c.get('identity');
    const boards = await store.listBoards();
    const visible = identity.kind === 'admin' ? boards : boards.filter((board) => board.id === identity.boardId);
    return c.json(visible.map(boardSummary));
  });

  routes.get('/:id', async (c) => c.json(boardSummary(await findBoard(store, c.req.param('id')))));

  async function withRoom(c: Context<AuthEnv>) {
    const board = await findBoard(store, c.req.param('id') ?? '');
    const acquired = await rooms.acquire(board.id);
    if (!acquired.ok) {
      throw httpError(acquired.error === 'board-not-found' ? 404 : 503, acquired.error, `Board "${board.id}" cannot be opened right now.`);
    }
    return { board, room: acquired.value };
  }

  routes.get('/:id/totals', async (c) => {
    const { board, room } = await withRoom(c);
    try {
      return c.json({ boardId: board.id, title: board.title, ...room.totals.totals() });
    } finally {
      rooms.release(room);
    }
  });

  routes.get('/:id/totals/stream', async (c) => {
    const { board, room } = await withRoom(c);
    return streamTotals(c, room, () => rooms.release(room), () => ({ boardId: board.id, title: board.title }));
  });

  return routes;
}
