// Attack surface: the HTML pages carried no security headers, so an injected script or a framing
// page met no resistance. Every page now has a Content-Security-Policy that allows scripts from
// the server only (e2e/csp.test.ts proves the built client runs under it), and the usual headers.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../db/test-databases.ts';
import { startTestPlanbord, type TestPlanbord } from '../test-planbord.ts';

const SLOW = 90_000;
const [pglite] = testDrivers();

/** The policy as a map of directive to sources. */
function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(policy.split(';').map((part) => part.trim().split(/\s+/)).filter((words) => words[0]).map(([name, ...sources]) => [name, sources]));
}

describe('security headers', () => {
  let server: TestPlanbord;
  const clientDir = mkdtempSync(path.join(os.tmpdir(), 'planbord-client-'));

  beforeAll(async () => {
    writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>Planbord</title>');
    server = await startTestPlanbord(pglite!, { clientDir, publicUrl: 'https://planbord.example.nl' });
  }, SLOW);
  afterAll(async () => {
    await server?.stop();
    rmSync(clientDir, { recursive: true, force: true });
  }, SLOW);

  it('sends a policy with scripts from the server only, sockets to the public origin, and no framing', async () => {
    for (const page of ['/', '/login', '/board/gdi-2025', '/join']) {
      const response = await fetch(`${server.url}${page}`);
      expect(response.status, page).toBe(200);
      const policy = directives(response.headers.get('content-security-policy') ?? '');
      expect(policy['script-src'], page).toEqual(["'self'"]);
      expect(policy['default-src']).toEqual(["'self'"]);
      expect(policy['object-src']).toEqual(["'none'"]);
      expect(policy['frame-ancestors']).toEqual(["'none'"]);
      expect(policy['connect-src']).toEqual(["'self'", 'wss://planbord.example.nl']);
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      // Not "no-referrer": that would make the browser send "Origin: null" on the app's own POSTs.
      expect(response.headers.get('referrer-policy')).toBe('same-origin');
      expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
    }
  });

  it('sends them on API answers and errors too', async () => {
    const response = await server.api('/api/boards/gdi-2025/nothing-here');
    expect(response.status).toBe(404);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});
