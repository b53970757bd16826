// The admin token: PLANBORD_ADMIN_TOKEN if set; otherwise one generated at the first start, printed
// once, and remembered by its hash so later starts accept the same token.
import type { AccessStore } from '../../db/access-store.ts';
import { hashToken, newToken } from './tokens.ts';

const SECRET_KEY = 'admin-token-sha256';

export interface AdminToken {
  hash: string;
  /** The new token, when this start generated it (to be shown once). */
  generated: string | null;
}

export async function bootstrapAdminToken(access: AccessStore, fromEnv: string | null): Promise<AdminToken> {
  if (fromEnv) return { hash: hashToken(fromEnv), generated: null };
  const candidate = newToken();
  const stored = await access.putSecretIfAbsent(SECRET_KEY, hashToken(candidate));
  return stored === hashToken(candidate) ? { hash: stored, generated: candidate } : { hash: stored, generated: null };
}
