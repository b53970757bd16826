// Roles on a board. A chair may also invite and settle; an editor edits; a viewer only reads.

export const ROLES = ['viewer', 'editor', 'chair'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** True when `role` may do what `required` may do. */
export function hasRole(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}

export const canEdit = (role: Role): boolean => hasRole(role, 'editor');
