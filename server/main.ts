// Planbord's server process: reads the configuration, opens and migrates the database, and starts
// the server. SIGTERM and SIGINT save every open board before the process exits.
import { createDb, migrateDb } from '../db/create-db.ts';
import { readConfig } from './config.ts';
import { startPlanbord } from './planbord-server.ts';

async function main(): Promise<void> {
  const config = readConfig(process.env);
  if (!config.ok) {
    console.error(`Planbord: ${config.error}`);
    process.exit(2);
  }
  const { port, host, databaseUrl, dataDir, clientDir, publicUrl, adminToken, attemptLimits, syncLimits } = config.value;

  const database = await createDb(databaseUrl ? { databaseUrl } : { dataDir });
  await migrateDb(database);
  const planbord = await startPlanbord({ database, port, host, publicUrl, clientDir, adminToken, attemptLimits, syncLimits });

  const where = databaseUrl ? 'PostgreSQL' : `PGlite in ${dataDir}`;
  console.log(`Planbord on ${publicUrl} (${where}; default board ${planbord.seeded})`);
  if (planbord.generatedAdminToken) {
    // Shown once: the token is in the link's fragment, which the browser never sends to the server.
    console.log(`Sign in as admin (shown once, keep it): ${publicUrl}/login#${planbord.generatedAdminToken}`);
  } else if (!adminToken) {
    console.log(
      'Admin token: one exists (shown once at the first start, or set earlier by PLANBORD_ADMIN_TOKEN). ' +
        'To replace it, start with PLANBORD_ADMIN_TOKEN=<token>; sessions signed in with the old token end.',
    );
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Planbord: ${signal}, saving open boards`);
    const saved = await planbord.stop();
    await database.close();
    process.exit(saved ? 0 : 1);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error('Planbord failed to start:', error);
  process.exit(1);
});
