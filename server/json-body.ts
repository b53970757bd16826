// Reads a JSON object body, or fails with 400 and a reason. Bodies are size-limited before this.
import type { Context } from 'hono';
import { httpError } from './http-error.ts';

// Requiring the JSON media type also keeps out cross-site HTML form posts, which cannot send it.
export async function readJsonObject(c: Context): Promise<Record<string, unknown>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw httpError(415, 'unsupported-media-type', 'Send the request body as JSON, with Content-Type: application/json.');
  }
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw httpError(400, 'invalid-json', 'The request body must be JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw httpError(400, 'invalid-body', 'The request body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}

/** Refuses fields the route does not know, so a typo is not silently ignored. */
export function onlyFields(body: Record<string, unknown>, allowed: readonly string[]): void {
  const unknown = Object.keys(body).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) throw httpError(400, 'unknown-field', `Unknown field(s): ${unknown.join(', ')}.`);
}
