// REST routes of boards: the list, one board, its live totals (also as an event stream), and the
// repair of a board whose stored document does not load.
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { Board, BoardStore } from '../../db/board-store.ts';
import { requireBoardRole, requireIdentity, type AuthEnv } from '../auth/middleware.ts';
import type { Authenticator } from '../auth/authenticator.ts';
import { hasRole } from '../../shared/access/roles.ts';
import type { BoardDamage } from '../../db/board-damage-store.ts';
import { userIdOf } from '../auth/display-name.ts';
import { httpError } from '../http-error.ts';
import { readJsonObject } from '../json-body.ts';
import { readRepairSource, repairBoard, restoreOptions } from './board-repair.ts';
import type { RoomRegistry } from '../sync/room-registry.ts';
import { streamTotals } from './totals-stream.ts';

export interface BoardRoutesDeps {
  store: BoardStore;
  rooms: RoomRegistry;
  authenticator: Authenticator;
}

const BOARD_ID = /^[A-Za-z0-9_-]{1,64}$/;

function boardSummary(board: Board, damaged = false) {
  return { id: board.id, title: board.title, year: board.year, createdAt: board.createdAt, updatedAt: board.updatedAt, damaged };
}

/** Why a board is damaged and what can restore it: for chairs and the admin. */
async function damageDetail(store: BoardStore, damage: BoardDamage) {
  return { kind: damage.kind, reason: damage.reason, detectedAt: damage.detectedAt, restoreFrom: await restoreOptions(store, damage.boardId) };
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
    const damages = new Map((await store.openDamages()).map((damage) => [damage.boardId, damage]));
    const chair = identity.kind === 'admin' || hasRole(identity.role, 'chair');
    return c.json(
      await Promise.all(
        visible.map(async (board) => {
          const damage = damages.get(board.id);
          return { ...boardSummary(board, Boolean(damage)), ...(damage && chair ? { damage: await damageDetail(store, damage) } : {}) };
        }),
      ),
    );
  });

  routes.get('/:id', async (c) => {
    const board = await findBoard(store, c.req.param('id'));
    const damage = await store.openDamage(board.id);
    const chair = hasRole(c.get('role'), 'chair');
    return c.json({ ...boardSummary(board, Boolean(damage)), ...(damage && chair ? { damage: await damageDetail(store, damage) } : {}) });
  });

  // The admin restores a damaged board from a snapshot or its last compacted state that loads.
  routes.post('/:id/repair', async (c) => {
    const identity = c.get('identity');
    if (identity.kind !== 'admin') throw httpError(403, 'forbidden', 'Only the admin repairs a board.');
    const board = await findBoard(store, c.req.param('id'));
    const source = readRepairSource(await readJsonObject(c));
    const repaired = await repairBoard({ store, rooms }, board.id, source, userIdOf(identity));
    if (!repaired.ok) {
      const status = repaired.error.code === 'snapshot-not-found' ? 404 : repaired.error.code === 'source-unreadable' ? 422 : 409;
      throw httpError(status, repaired.error.code, repaired.error.message);
    }
    return c.json(repaired.value);
  });

  async function withRoom(c: Context<AuthEnv>) {
    const board = await findBoard(store, c.req.param('id') ?? '');
    const acquired = await rooms.acquire(board.id);
    if (!acquired.ok) {
      const damage = acquired.error === 'board-unreadable' ? await store.openDamage(board.id) : null;
      const message = damage ? `Board "${board.id}" is damaged and waits for the admin to repair it: ${damage.reason}` : `Board "${board.id}" cannot be opened right now.`;
      throw httpError(acquired.error === 'board-not-found' ? 404 : 503, acquired.error, message);
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
