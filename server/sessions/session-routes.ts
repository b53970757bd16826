// Sessions (meetings) on a board: a chair opens one with a title; everyone on the board can follow
// its attendance and change log live; agreeing a snapshot (or closing) ends it.
import { Hono } from 'hono';
import type { SessionStore } from '../../db/session-store.ts';
import type { Authenticator } from '../auth/authenticator.ts';
import { displayNameOf } from '../auth/display-name.ts';
import { requireBoardRole, type AuthEnv } from '../auth/middleware.ts';
import { httpError } from '../http-error.ts';
import { onlyFields, readJsonObject, readTitle } from '../json-body.ts';
import type { SessionManager } from './session-manager.ts';

export function sessionRoutes(deps: { sessions: SessionManager; store: SessionStore; authenticator: Authenticator }): Hono<AuthEnv> {
  const routes = new Hono<AuthEnv>();
  const viewer = requireBoardRole(deps.authenticator, 'viewer');
  const chair = requireBoardRole(deps.authenticator, 'chair');

  routes.post('/:id/sessions', chair, async (c) => {
    const body = await readJsonObject(c);
    onlyFields(body, ['title']);
    const title = readTitle(body.title, 'title', 120);
    const opened = await deps.sessions.open(c.req.param('id'), title, displayNameOf(c.get('identity')));
    if (!opened.ok) throw httpError(opened.error === 'session-open' ? 409 : 503, opened.error, opened.error === 'session-open' ? 'A session is already open on this board.' : 'The board cannot be opened right now.');
    return c.json({ id: opened.value.sessionId, ...opened.value.log }, 201);
  });

  routes.get('/:id/sessions', viewer, async (c) =>
    c.json((await deps.store.list(c.req.param('id'))).map(({ id, title, openedBy, openedAt, closedAt }) => ({ id, title, openedBy, openedAt, closedAt }))),
  );

  routes.get('/:id/sessions/current', viewer, (c) => {
    const recorder = deps.sessions.current(c.req.param('id'));
    if (!recorder) throw httpError(404, 'no-session', 'No session is open on this board.');
    return c.json({ id: recorder.sessionId, ...recorder.log });
  });

  routes.get('/:id/sessions/:sessionId', viewer, async (c) => {
    const session = await deps.store.get(c.req.param('id'), c.req.param('sessionId'));
    if (!session) throw httpError(404, 'session-not-found', 'There is no such session on this board.');
    return c.json(session);
  });

  routes.post('/:id/sessions/current/close', chair, async (c) => {
    const record = await deps.sessions.close(c.req.param('id'));
    if (!record) throw httpError(404, 'no-session', 'No session is open on this board.');
    return c.json({ record });
  });

  return routes;
}
