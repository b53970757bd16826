// Display names: what members call themselves, shown beside their cursor, in presence and in the
// session record. A name must not pass for someone else: it is normalised (NFKC, so that
// full-width or ligature look-alikes become plain letters, and whitespace collapsed), nothing
// invisible or reordering is accepted (control, format, zero-width and bidi characters), the
// names Planbord itself uses are reserved, and on one board no two live members share a name up
// to case (db/access-store.ts checks that when someone joins).
import { err, ok, type Result } from '../../shared/result.ts';
import type { Identity } from './identity.ts';

export const MAX_DISPLAY_NAME = 60;

/** The name the admin shows under; members cannot take it (nor the others here). */
export const ADMIN_DISPLAY_NAME = 'Beheerder';
/** Shown for a member stored without a name. */
export const UNNAMED_DISPLAY_NAME = 'Naamloos';

const RESERVED_NAMES = [
  ADMIN_DISPLAY_NAME,
  UNNAMED_DISPLAY_NAME,
  'Beheer',
  'Admin',
  'Administrator',
  'Administrateur',
  'Planbord',
  'Systeem',
  'System',
  'Server',
  'Root',
];

// Emoji sequences are the one legitimate use of the zero-width joiner and of variation selectors
// ("👩🏽‍💻"); they are set aside before looking for invisible characters.
const EMOJI_SEQUENCE = /\p{Extended_Pictographic}\p{Emoji_Modifier}?\uFE0F?(?:\u200D\p{Extended_Pictographic}\p{Emoji_Modifier}?\uFE0F?)*/gu;
// \p{C}: control, format (zero-width and bidi controls among them), private use, surrogates and
// unassigned; Default_Ignorable: everything a renderer may draw as nothing (Hangul fillers, ...);
// U+2800: the blank braille pattern, which looks like a space but is none.
const INVISIBLE = /[\p{C}\p{Default_Ignorable_Code_Point}\u2800]/u;

/** NFKC, trimmed, inner whitespace collapsed, 1-60 characters (code points), nothing invisible, not reserved. */
export function parseDisplayName(value: unknown): Result<string> {
  if (typeof value !== 'string') return err('displayName must be a string.');
  const normalised = value.normalize('NFKC');
  // Checked before trimming: JavaScript's trim and \s take U+FEFF for whitespace.
  if (INVISIBLE.test(normalised.replace(EMOJI_SEQUENCE, ''))) {
    return err('displayName contains an invisible, control or text-direction character.');
  }
  const name = normalised.trim().replace(/\s+/gu, ' ');
  const length = [...name].length;
  if (length < 1 || length > MAX_DISPLAY_NAME) return err(`displayName must have 1 to ${MAX_DISPLAY_NAME} characters.`);
  if (isReservedName(name)) {
    return err(`De naam "${name}" is voorbehouden aan Planbord; kies een andere naam. (The name "${name}" is reserved; choose another.)`);
  }
  return ok(name);
}

/**
 * What two names are compared by: case folded, and only letters and digits when the name has any,
 * so "Anna", "ANNA" and "anna." are one name.
 */
export function displayNameKey(name: string): string {
  const folded = name.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC');
  const letters = folded.replace(/[^\p{L}\p{N}]/gu, '');
  return letters || folded.replace(/\s+/gu, ' ').trim();
}

const RESERVED_KEYS = new Set(RESERVED_NAMES.map(displayNameKey));

export function isReservedName(name: string): boolean {
  return RESERVED_KEYS.has(displayNameKey(name));
}

export const displayNameOf = (identity: Identity): string => (identity.kind === 'admin' ? ADMIN_DISPLAY_NAME : identity.displayName);
export const userIdOf = (identity: Identity): string => (identity.kind === 'admin' ? 'admin' : identity.memberId);
