// The server's configuration, read from the environment once, in main.ts.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { err, ok, type Result } from '../shared/result.ts';
import { DEFAULT_SYNC_LIMITS, type SyncLimits } from './sync/sync-server.ts';
import { DEFAULT_ATTEMPT_LIMITS, type AttemptLimits } from './http/attempt-limit.ts';

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
  /** PLANBORD_AUTH_MAX_FAILURES failed sign-in/join/invite attempts per address per PLANBORD_AUTH_WINDOW_SECONDS. */
  attemptLimits: AttemptLimits;
  /** PLANBORD_SYNC_LIMITS: JSON with any of the sync endpoint's limits (behind a proxy, per address). */
  syncLimits: Partial<SyncLimits>;
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
  const maxFailures = Number(env.PLANBORD_AUTH_MAX_FAILURES ?? DEFAULT_ATTEMPT_LIMITS.maxFailures);
  if (!Number.isInteger(maxFailures) || maxFailures < 1) {
    return err(`PLANBORD_AUTH_MAX_FAILURES must be a whole number of at least 1, got "${env.PLANBORD_AUTH_MAX_FAILURES}"`);
  }
  const windowSeconds = Number(env.PLANBORD_AUTH_WINDOW_SECONDS ?? DEFAULT_ATTEMPT_LIMITS.windowMs / 1000);
  if (!Number.isFinite(windowSeconds) || windowSeconds <= 0 || windowSeconds > 86_400) {
    return err(`PLANBORD_AUTH_WINDOW_SECONDS must be a number of seconds above 0 and at most 86400, got "${env.PLANBORD_AUTH_WINDOW_SECONDS}"`);
  }
  const syncLimits = readSyncLimits(env.PLANBORD_SYNC_LIMITS);
  if (!syncLimits.ok) return syncLimits;
  return ok({
    syncLimits: syncLimits.value,
    port,
    host,
    databaseUrl,
    dataDir: path.resolve(env.PLANBORD_DATA_DIR ?? path.join(repoRoot, 'data')),
    clientDir: path.resolve(env.PLANBORD_CLIENT_DIR ?? path.join(repoRoot, 'client', 'dist')),
    publicUrl: (env.PLANBORD_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    adminToken: env.PLANBORD_ADMIN_TOKEN?.trim() || null,
    attemptLimits: { ...DEFAULT_ATTEMPT_LIMITS, maxFailures, windowMs: windowSeconds * 1000 },
  });
}

function readSyncLimits(text: string | undefined): Result<Partial<SyncLimits>> {
  if (text === undefined || text.trim() === '') return ok({});
  const problem = `PLANBORD_SYNC_LIMITS must be JSON with positive numbers for any of ${Object.keys(DEFAULT_SYNC_LIMITS).join(', ')}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return err(problem);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return err(problem);
  const limits: Partial<SyncLimits> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (!(key in DEFAULT_SYNC_LIMITS) || typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) return err(`${problem}; not ${key}`);
    limits[key as keyof SyncLimits] = value;
  }
  return ok(limits);
}
