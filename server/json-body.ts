// Reads a JSON object body, or fails with 400 and a reason. Bodies are size-limited before this.
import type { Context } from 'hono';
import { httpError } from './http-error.ts';

// Control characters (C0, DEL, C1), line breaks and the bidirectional overrides that could make a
// name display as something else: never part of a one-line name or title.
export const UNSAFE_TEXT = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/u;

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

/** A one-line title or name: trimmed, 1 to `max` characters, nothing unprintable; else 400. */
export function readTitle(value: unknown, field: string, max: number): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text.length < 1 || text.length > max || UNSAFE_TEXT.test(text)) {
    throw httpError(400, 'invalid-body', `${field} must have 1 to ${max} printable characters on one line.`);
  }
  return text;
}
