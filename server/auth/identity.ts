// Who is asking: the server's admin, or a member of one board (joined through an invite link).
import type { Role } from '../../shared/access/roles.ts';

export type Identity =
  | { kind: 'admin'; sessionId: string | null }
  | {
      kind: 'member';
      sessionId: string;
      memberId: string;
      boardId: string;
      displayName: string;
      role: Role;
      /** A colour for presence, stable per member: "#rrggbb". */
      color: string;
    };

/** The role an identity has on a board, or null if it has none there. The admin chairs every board. */
export function roleOn(identity: Identity, boardId: string): Role | null {
  if (identity.kind === 'admin') return 'chair';
  return identity.boardId === boardId ? identity.role : null;
}

/** Access changes that open connections must follow within a second. */
export type AccessChange =
  | { kind: 'member-revoked'; boardId: string; memberId: string }
  | { kind: 'role-changed'; boardId: string; memberId: string; role: Role }
  | { kind: 'session-ended'; sessionId: string };
