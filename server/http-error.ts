// The one error type of the HTTP layer, turned into a JSON response in exactly one place (app.ts).
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface ErrorBody {
  error: string;
  message: string;
}

export function httpError(status: ContentfulStatusCode, error: string, message: string): HTTPException {
  const body: ErrorBody = { error, message };
  return new HTTPException(status, {
    message,
    res: new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } }),
  });
}
