// One check of credentials for HTTP requests and WebSocket upgrades alike: the session cookie, or
// "Authorization: Bearer <token>" with a session token or the admin token. Never a query string.
import type { AccessStore } from '../../db/access-store.ts';
import { UNNAMED_DISPLAY_NAME } from './display-name.ts';
import type { Identity } from './identity.ts';
import { hashToken, sameHash } from './tokens.ts';

export const SESSION_COOKIE = 'planbord_session';
const MAX_TOKEN_LENGTH = 512;

export interface CredentialHeaders {
  cookie?: string | undefined;
  authorization?: string | undefined;
}

export interface Authenticator {
  authenticate(headers: CredentialHeaders): Promise<Identity | null>;
}

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index <= 0 || part.slice(0, index).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(index + 1).trim());
    } catch {
      return null; // a malformed %-escape is no credential, not a server error
    }
  }
  return null;
}

/**
 * The token a request presents: the bearer token when there is an Authorization header with one,
 * else the session cookie. Oversized values are no token.
 */
export function presentedToken(headers: CredentialHeaders): string | null {
  const bearer = /^Bearer[ \t]+([^\s,]+)[ \t]*$/i.exec(headers.authorization ?? '')?.[1];
  const token = bearer ?? readCookie(headers.cookie, SESSION_COOKIE);
  return token && token.length <= MAX_TOKEN_LENGTH ? token : null;
}

export function createAuthenticator(options: { access: AccessStore; adminTokenHash: string }): Authenticator {
  return {
    async authenticate(headers) {
      const token = presentedToken(headers);
      if (!token) return null;
      const hash = hashToken(token);
      if (sameHash(hash, options.adminTokenHash)) return { kind: 'admin', sessionId: null };
      const session = await options.access.findLiveSession(hash, new Date());
      if (!session) return null;
      if (session.isAdmin) return { kind: 'admin', sessionId: session.id };
      const { member } = session;
      if (!member) return null;
      return {
        kind: 'member',
        sessionId: session.id,
        memberId: member.id,
        boardId: member.boardId,
        displayName: member.displayName ?? UNNAMED_DISPLAY_NAME,
        role: member.role,
        color: member.color,
      };
    },
  };
}
