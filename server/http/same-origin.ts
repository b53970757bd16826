// Cross-site request forgery: a page of another origin (another port of the same host counts, and
// SameSite=Lax sends the cookie there) must not make a signed-in browser change anything. Every
// state-changing request (POST, PUT, PATCH, DELETE), whatever its body or content type, must come
// from the public URL's origin.
//
// hono/csrf does not fit: it checks only form-like content types (a bodiless POST with a JSON type,
// or a future route without body parsing, would pass) and it refuses every request without Origin
// and Sec-Fetch-Site, which are the non-browser tools. The decision here:
// - a request with "Authorization: Bearer" is a tool's: the credential is never sent by a browser on
//   its own, and the authenticator then ignores the cookie, so there is nothing to forge;
// - otherwise Origin, when sent, must be the public origin; without Origin, Sec-Fetch-Site, when
//   sent, must be "same-origin" (browsers send at least one of the two on every such request);
// - a request with neither is a non-browser client (curl joining with an invite token): allowed,
//   unless it carries the session cookie, which only a browser (or something pretending to be an
//   old one) would add by itself.
import type { MiddlewareHandler } from 'hono';
import { SESSION_COOKIE, readCookie } from '../auth/authenticator.ts';
import { httpError } from '../http-error.ts';

const SAFE_METHOD = /^(GET|HEAD|OPTIONS)$/;
const BEARER = /^Bearer[ \t]+\S/i;

export interface SameOriginOptions {
  /** The origin of the configured public URL, e.g. "https://planbord.example.nl". */
  allowedOrigin: string;
}

export type SameOriginVerdict = 'allowed' | 'cross-origin' | 'missing-origin';

export function judgeRequestOrigin(headers: (name: string) => string | undefined, method: string, allowedOrigin: string): SameOriginVerdict {
  if (SAFE_METHOD.test(method)) return 'allowed';
  if (BEARER.test(headers('authorization') ?? '')) return 'allowed';
  const origin = headers('origin');
  if (origin !== undefined) return origin === allowedOrigin ? 'allowed' : 'cross-origin';
  const site = headers('sec-fetch-site');
  if (site !== undefined) return site === 'same-origin' ? 'allowed' : 'cross-origin';
  return readCookie(headers('cookie'), SESSION_COOKIE) === null ? 'allowed' : 'missing-origin';
}

export function sameOrigin({ allowedOrigin }: SameOriginOptions): MiddlewareHandler {
  return async function sameOrigin(c, next) {
    const verdict = judgeRequestOrigin((name) => c.req.header(name), c.req.method, allowedOrigin);
    if (verdict === 'cross-origin') {
      throw httpError(403, 'cross-origin', `Changes are accepted only from pages of ${allowedOrigin}.`);
    }
    if (verdict === 'missing-origin') {
      throw httpError(403, 'cross-origin', 'A request that changes something with the session cookie must send Origin; tools send a bearer token.');
    }
    await next();
  };
}
