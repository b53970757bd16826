// Test support: the databases the db tests run on. PGlite in memory always; PostgreSQL when
// DATABASE_URL is set, in a fresh database per open() (created through DATABASE_URL, dropped on
// close), so test files can run in parallel without seeing each other's rows.
import { randomBytes } from 'node:crypto';
import { createDb, MEMORY_DATA_DIR, migrateDb, type DbDriver, type DbHandle } from './create-db.ts';

export type Row = Record<string, unknown>;

export interface TestDatabase {
  readonly handle: DbHandle;
  /** The connection string of this database (PostgreSQL only), for a server in another process. */
  readonly url: string | null;
  /** Raw SQL through the driver's own client, for checks and fixtures below the store's API. */
  query(sqlText: string): Promise<Row[]>;
  close(): Promise<void>;
}

export interface TestDriver {
  readonly name: DbDriver;
  readonly available: boolean;
  open(): Promise<TestDatabase>;
}

export function testDrivers(env: NodeJS.ProcessEnv = process.env): TestDriver[] {
  const adminUrl = env.DATABASE_URL;
  return [
    { name: 'pglite', available: true, open: openPgliteTestDatabase },
    { name: 'postgres', available: Boolean(adminUrl), open: () => openPostgresTestDatabase(adminUrl ?? '') },
  ];
}

export function rawQuery(handle: DbHandle, sqlText: string): Promise<Row[]> {
  if (handle.driver === 'pglite') return handle.client.query<Row>(sqlText).then((result) => result.rows);
  return handle.client.unsafe<Row[]>(sqlText).then((rows) => [...rows]);
}

async function openPgliteTestDatabase(): Promise<TestDatabase> {
  const handle = await createDb({ dataDir: MEMORY_DATA_DIR });
  await migrateDb(handle);
  return { handle, url: null, query: (sqlText) => rawQuery(handle, sqlText), close: () => handle.close() };
}

async function openPostgresTestDatabase(adminUrl: string): Promise<TestDatabase> {
  if (!adminUrl) throw new Error('DATABASE_URL is not set');
  const name = `planbord_test_${randomBytes(6).toString('hex')}`;
  const admin = await createDb({ databaseUrl: adminUrl });
  await rawQuery(admin, `create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dropDatabase = async () => {
    await rawQuery(admin, `drop database if exists "${name}" with (force)`);
    await admin.close();
  };
  let handle: DbHandle | undefined;
  try {
    handle = await createDb({ databaseUrl: url.toString() });
    await migrateDb(handle);
  } catch (error) {
    await handle?.close();
    await dropDatabase();
    throw error;
  }
  const opened = handle;
  return {
    handle: opened,
    url: url.toString(),
    query: (sqlText) => rawQuery(opened, sqlText),
    async close() {
      await opened.close();
      await dropDatabase();
    },
  };
}
