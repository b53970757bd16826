// Attack: a page on another port of the same host (same site, so SameSite=Lax sends the chair's
// cookie along) submitted a plain HTML form to a chair route without a body, and the server
// restored a snapshot / closed the meeting. Every state-changing request that relies on the cookie
// must come from the public URL's origin; tools with a bearer token and no Origin keep working.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../db/test-databases.ts';
import { startTestPlanbord, TEST_ADMIN_TOKEN, type TestPlanbord } from '../test-planbord.ts';

const SLOW = 90_000;
const BOARD = '/api/boards/gdi-2025';
/** The test server's public URL is http://127.0.0.1; this is the same site on another port. */
const PUBLIC_ORIGIN = 'http://127.0.0.1';
const OTHER_PORT = 'http://127.0.0.1:8081';

const [pglite] = testDrivers();

describe('cross-origin requests with the session cookie', () => {
  let server: TestPlanbord;
  let cookie: string;
  let snapshotId: string;

  /** A request as a browser sends it, with the chair's cookie and the given headers, no bearer token. */
  const browser = (path: string, method: string, headers: Record<string, string>, body?: string) =>
    server.api(path, { method, token: null, headers: { cookie, ...headers }, body });

  beforeAll(async () => {
    server = await startTestPlanbord(pglite!);
    const login = await server.api('/api/login', { method: 'POST', token: null, json: { adminToken: TEST_ADMIN_TOKEN } });
    cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const snapshot = await server.api(`${BOARD}/snapshots`, { method: 'POST', json: { name: 'Vooraf' } });
    expect(snapshot.status).toBe(201);
    snapshotId = ((await snapshot.json()) as { id: string }).id;
  }, SLOW);
  afterAll(async () => {
    await server?.stop();
  }, SLOW);

  const snapshotCount = async () => ((await (await server.api(`${BOARD}/snapshots`)).json()) as unknown[]).length;

  it('refuses a form POST from another port to restore a snapshot, and restores nothing', async () => {
    const before = await snapshotCount();
    const form = { origin: OTHER_PORT, 'sec-fetch-site': 'same-site', 'content-type': 'application/x-www-form-urlencoded' };
    const response = await browser(`${BOARD}/snapshots/${snapshotId}/restore`, 'POST', form, '');
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: 'cross-origin' });
    // A restore first saves the state before it as a snapshot: none was added.
    expect(await snapshotCount()).toBe(before);
  });

  it('refuses a bodiless POST to close a meeting from another port', async () => {
    expect((await server.api(`${BOARD}/sessions`, { method: 'POST', json: { title: 'Overleg' } })).status).toBe(201);
    const response = await browser(`${BOARD}/sessions/current/close`, 'POST', { origin: OTHER_PORT, 'sec-fetch-site': 'same-site' });
    expect(response.status).toBe(403);
    expect((await server.api(`${BOARD}/sessions/current`)).status).toBe(200);
    // The chair's own page closes it.
    expect((await browser(`${BOARD}/sessions/current/close`, 'POST', { origin: PUBLIC_ORIGIN, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });

  it('refuses every state-changing method from another origin, whatever the content type', async () => {
    const attempts: [string, string, Record<string, string>][] = [
      ['POST', `${BOARD}/invites`, { 'content-type': 'application/json' }],
      ['POST', `${BOARD}/invites`, { 'content-type': 'text/plain' }],
      ['PATCH', `${BOARD}/members/nobody`, { 'content-type': 'application/json' }],
      ['DELETE', `${BOARD}/invites/nothing`, {}],
      ['POST', '/api/logout', {}],
    ];
    for (const [method, path, headers] of attempts) {
      const response = await browser(path, method, { ...headers, origin: 'https://evil.example' }, method === 'DELETE' ? undefined : '{"role":"chair"}');
      expect(response.status, `${method} ${path}`).toBe(403);
    }
    // "Origin: null" (a sandboxed frame, a no-referrer page) is no allowed origin either.
    expect((await browser(`${BOARD}/snapshots/${snapshotId}/restore`, 'POST', { origin: 'null' })).status).toBe(403);
  });

  it('refuses a cookie request that names neither Origin nor a same-origin Sec-Fetch-Site', async () => {
    expect((await browser(`${BOARD}/sessions/current/close`, 'POST', { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await browser(`${BOARD}/sessions/current/close`, 'POST', {})).status).toBe(403);
  });

  it('accepts the app\'s own requests and reads from anywhere', async () => {
    const invite = await browser(`${BOARD}/invites`, 'POST', { origin: PUBLIC_ORIGIN, 'content-type': 'application/json' }, '{"role":"viewer"}');
    expect(invite.status).toBe(201);
    expect((await browser(`${BOARD}/invites`, 'GET', { origin: OTHER_PORT, 'sec-fetch-site': 'same-site' })).status).toBe(200);
  });

  it('accepts tools with a bearer token and no Origin, and sign-in without credentials', async () => {
    const restore = await server.api(`${BOARD}/snapshots/${snapshotId}/restore`, { method: 'POST' });
    expect(restore.status).toBe(200);
    const invite = (await (await server.api(`${BOARD}/invites`, { method: 'POST', json: { role: 'viewer' } })).json()) as { token: string };
    const joined = await server.api('/api/join', { method: 'POST', token: null, json: { token: invite.token, displayName: 'Curl' } });
    expect(joined.status).toBe(200);
  });
});
