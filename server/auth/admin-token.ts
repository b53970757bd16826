// The admin token: PLANBORD_ADMIN_TOKEN if set; otherwise one generated at the first start, printed
// once, and remembered by its hash so later starts accept the same token. Setting
// PLANBORD_ADMIN_TOKEN replaces the remembered token for good (it stays after the variable is
// unset) and ends the sessions signed in with the token it replaces.
import type { AccessStore } from '../../db/access-store.ts';
import { hashToken, newToken } from './tokens.ts';

export const ADMIN_TOKEN_SECRET = 'admin-token-sha256';

export interface AdminToken {
  hash: string;
  /** The new token, when this start generated it (to be shown once). */
  generated: string | null;
  /** Where the token comes from on this start. */
  source: 'environment' | 'stored' | 'generated';
  /** Admin sessions ended because PLANBORD_ADMIN_TOKEN replaced the remembered token. */
  endedSessions: number;
}

export async function bootstrapAdminToken(access: AccessStore, fromEnv: string | null): Promise<AdminToken> {
  if (fromEnv) {
    const hash = hashToken(fromEnv);
    const previous = await access.getSecret(ADMIN_TOKEN_SECRET);
    if (previous === hash) return { hash, generated: null, source: 'environment', endedSessions: 0 };
    await access.putSecret(ADMIN_TOKEN_SECRET, hash);
    const endedSessions = previous === null ? 0 : await access.revokeAdminSessions();
    return { hash, generated: null, source: 'environment', endedSessions };
  }
  const candidate = newToken();
  const candidateHash = hashToken(candidate);
  // Two servers starting at once on one database: one candidate wins, the other is discarded.
  const stored = await access.putSecretIfAbsent(ADMIN_TOKEN_SECRET, candidateHash);
  return stored === candidateHash
    ? { hash: stored, generated: candidate, source: 'generated', endedSessions: 0 }
    : { hash: stored, generated: null, source: 'stored', endedSessions: 0 };
}
