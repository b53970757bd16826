import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, migrateDb, MIGRATIONS_FOLDER } from './create-db.ts';
import { boards, boardStates, boardUpdates } from './schema.ts';
import { testDrivers, type TestDatabase } from './test-databases.ts';

const SLOW = 60_000;
const ALL_BYTES = Uint8Array.from({ length: 256 }, (_, i) => i);
const TABLES = [
  'board_client_ids', 'board_damaged_updates', 'board_damages', 'board_sessions', 'board_states', 'board_updates', 'boards', 'invites', 'members',
  'server_secrets', 'sessions', 'snapshots',
];

for (const driver of testDrivers()) {
  describe.skipIf(!driver.available)(`createDb and migrateDb on ${driver.name}`, () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await driver.open();
    }, SLOW);
    afterAll(() => t?.close(), SLOW);

    it('reports its driver', () => {
      expect(t.handle.driver).toBe(driver.name);
    });

    it('creates every table, and running the migrations again changes nothing', async () => {
      await migrateDb(t.handle);
      const tables = await t.query(
        `select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
      );
      expect(tables.map((row) => row.table_name)).toEqual(TABLES);
      const applied = await t.query(`select count(*)::int as n from drizzle.__drizzle_migrations`);
      const migrationFiles = (await readdir(MIGRATIONS_FOLDER)).filter((name) => name.endsWith('.sql'));
      expect(applied[0]?.n).toBe(migrationFiles.length);
    }, SLOW);

    it('returns bytea as a plain Uint8Array with exactly the bytes written, 0x00 and 0xff included', async () => {
      const { db } = t.handle;
      await db.insert(boards).values({ id: 'bytes', title: 'Bytes', year: 2025 });
      await db.insert(boardStates).values({ boardId: 'bytes', state: ALL_BYTES });

      const [row] = await db.select().from(boardStates);
      const state = row?.state;

      expect(state).toBeDefined();
      expect(Object.getPrototypeOf(state)).toBe(Uint8Array.prototype);
      expect(state?.byteOffset).toBe(0);
      expect(state?.buffer.byteLength).toBe(256);
      expect(state).toEqual(ALL_BYTES);
    });

    it('writes only the viewed bytes of a Buffer or Uint8Array view', async () => {
      const { db } = t.handle;
      const view = Buffer.from([7, 0, 255, 0, 7]).subarray(1, 4);
      const [row] = await db
        .insert(boardUpdates)
        .values({ boardId: 'bytes', update: view, origin: 'test' })
        .returning();
      expect(row?.update).toEqual(new Uint8Array([0, 255, 0]));
      const stored = await t.query(`select encode("update", 'hex') as hex from board_updates where seq = ${row?.seq}`);
      expect(stored[0]?.hex).toBe('00ff00');
    });

    it('round-trips an empty bytea', async () => {
      const { db } = t.handle;
      const [row] = await db
        .insert(boardUpdates)
        .values({ boardId: 'bytes', update: new Uint8Array(0), origin: 'test' })
        .returning({ update: boardUpdates.update });
      expect(row?.update).toEqual(new Uint8Array(0));
    });

    it('gives int8 columns as JS numbers', async () => {
      const rows = await t.handle.db
        .select({ seq: boardUpdates.seq, compactedThrough: boardStates.compactedThrough })
        .from(boardUpdates)
        .innerJoin(boardStates, eq(boardStates.boardId, boardUpdates.boardId));
      for (const row of rows) {
        expect(typeof row.seq).toBe('number');
        expect(typeof row.compactedThrough).toBe('number');
      }
      expect(rows.length).toBeGreaterThan(0);
    });
  });
}

describe('createDb configuration', () => {
  it('refuses to guess when given neither a databaseUrl nor a dataDir', async () => {
    await expect(createDb({})).rejects.toThrow(/databaseUrl or a dataDir/);
  });

  it('fails at creation when PostgreSQL cannot be reached', async () => {
    await expect(createDb({ databaseUrl: 'postgres://postgres@127.0.0.1:1/none' })).rejects.toThrow();
  }, SLOW);

  it('creates a missing PGlite data folder and keeps the data across reopening', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'planbord-db-'));
    const dataDir = join(parent, 'nested', 'pgdata');
    try {
      const first = await createDb({ dataDir });
      await migrateDb(first);
      await first.db.insert(boards).values({ id: 'kept', title: 'Kept', year: 2026 });
      await first.close();
      expect((await stat(dataDir)).isDirectory()).toBe(true);

      const second = await createDb({ dataDir });
      await migrateDb(second);
      const rows = await second.db.select({ id: boards.id }).from(boards);
      await second.close();
      expect(rows).toEqual([{ id: 'kept' }]);
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  }, SLOW);
});
