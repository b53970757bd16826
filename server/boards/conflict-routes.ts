// Cells two people set at once: listed for everyone on the board, settled by a chair.
import { Hono, type Context } from 'hono';
import { setCell } from '../../shared/board/board-doc.ts';
import type { Authenticator } from '../auth/authenticator.ts';
import { userIdOf } from '../auth/display-name.ts';
import { requireBoardRole, type AuthEnv } from '../auth/middleware.ts';
import { httpError } from '../http-error.ts';
import { onlyFields, readJsonObject } from '../json-body.ts';
import type { BoardRoom } from '../sync/board-room.ts';
import type { RoomRegistry } from '../sync/room-registry.ts';

export function conflictRoutes(deps: { rooms: RoomRegistry; authenticator: Authenticator }): Hono<AuthEnv> {
  const routes = new Hono<AuthEnv>();

  async function withRoom<T>(c: Context<AuthEnv>, use: (room: BoardRoom) => T): Promise<T> {
    const acquired = await deps.rooms.acquire(c.req.param('id') ?? '');
    if (!acquired.ok) throw httpError(503, acquired.error, 'The board cannot be opened right now.');
    try {
      return use(acquired.value);
    } finally {
      deps.rooms.release(acquired.value);
    }
  }

  routes.get('/:id/conflicts', requireBoardRole(deps.authenticator, 'viewer'), async (c) => c.json(await withRoom(c, (room) => room.conflicts.list())));

  // { "id": conflict id, "value": the value the chair keeps (one of the two, or another) }
  routes.post('/:id/conflicts/settle', requireBoardRole(deps.authenticator, 'chair'), async (c) => {
    const body = await readJsonObject(c);
    onlyFields(body, ['id', 'value']);
    const identity = c.get('identity');
    const settled = await withRoom(c, (room) => {
      const conflict = typeof body.id === 'string' ? room.conflicts.get(body.id) : undefined;
      if (!conflict) throw httpError(404, 'conflict-not-found', 'There is no such conflict (any more).');
      const written = setCell(room.doc, conflict.sheet, conflict.rowId, conflict.field, body.value, { kind: 'user', userId: userIdOf(identity) });
      if (!written.ok) throw httpError(400, 'invalid-value', written.error);
      room.conflicts.resolve(conflict.id);
      return { id: conflict.id, value: written.value };
    });
    return c.json(settled);
  });

  return routes;
}
