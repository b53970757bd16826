// What /readyz answers: ready when the database answers with its migrations applied and every open
// board is saving normally. A database that stops answering altogether (a network partition, not a
// refused connection) would hang the probe as long as the query hangs, so the check has a deadline
// and a missed one counts as down. The same holds for saving: a board write that has not completed
// within STALLED_WRITE_MS is reported as stalled, not "ok" until it finally fails.
export const DATABASE_CHECK_DEADLINE_MS = 2_000;
export const STALLED_WRITE_MS = 2_000;

export interface Readiness {
  ok: boolean;
  database: 'up' | 'down';
  saving: 'ok' | 'retrying' | 'stalled';
}

export interface ReadinessChecks {
  checkDatabase: () => Promise<boolean>;
  savingHealthy: () => boolean;
  /** When the oldest board write in flight began (Date.now()), or null when none is. */
  oldestWriteStartedAt: () => number | null;
}

export async function checkReadiness(checks: ReadinessChecks, deadlineMs = DATABASE_CHECK_DEADLINE_MS): Promise<Readiness> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), deadlineMs)));
  const database = await Promise.race([checks.checkDatabase().catch(() => false), deadline]).finally(() => clearTimeout(timer));
  const saving = savingState(checks, Date.now());
  return { ok: database && saving === 'ok', database: database ? 'up' : 'down', saving };
}

function savingState(checks: ReadinessChecks, now: number): Readiness['saving'] {
  const startedAt = checks.oldestWriteStartedAt();
  if (startedAt !== null && now - startedAt >= STALLED_WRITE_MS) return 'stalled';
  return checks.savingHealthy() ? 'ok' : 'retrying';
}
