// Validation of the bodies of the access routes: pure, Result-returning. Display names are
// checked in display-name.ts.
import { isRole, type Role } from '../../shared/access/roles.ts';
import { err, ok, type Result } from '../../shared/result.ts';

export function parseRole(value: unknown): Result<Role> {
  return isRole(value) ? ok(value) : err('role must be "chair", "editor" or "viewer".');
}

export function parseExpiry(value: unknown, now: Date): Result<Date | null> {
  if (value === undefined || value === null) return ok(null);
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > 24 * 366) {
    return err('expiresInHours must be a number of hours between 0 and 8784.');
  }
  return ok(new Date(now.getTime() + value * 3_600_000));
}

export function parseToken(value: unknown, field: string): Result<string> {
  return typeof value === 'string' && value.length > 0 && value.length <= 512 ? ok(value) : err(`${field} must be a token string.`);
}
