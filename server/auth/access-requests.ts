// Validation of the bodies of the access routes: pure, Result-returning.
import { isRole, type Role } from '../../shared/access/roles.ts';
import { err, ok, type Result } from '../../shared/result.ts';

const CONTROL = /[\u0000-\u001f\u007f]/;

export function parseDisplayName(value: unknown): Result<string> {
  if (typeof value !== 'string') return err('displayName must be a string.');
  const name = value.trim().replace(/\s+/g, ' ');
  if (name.length < 1 || name.length > 60) return err('displayName must have 1 to 60 characters.');
  if (CONTROL.test(name)) return err('displayName contains a control character.');
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

/** Presence colours, distinct and readable on white (WCAG AA for text). */
export const PRESENCE_COLORS = [
  '#1f6fd1', '#b3261e', '#0b7a3b', '#8e24aa', '#b45309', '#00796b',
  '#c2185b', '#3949ab', '#5d4037', '#00838f', '#6a1b9a', '#2e7d32',
] as const;

export const presenceColor = (index: number): string => PRESENCE_COLORS[index % PRESENCE_COLORS.length]!;
