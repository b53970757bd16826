// Invites and members of one board: chairs hand out links per role, change roles and revoke.
// Every change that takes access away is published, so open connections follow it at once.
import { Hono } from 'hono';
import type { AccessStore, Invite, Member } from '../../db/access-store.ts';
import { httpError } from '../http-error.ts';
import { onlyFields, readJsonObject } from '../json-body.ts';
import type { AccessEvents } from './access-events.ts';
import { parseExpiry, parseRole } from './access-requests.ts';
import type { Authenticator } from './authenticator.ts';
import { requireBoardRole, type AuthEnv } from './middleware.ts';
import { hashToken, newId, newToken } from './tokens.ts';

export interface AccessRoutesDeps {
  access: AccessStore;
  authenticator: Authenticator;
  events: AccessEvents;
  publicUrl: string;
}

const inviteView = ({ id, boardId, role, createdAt, expiresAt, revokedAt }: Invite) => ({ id, boardId, role, createdAt, expiresAt, revokedAt });
const memberView = ({ id, displayName, role, color, createdAt }: Member) => ({ id, displayName, role, color, createdAt });

export function accessRoutes(deps: AccessRoutesDeps): Hono<AuthEnv> {
  const routes = new Hono<AuthEnv>();
  const chair = requireBoardRole(deps.authenticator, 'chair');
  const anyone = requireBoardRole(deps.authenticator, 'viewer');

  routes.post('/:id/invites', chair, async (c) => {
    const body = await readJsonObject(c);
    onlyFields(body, ['role', 'expiresInHours']);
    const role = parseRole(body.role);
    const expiresAt = parseExpiry(body.expiresInHours, new Date());
    if (!role.ok) throw httpError(400, 'invalid-body', role.error);
    if (!expiresAt.ok) throw httpError(400, 'invalid-body', expiresAt.error);
    const identity = c.get('identity');
    const token = newToken();
    const invite = await deps.access.createInvite({
      id: newId(),
      boardId: c.req.param('id'),
      role: role.value,
      tokenHash: hashToken(token),
      createdBy: identity.kind === 'admin' ? 'admin' : identity.memberId,
      expiresAt: expiresAt.value,
    });
    // The token travels in the fragment, which browsers never send to the server (or its logs).
    return c.json({ ...inviteView(invite), token, url: `${deps.publicUrl}/join#${token}` }, 201);
  });

  routes.get('/:id/invites', chair, async (c) => c.json((await deps.access.listInvites(c.req.param('id'))).map(inviteView)));

  routes.delete('/:id/invites/:inviteId', chair, async (c) => {
    const boardId = c.req.param('id');
    const revoked = await deps.access.revokeInvite(boardId, c.req.param('inviteId'));
    if (!revoked) throw httpError(404, 'invite-not-found', 'There is no such invite on this board.');
    for (const memberId of revoked.memberIds) deps.events.publish({ kind: 'member-revoked', boardId, memberId });
    return c.json({ revokedMembers: revoked.memberIds.length });
  });

  routes.get('/:id/members', anyone, async (c) => c.json((await deps.access.listMembers(c.req.param('id'))).map(memberView)));

  routes.patch('/:id/members/:memberId', chair, async (c) => {
    const body = await readJsonObject(c);
    onlyFields(body, ['role']);
    const role = parseRole(body.role);
    if (!role.ok) throw httpError(400, 'invalid-body', role.error);
    const boardId = c.req.param('id');
    const member = await deps.access.setMemberRole(boardId, c.req.param('memberId'), role.value);
    if (!member) throw httpError(404, 'member-not-found', 'There is no such member on this board.');
    deps.events.publish({ kind: 'role-changed', boardId, memberId: member.id, role: role.value });
    return c.json(memberView(member));
  });

  routes.delete('/:id/members/:memberId', chair, async (c) => {
    const boardId = c.req.param('id');
    const memberId = c.req.param('memberId');
    if (!(await deps.access.revokeMember(boardId, memberId))) throw httpError(404, 'member-not-found', 'There is no such member on this board.');
    deps.events.publish({ kind: 'member-revoked', boardId, memberId });
    return c.json({ ok: true });
  });

  return routes;
}
