// Signing in: joining a board through an invite token, the admin's login, logout, and "who am I".
import { Hono } from 'hono';
import type { AccessStore } from '../../db/access-store.ts';
import { warmBoard } from '../boards/warm-board.ts';
import { httpError } from '../http-error.ts';
import type { RoomRegistry } from '../sync/room-registry.ts';
import { onlyFields, readJsonObject } from '../json-body.ts';
import type { AccessEvents } from './access-events.ts';
import { limitFailedAttempts, type AttemptLimiter } from '../http/attempt-limit.ts';
import { parseToken } from './access-requests.ts';
import { displayNameKey, parseDisplayName } from './display-name.ts';
import type { Authenticator } from './authenticator.ts';
import { requireIdentity, type AuthEnv } from './middleware.ts';
import { presenceColor } from './presence-colors.ts';
import { clearSessionCookie, SESSION_DAYS, setSessionCookie } from './session-cookie.ts';
import { hashToken, newId, newToken, sameHash } from './tokens.ts';

export interface AuthRoutesDeps {
  access: AccessStore;
  authenticator: Authenticator;
  events: AccessEvents;
  adminTokenHash: string;
  secureCookies: boolean;
  rooms: RoomRegistry;
  /** Failed guesses of invite and admin tokens, per address. */
  attempts: AttemptLimiter;
}

const sessionExpiry = () => new Date(Date.now() + SESSION_DAYS * 86_400_000);

export function authRoutes(deps: AuthRoutesDeps): Hono<AuthEnv> {
  const routes = new Hono<AuthEnv>();
  const limited = limitFailedAttempts(deps.attempts);

  // The invite page shows where a link leads before anyone types a name, and a dead link at once.
  // The board starts loading meanwhile: the person reading the page joins it next.
  routes.post('/invite', limited, async (c) => {
    const body = await readJsonObject(c);
    onlyFields(body, ['token']);
    const token = parseToken(body.token, 'token');
    if (!token.ok) throw httpError(400, 'invalid-body', token.error);
    const invite = await deps.access.findUsableInvite(hashToken(token.value), new Date());
    if (!invite) throw httpError(401, 'invalid-invite', 'This invite link is not valid (any more).');
    warmBoard(deps.rooms, invite.boardId);
    return c.json(invite);
  });

  routes.post('/join', limited, async (c) => {
    const body = await readJsonObject(c);
    onlyFields(body, ['token', 'displayName']);
    const token = parseToken(body.token, 'token');
    const displayName = parseDisplayName(body.displayName);
    if (!token.ok) throw httpError(400, 'invalid-body', token.error);
    if (!displayName.ok) throw httpError(400, 'invalid-body', displayName.error);
    const sessionToken = newToken();
    const joined = await deps.access.joinWithInvite({
      inviteTokenHash: hashToken(token.value),
      now: new Date(),
      memberId: newId(),
      displayName: displayName.value,
      colorFor: presenceColor,
      nameKey: displayNameKey,
      session: { id: newId(), tokenHash: hashToken(sessionToken), expiresAt: sessionExpiry() },
    });
    // One answer for unknown, expired and revoked links, so a guess learns nothing.
    if (!joined.ok && joined.error === 'invalid-invite') throw httpError(401, 'invalid-invite', 'This invite link is not valid (any more).');
    if (!joined.ok) {
      throw httpError(
        409,
        'display-name-taken',
        `Op dit bord heet al iemand "${displayName.value}"; kies een andere naam. (Someone on this board is already called "${displayName.value}"; choose another name.)`,
      );
    }
    const member = joined.value;
    setSessionCookie(c, sessionToken, deps.secureCookies);
    const { boardId, role, color } = member;
    // The browser opens this board next.
    warmBoard(deps.rooms, boardId);
    return c.json({ boardId, role, displayName: displayName.value, color, sessionToken });
  });

  routes.post('/login', limited, async (c) => {
    const body = await readJsonObject(c);
    onlyFields(body, ['adminToken']);
    const token = parseToken(body.adminToken, 'adminToken');
    if (!token.ok) throw httpError(400, 'invalid-body', token.error);
    if (!sameHash(hashToken(token.value), deps.adminTokenHash)) throw httpError(401, 'invalid-admin-token', 'That is not the admin token.');
    const sessionToken = newToken();
    await deps.access.createAdminSession({ id: newId(), tokenHash: hashToken(sessionToken), memberId: null, expiresAt: sessionExpiry() });
    setSessionCookie(c, sessionToken, deps.secureCookies);
    return c.json({ kind: 'admin' });
  });

  routes.post('/logout', requireIdentity(deps.authenticator), async (c) => {
    const identity = c.get('identity');
    if (identity.sessionId) {
      await deps.access.endSession(identity.sessionId);
      deps.events.publish({ kind: 'session-ended', sessionId: identity.sessionId });
    }
    clearSessionCookie(c, deps.secureCookies);
    return c.json({ ok: true });
  });

  routes.get('/me', requireIdentity(deps.authenticator), (c) => {
    const identity = c.get('identity');
    if (identity.kind === 'admin') return c.json({ kind: 'admin' });
    const { boardId, role, displayName, color, memberId } = identity;
    return c.json({ kind: 'member', memberId, boardId, role, displayName, color });
  });

  return routes;
}
