// The server's REST API as the client uses it. Errors come back as values with the server's reason.
import type { Role } from '../../../shared/access/roles.ts';
import { err, ok, type Result } from '../../../shared/result.ts';

export type Me =
  | { kind: 'admin' }
  | { kind: 'member'; memberId: string; boardId: string; role: Role; displayName: string; color: string };

export interface BoardSummary {
  id: string;
  title: string;
  year: number;
  /** The board's stored document does not load; `damage` says why (admin and chairs only). */
  damaged?: boolean;
  damage?: BoardDamage;
}

/** Why a board does not load, and what the admin can restore it from (GET /api/boards). */
export interface BoardDamage {
  kind: string;
  reason: string;
  detectedAt: string;
  restoreFrom: {
    snapshot: { id: string; name: string; createdAt: string } | null;
    compacted: { which: 'current' | 'previous'; savedAt: string | null } | null;
  };
}

export type RepairSource = { from: 'snapshot'; snapshotId: string } | { from: 'compacted' };

/** Where an invite link leads, shown before the person gives a name. */
export interface InvitePreview {
  boardId: string;
  boardTitle: string;
  role: Role;
}

export interface InviteView {
  id: string;
  role: Role;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface MemberView {
  id: string;
  displayName: string;
  role: Role;
  color: string;
  createdAt: string;
}

export async function call<T>(method: string, url: string, body?: unknown): Promise<Result<T, { status: number; message: string }>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return err({ status: 0, message: 'De server is niet bereikbaar.' });
  }
  const data = (await response.json().catch(() => ({}))) as { message?: string };
  if (!response.ok) return err({ status: response.status, message: data.message ?? response.statusText });
  return ok(data as T);
}

export const api = {
  me: () => call<Me>('GET', '/api/me'),
  login: (adminToken: string) => call<{ kind: 'admin' }>('POST', '/api/login', { adminToken }),
  invite: (token: string) => call<InvitePreview>('POST', '/api/invite', { token }),
  join: (token: string, displayName: string) =>
    call<{ boardId: string; role: Role; displayName: string }>('POST', '/api/join', { token, displayName }),
  logout: () => call<{ ok: true }>('POST', '/api/logout'),
  boards: () => call<BoardSummary[]>('GET', '/api/boards'),
  invites: (boardId: string) => call<InviteView[]>('GET', `/api/boards/${encodeURIComponent(boardId)}/invites`),
  createInvite: (boardId: string, role: Role) =>
    call<InviteView & { url: string }>('POST', `/api/boards/${encodeURIComponent(boardId)}/invites`, { role }),
  repairBoard: (boardId: string, source: RepairSource) =>
    call<{ from: string; loaded: boolean }>('POST', `/api/boards/${encodeURIComponent(boardId)}/repair`, source),
  members: (boardId: string) => call<MemberView[]>('GET', `/api/boards/${encodeURIComponent(boardId)}/members`),
  revokeInvite: (boardId: string, inviteId: string) =>
    call<{ revokedMembers: number }>('DELETE', `/api/boards/${encodeURIComponent(boardId)}/invites/${encodeURIComponent(inviteId)}`),
};

export function roleOf(me: Me, boardId: string): Role | null {
  if (me.kind === 'admin') return 'chair';
  return me.boardId === boardId ? me.role : null;
}
