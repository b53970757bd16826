// Validation of the bodies of the access routes: pure, Result-returning.
import { isRole, type Role } from '../../shared/access/roles.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import { UNSAFE_TEXT as UNSAFE } from '../json-body.ts';
export const MAX_DISPLAY_NAME = 60;

/** Trimmed, inner runs of spaces collapsed, 1-60 characters (code points), no control characters. */
export function parseDisplayName(value: unknown): Result<string> {
  if (typeof value !== 'string') return err('displayName must be a string.');
  if (UNSAFE.test(value)) return err('displayName contains a control character.');
  const name = value.trim().replace(/\s+/g, ' ');
  const length = [...name].length;
  if (length < 1 || length > MAX_DISPLAY_NAME) return err(`displayName must have 1 to ${MAX_DISPLAY_NAME} characters.`);
  return ok(name);
}

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
