// What /readyz answers: ready when the database answers with its migrations applied and every open
// board is saving normally. A database that stops answering altogether (a network partition, not a
// refused connection) would hang the probe as long as the query hangs, so the check has a deadline
// and a missed one counts as down.
export const DATABASE_CHECK_DEADLINE_MS = 2_000;

export interface Readiness {
  ok: boolean;
  database: 'up' | 'down';
  saving: 'ok' | 'retrying';
}

export interface ReadinessChecks {
  checkDatabase: () => Promise<boolean>;
  savingHealthy: () => boolean;
}

export async function checkReadiness(checks: ReadinessChecks, deadlineMs = DATABASE_CHECK_DEADLINE_MS): Promise<Readiness> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), deadlineMs)));
  const database = await Promise.race([checks.checkDatabase().catch(() => false), deadline]).finally(() => clearTimeout(timer));
  const saving = checks.savingHealthy();
  return { ok: database && saving, database: database ? 'up' : 'down', saving: saving ? 'ok' : 'retrying' };
}
