// The server's configuration, read from the environment once, in main.ts.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { err, ok, type Result } from '../shared/result.ts';

export interface ServerConfig {
  port: number;
  host: string;
  /** PostgreSQL connection string; null runs on embedded PGlite in dataDir. */
  databaseUrl: string | null;
  dataDir: string;
  /** The built client, served at /. */
  clientDir: string;
  /** The address people open; WebSocket upgrades must come from this origin. */
  publicUrl: string;
  /** PLANBORD_ADMIN_TOKEN, or null to generate one at the first start. */
  adminToken: string | null;
}

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export function readConfig(env: Record<string, string | undefined>): Result<ServerConfig> {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) return err(`PORT must be a port number, got "${env.PORT}"`);
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    return err('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const host = env.HOST ?? '0.0.0.0';
  if (env.PLANBORD_PUBLIC_URL !== undefined && !/^https?:\/\/[^/]+/.test(env.PLANBORD_PUBLIC_URL)) {
    return err('PLANBORD_PUBLIC_URL must be an http(s) URL, e.g. https://planbord.example.nl');
  }
  if (env.PLANBORD_ADMIN_TOKEN !== undefined && env.PLANBORD_ADMIN_TOKEN.trim().length < 16) {
    return err('PLANBORD_ADMIN_TOKEN must have at least 16 characters');
  }
  return ok({
    port,
    host,
    databaseUrl,
    dataDir: path.resolve(env.PLANBORD_DATA_DIR ?? path.join(repoRoot, 'data')),
    clientDir: path.resolve(env.PLANBORD_CLIENT_DIR ?? path.join(repoRoot, 'client', 'dist')),
    publicUrl: (env.PLANBORD_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    adminToken: env.PLANBORD_ADMIN_TOKEN?.trim() || null,
  });
}
