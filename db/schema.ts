// Tables of Planbord. A board's Yjs document lives as a compacted state plus an append-only log of
// the updates made since (board_updates); loading is state + log entries after compacted_through.
// Migrations are generated from this file by `npx drizzle-kit generate` (db/migrations/, never hand-edited).
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { bytea } from './bytea.ts';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

// Mirrors the roles of the board; the check constraint below must list the same values.
export const MEMBER_ROLES = ['chair', 'editor', 'viewer'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());
const boardId = () =>
  text('board_id')
    .notNull()
    .references(() => boards.id, { onDelete: 'cascade' });

export const boards = pgTable('boards', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  year: integer('year').notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const boardStates = pgTable('board_states', {
  boardId: text('board_id')
    .primaryKey()
    .references(() => boards.id, { onDelete: 'cascade' }),
  /** Y.encodeStateAsUpdate of the document with every logged update up to compacted_through applied. */
  state: bytea('state').notNull(),
  compactedThrough: bigint('compacted_through', { mode: 'number' }).notNull().default(0),
  updatedAt: updatedAt(),
  /**
   * The state this row held before the last compaction replaced it, and when that one was written:
   * what a damaged board can be repaired from when the newest state does not load.
   */
  previousState: bytea('previous_state'),
  previousUpdatedAt: timestamp('previous_updated_at', { withTimezone: true }),
});

/**
 * Boards whose stored document did not load (bytes that are not a document, a schema version this
 * server does not know). Open while repaired_at is null; at most one open per board. The repair
 * keeps the damaged state here, and its log rows in board_damaged_updates, for inspection.
 */
export const boardDamages = pgTable(
  'board_damages',
  {
    id: text('id').primaryKey(),
    boardId: boardId(),
    /** 'state-unreadable', 'update-unreadable' or 'migration-refused'. */
    kind: text('kind').notNull(),
    /** Why, in words a chair can read. */
    reason: text('reason').notNull(),
    detectedAt: timestamp('detected_at', { withTimezone: true }).notNull().defaultNow(),
    repairedAt: timestamp('repaired_at', { withTimezone: true }),
    /** 'snapshot:<id>' or 'compacted:current' / 'compacted:previous'. */
    repairedFrom: text('repaired_from'),
    repairedBy: text('repaired_by'),
    /** The stored state that did not load, and the log seq it was compacted through. */
    damagedState: bytea('damaged_state'),
    damagedCompactedThrough: bigint('damaged_compacted_through', { mode: 'number' }),
  },
  (t) => [
    index('board_damages_board_id_idx').on(t.boardId),
    uniqueIndex('board_damages_one_open_idx').on(t.boardId).where(sql`${t.repairedAt} is null`),
  ],
);

/** The log rows a repair took out of board_updates, byte for byte. */
export const boardDamagedUpdates = pgTable(
  'board_damaged_updates',
  {
    damageId: text('damage_id')
      .notNull()
      .references(() => boardDamages.id, { onDelete: 'cascade' }),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    update: bytea('update').notNull(),
    origin: text('origin'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.damageId, t.seq] })],
);

export const boardUpdates = pgTable(
  'board_updates',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    boardId: boardId(),
    update: bytea('update').notNull(),
    /** Who or what made the update: a connection's user id, 'seed', a migration, a restore. */
    origin: text('origin'),
    createdAt: createdAt(),
  },
  (t) => [index('board_updates_board_id_seq_idx').on(t.boardId, t.seq)],
);

export const snapshots = pgTable(
  'snapshots',
  {
    id: text('id').primaryKey(),
    boardId: boardId(),
    name: text('name').notNull(),
    agreed: boolean('agreed').notNull().default(false),
    state: bytea('state').notNull(),
    totals: jsonb('totals').$type<JsonValue>().notNull(),
    createdBy: text('created_by'),
    createdAt: createdAt(),
    /** The record of the session that produced this snapshot, if any. */
    record: jsonb('record').$type<JsonValue>(),
  },
  (t) => [index('snapshots_board_id_created_at_idx').on(t.boardId, t.createdAt)],
);

export const invites = pgTable(
  'invites',
  {
    id: text('id').primaryKey(),
    boardId: boardId(),
    role: text('role', { enum: MEMBER_ROLES }).notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdBy: text('created_by'),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
  },
  (t) => [
    index('invites_board_id_idx').on(t.boardId),
    check('invites_role_check', sql`${t.role} in ('chair', 'editor', 'viewer')`),
  ],
);

// Declared after invites because it references them.
export const members = pgTable(
  'members',
  {
    id: text('id').primaryKey(),
    boardId: boardId(),
    displayName: text('display_name'),
    role: text('role', { enum: MEMBER_ROLES }).notNull(),
    /** The invite this member joined through; revoking the invite revokes the member. */
    inviteId: text('invite_id').references(() => invites.id, { onDelete: 'set null' }),
    /** Presence colour, "#rrggbb", chosen once at join so it stays stable. */
    color: text('color').notNull().default('#1f6fd1'),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    index('members_board_id_idx').on(t.boardId),
    index('members_invite_id_idx').on(t.inviteId),
    check('members_role_check', sql`${t.role} in ('chair', 'editor', 'viewer')`),
  ],
);

// Bearer credentials of browsers and tools: only the SHA-256 of the token is stored. A session
// belongs to a member, or to the server's admin (is_admin, no member).
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull().unique(),
    memberId: text('member_id').references(() => members.id, { onDelete: 'cascade' }),
    isAdmin: boolean('is_admin').notNull().default(false),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    index('sessions_member_id_idx').on(t.memberId),
    check('sessions_owner_check', sql`(${t.isAdmin} and ${t.memberId} is null) or (not ${t.isAdmin} and ${t.memberId} is not null)`),
  ],
);

/** Values the server keeps for itself across starts, e.g. the hash of the generated admin token. */
export const serverSecrets = pgTable('server_secrets', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: updatedAt(),
});

/**
 * Meetings of a programmeringstafel on a board. While open, the server records who attended and
 * every change; the record is written here as it grows and is kept with the agreed snapshot.
 */
export const boardSessions = pgTable(
  'board_sessions',
  {
    id: text('id').primaryKey(),
    boardId: boardId(),
    title: text('title').notNull(),
    openedBy: text('opened_by').notNull(),
    openedAt: createdAt(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    record: jsonb('record').$type<JsonValue>().notNull(),
  },
  (t) => [index('board_sessions_board_id_idx').on(t.boardId)],
);

/**
 * Which member writes with which Yjs client id on a board. The first member to use an id (in its
 * presence or its first edit) owns it; nobody else may extend its clocks, so no one can burn or
 * forge another member's edits. 'admin' is the admin.
 */
export const boardClientIds = pgTable(
  'board_client_ids',
  {
    boardId: boardId(),
    clientId: bigint('client_id', { mode: 'number' }).notNull(),
    owner: text('owner').notNull(),
    claimedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.boardId, t.clientId] })],
);
