// Dutch names for the roles, as people see them.
import { isRole, type Role } from '../../../shared/access/roles.ts';

export const ROLE_LABEL: Record<Role, string> = { viewer: 'kijker', editor: 'bewerker', chair: 'voorzitter' };

export function roleLabel(role: string): string {
  return isRole(role) ? ROLE_LABEL[role] : role;
}
