// Planbord's server: reads the configuration, opens and migrates the database, seeds the 2025 plan
// on first start, and serves the API and the client on one port.
import { serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { createBoardStore } from '../db/board-store.ts';
import { createDb, migrateDb } from '../db/create-db.ts';
import { createApp } from './app.ts';
import { createBoardRegistry } from './boards/board-registry.ts';
import { readConfig } from './config.ts';
import { seedDefaultBoard } from './seed.ts';

async function main(): Promise<void> {
  const config = readConfig(process.env);
  if (!config.ok) {
    console.error(`Planbord: ${config.error}`);
    process.exit(2);
  }
  const { port, host, databaseUrl, dataDir, clientDir } = config.value;

  const database = await createDb(databaseUrl ? { databaseUrl } : { dataDir });
  await migrateDb(database);
  const store = createBoardStore(database.db);
  const seeded = await seedDefaultBoard(store);
  const boards = createBoardRegistry(store);

  const app = createApp({
    store,
    boards,
    clientDir,
    checkDatabase: async () => (await database.db.execute(sql`select 1`), true),
  });
  const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
    const where = databaseUrl ? 'PostgreSQL' : `PGlite in ${dataDir}`;
    console.log(`Planbord on http://localhost:${info.port} (${where}; default board ${seeded})`);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Planbord: ${signal}, stopping`);
    server.close();
    await boards.closeAll();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error('Planbord failed to start:', error);
  process.exit(1);
});
