// Members, invites, sessions and server secrets: the data behind roles. Tokens never reach the
// database, only their hashes.
import { and, asc, count, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from './create-db.ts';
import { invites, members, serverSecrets, sessions, type MemberRole } from './schema.ts';

export type Invite = typeof invites.$inferSelect;
export type Member = typeof members.$inferSelect;

export interface NewInvite {
  id: string;
  boardId: string;
  role: MemberRole;
  tokenHash: string;
  createdBy: string;
  expiresAt: Date | null;
}

export interface NewSession {
  id: string;
  tokenHash: string;
  memberId: string | null;
  expiresAt: Date;
}

/** A live session with its member (null for an admin session). */
export interface SessionRecord {
  id: string;
  isAdmin: boolean;
  member: Pick<Member, 'id' | 'boardId' | 'displayName' | 'role' | 'color'> | null;
}

export interface AccessStore {
  getSecret(key: string): Promise<string | null>;
  /** Stores the value unless the key exists; returns what is stored. */
  putSecretIfAbsent(key: string, value: string): Promise<string>;
  createInvite(invite: NewInvite): Promise<Invite>;
  listInvites(boardId: string): Promise<Invite[]>;
  /** A usable invite: not revoked, not expired. */
  findUsableInvite(tokenHash: string, now: Date): Promise<Invite | null>;
  /** Revokes the invite and every member who joined through it; null if there is no such invite. */
  revokeInvite(boardId: string, inviteId: string): Promise<{ memberIds: string[] } | null>;
  /** Creates a member and its first session in one transaction. */
  joinBoard(member: Omit<Member, 'createdAt' | 'revokedAt'>, session: NewSession): Promise<void>;
  countMembers(boardId: string): Promise<number>;
  listMembers(boardId: string): Promise<Member[]>;
  setMemberRole(boardId: string, memberId: string, role: MemberRole): Promise<Member | null>;
  revokeMember(boardId: string, memberId: string): Promise<boolean>;
  createAdminSession(session: NewSession): Promise<void>;
  /** The session for a token hash if it is live and its member (if any) is not revoked. */
  findLiveSession(tokenHash: string, now: Date): Promise<SessionRecord | null>;
  endSession(sessionId: string): Promise<void>;
}

export function createAccessStore(db: Db): AccessStore {
  return {
    async getSecret(key) {
      const [row] = await db.select({ value: serverSecrets.value }).from(serverSecrets).where(eq(serverSecrets.key, key));
      return row?.value ?? null;
    },

    async putSecretIfAbsent(key, value) {
      await db.insert(serverSecrets).values({ key, value }).onConflictDoNothing();
      const [row] = await db.select({ value: serverSecrets.value }).from(serverSecrets).where(eq(serverSecrets.key, key));
      if (!row) throw new Error(`secret ${key} vanished`);
      return row.value;
    },

    async createInvite(invite) {
      const [row] = await db.insert(invites).values(invite).returning();
      if (!row) throw new Error('insert of invite returned no row');
      return row;
    },

    listInvites(boardId) {
      return db.select().from(invites).where(eq(invites.boardId, boardId)).orderBy(asc(invites.createdAt), asc(invites.id));
    },

    async findUsableInvite(tokenHash, now) {
      const [row] = await db.select().from(invites).where(and(eq(invites.tokenHash, tokenHash), isNull(invites.revokedAt)));
      if (!row || (row.expiresAt && row.expiresAt <= now)) return null;
      return row;
    },

    async revokeInvite(boardId, inviteId) {
      return db.transaction(async (tx) => {
        const [invite] = await tx
          .update(invites)
          .set({ revokedAt: new Date() })
          .where(and(eq(invites.id, inviteId), eq(invites.boardId, boardId)))
          .returning({ id: invites.id });
        if (!invite) return null;
        const revoked = await tx
          .update(members)
          .set({ revokedAt: new Date() })
          .where(and(eq(members.inviteId, inviteId), isNull(members.revokedAt)))
          .returning({ id: members.id });
        return { memberIds: revoked.map((member) => member.id) };
      });
    },

    async joinBoard(member, session) {
      await db.transaction(async (tx) => {
        await tx.insert(members).values(member);
        await tx.insert(sessions).values({ ...session, memberId: member.id, isAdmin: false });
      });
    },

    async countMembers(boardId) {
      const [row] = await db.select({ n: count() }).from(members).where(eq(members.boardId, boardId));
      return Number(row?.n ?? 0);
    },

    listMembers(boardId) {
      return db
        .select()
        .from(members)
        .where(and(eq(members.boardId, boardId), isNull(members.revokedAt)))
        .orderBy(asc(members.createdAt), asc(members.id));
    },

    async setMemberRole(boardId, memberId, role) {
      const [row] = await db
        .update(members)
        .set({ role })
        .where(and(eq(members.id, memberId), eq(members.boardId, boardId), isNull(members.revokedAt)))
        .returning();
      return row ?? null;
    },

    async revokeMember(boardId, memberId) {
      const rows = await db
        .update(members)
        .set({ revokedAt: new Date() })
        .where(and(eq(members.id, memberId), eq(members.boardId, boardId), isNull(members.revokedAt)))
        .returning({ id: members.id });
      return rows.length > 0;
    },

    async createAdminSession(session) {
      await db.insert(sessions).values({ ...session, memberId: null, isAdmin: true });
    },

    async findLiveSession(tokenHash, now) {
      const [row] = await db
        .select({
          id: sessions.id,
          isAdmin: sessions.isAdmin,
          memberId: members.id,
          boardId: members.boardId,
          displayName: members.displayName,
          role: members.role,
          color: members.color,
          memberRevokedAt: members.revokedAt,
        })
        .from(sessions)
        .leftJoin(members, eq(members.id, sessions.memberId))
        .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)));
      if (!row) return null;
      if (row.isAdmin) return { id: row.id, isAdmin: true, member: null };
      if (!row.memberId || !row.boardId || !row.role || row.memberRevokedAt) return null;
      return {
        id: row.id,
        isAdmin: false,
        member: { id: row.memberId, boardId: row.boardId, displayName: row.displayName, role: row.role, color: row.color ?? '#1f6fd1' },
      };
    },

    async endSession(sessionId) {
      await db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, sessionId));
    },
  };
}
