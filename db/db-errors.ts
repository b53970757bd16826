// Recognises PostgreSQL error codes on errors from either driver. Drizzle wraps driver errors
// (DrizzleQueryError) and keeps the original as `cause`, so the chain is walked.
export const UNIQUE_VIOLATION = '23505';
export const FOREIGN_KEY_VIOLATION = '23503';

export function hasPgErrorCode(error: unknown, code: string): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    if ('code' in current && current.code === code) return true;
    current = current.cause;
  }
  return false;
}
