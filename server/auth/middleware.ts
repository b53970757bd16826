// Route guards. Every /api route but join and login passes one of these; the identity they find is
// on the context for the handler.
import type { Context, MiddlewareHandler } from 'hono';
import { hasRole, type Role } from '../../shared/access/roles.ts';
import { httpError } from '../http-error.ts';
import type { Authenticator } from './authenticator.ts';
import { roleOn, type Identity } from './identity.ts';

export interface AuthVariables {
  identity: Identity;
  role: Role;
}

export type AuthEnv = { Variables: AuthVariables };

// A request that passes two guards (the board guard and the route's own) is authenticated once.
async function identify(c: Context<AuthEnv>, authenticator: Authenticator): Promise<Identity> {
  const known = c.get('identity') as Identity | undefined;
  if (known) return known;
  const identity = await authenticator.authenticate({
    cookie: c.req.header('cookie'),
    authorization: c.req.header('authorization'),
  });
  if (!identity) throw httpError(401, 'unauthenticated', 'Sign in through an invite link, or send a bearer token.');
  c.set('identity', identity);
  return identity;
}

export function requireIdentity(authenticator: Authenticator): MiddlewareHandler<AuthEnv> {
  return async function requireIdentity(c, next) {
    c.set('identity', await identify(c, authenticator));
    await next();
  };
}

/** For routes with :id: the caller needs at least `minimum` on that board. */
export function requireBoardRole(authenticator: Authenticator, minimum: Role): MiddlewareHandler<AuthEnv> {
  return async function requireBoardRole(c, next) {
    const identity = await identify(c, authenticator);
    const boardId = c.req.param('id') ?? '';
    const role = roleOn(identity, boardId);
    if (!role) throw httpError(403, 'forbidden', `You have no access to board "${boardId}".`);
    if (!hasRole(role, minimum)) throw httpError(403, 'forbidden', `This needs the role ${minimum} on this board; you are ${role}.`);
    c.set('identity', identity);
    c.set('role', role);
    await next();
  };
}
