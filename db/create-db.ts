// Opens the database: embedded PGlite (a folder, or 'memory://') when no DATABASE_URL is configured,
// on a thread of its own (db/pglite-thread.ts), PostgreSQL through postgres.js otherwise. Both
// drivers are loaded lazily; nothing connects on import.
import { chmod, mkdir, readdir } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type { Sql } from 'postgres';
import * as schema from './schema.ts';
import { startPgliteThread, type PgliteThread } from './pglite-thread.ts';

export type Schema = typeof schema;

/** The query interface both drivers share; board-store and other query code take this. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type DbDriver = 'pglite' | 'postgres';

export interface DbConfig {
  /** postgres://… to use PostgreSQL; when absent, PGlite in dataDir. */
  databaseUrl?: string;
  /** A folder for PGlite's files (created if missing), or 'memory://' for a throwaway database. */
  dataDir?: string;
}

interface HandleBase {
  readonly db: Db;
  close(): Promise<void>;
}

// `native` is the same database typed for its own driver, which the matching migrator needs.
export type DbHandle =
  | (HandleBase & { readonly driver: 'pglite'; readonly native: PgliteDatabase<Schema>; readonly client: PgliteThread })
  | (HandleBase & { readonly driver: 'postgres'; readonly native: PostgresJsDatabase<Schema>; readonly client: Sql });

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

export const MEMORY_DATA_DIR = 'memory://';

/** Opens and checks the connection, so a wrong URL or unusable data folder fails here, not on first use. */
export async function createDb(config: DbConfig): Promise<DbHandle> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  if (config.dataDir) return openPglite(config.dataDir);
  throw new Error(`createDb needs a databaseUrl or a dataDir ('${MEMORY_DATA_DIR}' for an in-memory database)`);
}

async function openPglite(dataDir: string): Promise<DbHandle> {
  const { drizzle } = await import('drizzle-orm/pglite');
  // The folder is the server's alone before PGlite writes anything into it (the worker tightens
  // the files' own modes too).
  if (!dataDir.includes('://')) {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    await chmod(dataDir, 0o700);
  }
  const client = await startPgliteThread(dataDir);
  // Drizzle's PGlite driver calls query and transaction (with query inside), which the thread
  // implements; the rest of PGlite's interface it never touches.
  const native = drizzle({ client: client as unknown as PGlite, schema });
  return { driver: 'pglite', db: native, native, client, close: () => client.close() };
}

async function openPostgres(databaseUrl: string): Promise<DbHandle> {
  const [{ default: postgres }, { drizzle }] = await Promise.all([
    import('postgres'),
    import('drizzle-orm/postgres-js'),
  ]);
  const client = postgres(databaseUrl, { max: 10, onnotice: () => {} });
  try {
    await client`select 1`;
  } catch (error) {
    await client.end({ timeout: 1 });
    throw error;
  }
  const native = drizzle({ client, schema });
  return { driver: 'postgres', db: native, native, client, close: () => client.end({ timeout: 5 }) };
}

/** True when the database answers and every migration of db/migrations is applied. */
export async function migrationsApplied(handle: DbHandle, migrationsFolder: string = MIGRATIONS_FOLDER): Promise<boolean> {
  const expected = (await readdir(migrationsFolder)).filter((name) => name.endsWith('.sql')).length;
  const rows = await handle.db.execute<{ n: number }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  // postgres.js answers with the rows, PGlite with { rows }.
  const [row] = Array.isArray(rows) ? rows : (rows as { rows: { n: number }[] }).rows;
  return Number(row?.n ?? 0) >= expected;
}

/** Applies the pending migrations of db/migrations; applying them again is a no-op. */
export async function migrateDb(handle: DbHandle, migrationsFolder: string = MIGRATIONS_FOLDER): Promise<void> {
  if (handle.driver === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(handle.native, { migrationsFolder });
  } else {
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    await migrate(handle.native, { migrationsFolder });
  }
}
