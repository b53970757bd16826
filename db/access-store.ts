// Members, invites, sessions and server secrets: the data behind roles. Tokens never reach the
// database, only their hashes.
import { and, asc, count, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import { err, ok, type Result } from '../shared/result.ts';
import type { Db } from './create-db.ts';
import { boards, invites, members, serverSecrets, sessions, type MemberRole } from './schema.ts';

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

export interface JoinRequest {
  inviteTokenHash: string;
  now: Date;
  memberId: string;
  displayName: string;
  /** Picks the presence colour from the number of members the board had before this one. */
  colorFor: (membersBefore: number) => string;
  /** What names are compared by: no two live members of a board may have the same key. */
  nameKey: (displayName: string) => string;
  session: Omit<NewSession, 'memberId'>;
}

export type JoinRefusal = 'invalid-invite' | 'name-taken';

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
  /** Stores the value, replacing what was stored under the key. */
  putSecret(key: string, value: string): Promise<void>;
  createInvite(invite: NewInvite): Promise<Invite>;
  listInvites(boardId: string): Promise<Invite[]>;
  /**
   * Revokes the invite and every member who joined through it; null if there is no such invite.
   * memberIds are the members revoked now (none when the invite was revoked before).
   */
  revokeInvite(boardId: string, inviteId: string): Promise<{ memberIds: string[] } | null>;
  /** What a usable invite (not revoked, not expired) leads to, for the page that asks for a name. */
  findUsableInvite(inviteTokenHash: string, now: Date): Promise<{ boardId: string; boardTitle: string; role: MemberRole } | null>;
  /**
   * Joins a board through a usable invite (not revoked, not expired): creates the member and its
   * first session in one transaction. Fails when the invite is not usable, or when a live member
   * of the board has a name with the same key.
   */
  joinWithInvite(request: JoinRequest): Promise<Result<Member, JoinRefusal>>;
  listMembers(boardId: string): Promise<Member[]>;
  setMemberRole(boardId: string, memberId: string, role: MemberRole): Promise<Member | null>;
  revokeMember(boardId: string, memberId: string): Promise<boolean>;
  createAdminSession(session: NewSession): Promise<void>;
  /** Ends every admin session, e.g. when the admin token is replaced. */
  revokeAdminSessions(): Promise<number>;
  /**
   * The session for a token hash if it is live (not ended, not expired) and, for a member, the
   * member is not revoked and neither is the invite it joined through. One indexed query.
   */
  findLiveSession(tokenHash: string, now: Date): Promise<SessionRecord | null>;
  endSession(sessionId: string): Promise<void>;
  /** Sessions not ended that expire after `from` and at or before `until`, for closing their connections on time. */
  sessionsExpiring(from: Date, until: Date): Promise<{ id: string; expiresAt: Date }[]>;
}

/** An invite is usable when it is not revoked (this condition) and not expired (`expired`). */
const unrevokedInvite = (tokenHash: string) => and(eq(invites.tokenHash, tokenHash), isNull(invites.revokedAt));
const expired = (invite: { expiresAt: Date | null }, now: Date) => invite.expiresAt !== null && invite.expiresAt <= now;

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

    async putSecret(key, value) {
      await db.insert(serverSecrets).values({ key, value }).onConflictDoUpdate({ target: serverSecrets.key, set: { value } });
    },

    async createInvite(invite) {
      const [row] = await db.insert(invites).values(invite).returning();
      if (!row) throw new Error('insert of invite returned no row');
      return row;
    },

    listInvites(boardId) {
      return db.select().from(invites).where(eq(invites.boardId, boardId)).orderBy(asc(invites.createdAt), asc(invites.id));
    },

    async revokeInvite(boardId, inviteId) {
      return db.transaction(async (tx) => {
        // Revoking twice keeps the first revocation time.
        const [invite] = await tx
          .update(invites)
          .set({ revokedAt: sql`coalesce(${invites.revokedAt}, now())` })
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

    async findUsableInvite(inviteTokenHash, now) {
      const [invite] = await db
        .select({ boardId: invites.boardId, boardTitle: boards.title, role: invites.role, expiresAt: invites.expiresAt })
        .from(invites)
        .innerJoin(boards, eq(boards.id, invites.boardId))
        .where(unrevokedInvite(inviteTokenHash));
      if (!invite || expired(invite, now)) return null;
      return { boardId: invite.boardId, boardTitle: invite.boardTitle, role: invite.role };
    },

    // The invite row is share-locked, so a revocation committing meanwhile waits for this join and
    // then revokes the new member too. Joins to one board take turns (a transaction-scoped advisory
    // lock on the board), so two people joining at once as "Anna" and "anna" cannot both succeed.
    async joinWithInvite({ inviteTokenHash, now, memberId, displayName, colorFor, nameKey, session }) {
      return db.transaction(async (tx) => {
        const [invite] = await tx
          .select()
          .from(invites)
          .where(unrevokedInvite(inviteTokenHash))
          .for('share');
        if (!invite || expired(invite, now)) return err('invalid-invite' as const);
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`planbord-join:${invite.boardId}`}))`);
        const names = await tx
          .select({ displayName: members.displayName })
          .from(members)
          .where(and(eq(members.boardId, invite.boardId), isNull(members.revokedAt)));
        const key = nameKey(displayName);
        if (names.some((other) => other.displayName !== null && nameKey(other.displayName) === key)) return err('name-taken' as const);
        const [before] = await tx.select({ n: count() }).from(members).where(eq(members.boardId, invite.boardId));
        const [member] = await tx
          .insert(members)
          .values({
            id: memberId,
            boardId: invite.boardId,
            displayName,
            role: invite.role,
            inviteId: invite.id,
            color: colorFor(Number(before?.n ?? 0)),
          })
          .returning();
        if (!member) throw new Error(`insert of member ${memberId} returned no row`);
        await tx.insert(sessions).values({ ...session, memberId, isAdmin: false });
        return ok(member);
      });
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

    async revokeAdminSessions() {
      const rows = await db
        .update(sessions)
        .set({ revokedAt: new Date() })
        .where(and(eq(sessions.isAdmin, true), isNull(sessions.revokedAt)))
        .returning({ id: sessions.id });
      return rows.length;
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
          inviteRevokedAt: invites.revokedAt,
        })
        .from(sessions)
        .leftJoin(members, eq(members.id, sessions.memberId))
        .leftJoin(invites, eq(invites.id, members.inviteId))
        .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)));
      if (!row) return null;
      if (row.isAdmin) return { id: row.id, isAdmin: true, member: null };
      const { memberId, boardId, role, color } = row;
      if (!memberId || !boardId || !role || !color || row.memberRevokedAt || row.inviteRevokedAt) return null;
      return { id: row.id, isAdmin: false, member: { id: memberId, boardId, displayName: row.displayName, role, color } };
    },

    async endSession(sessionId) {
      await db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, sessionId));
    },

    sessionsExpiring(from, until) {
      return db
        .select({ id: sessions.id, expiresAt: sessions.expiresAt })
        .from(sessions)
        .where(and(isNull(sessions.revokedAt), gt(sessions.expiresAt, from), lte(sessions.expiresAt, until)));
    },
  };
}
