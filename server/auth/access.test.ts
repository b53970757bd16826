import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccessStore } from '../../db/access-store.ts';
import { testDrivers } from '../../db/test-databases.ts';
import { startTestPlanbord, TEST_ADMIN_TOKEN, type TestPlanbord } from '../test-planbord.ts';
import { bootstrapAdminToken } from './admin-token.ts';
import { hashToken } from './tokens.ts';

const SLOW = 90_000;

describe.each(testDrivers().filter((driver) => driver.available))('roles and access on $name', (driver) => {
  let server: TestPlanbord;

  beforeAll(async () => {
    server = await startTestPlanbord(driver);
    // A second board, to prove that access to one board is no access to another.
    await server.database.query("insert into boards (id, title, year) values ('other', 'Ander bord', 2026)");
    await server.database.query("insert into board_states (board_id, state) values ('other', '\\x0000')");
  }, SLOW);
  afterAll(async () => server?.stop(), SLOW);

  it('joins through an invite link: cookie and bearer both work, and the link carries the token in its fragment', async () => {
    const invite = await server.api('/api/boards/gdi-2025/invites', { method: 'POST', json: { role: 'editor' } });
    expect(invite.status).toBe(201);
    const body = (await invite.json()) as { token: string; url: string; role: string };
    expect(body.role).toBe('editor');
    expect(body.url).toBe(`http://127.0.0.1/join#${body.token}`);
    expect(Buffer.from(body.token, 'base64url').length).toBeGreaterThanOrEqual(16);

    const joined = await server.api('/api/join', { method: 'POST', token: null, json: { token: body.token, displayName: '  Anna  de Vries ' } });
    expect(joined.status).toBe(200);
    const cookie = joined.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/planbord_session=[^;]+; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax/);
    const session = (await joined.json()) as { sessionToken: string; displayName: string; color: string };
    expect(session.displayName).toBe('Anna de Vries');
    expect(session.color).toMatch(/^#[0-9a-f]{6}$/);

    const byCookie = await fetch(`${server.url}/api/me`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(await byCookie.json()).toMatchObject({ kind: 'member', boardId: 'gdi-2025', role: 'editor', displayName: 'Anna de Vries' });
    const byBearer = await server.api('/api/boards/gdi-2025/totals', { token: session.sessionToken });
    expect(byBearer.status).toBe(200);
  });

  it('answers 401 without credentials on every API route but join and login', async () => {
    for (const [method, path] of [
      ['GET', '/api/boards'],
      ['GET', '/api/me'],
      ['GET', '/api/boards/gdi-2025'],
      ['GET', '/api/boards/gdi-2025/totals'],
      ['GET', '/api/boards/gdi-2025/totals/stream'],
      ['POST', '/api/boards/gdi-2025/invites'],
      ['GET', '/api/boards/gdi-2025/invites'],
      ['GET', '/api/boards/gdi-2025/members'],
      ['POST', '/api/logout'],
    ] as const) {
      const response = await server.api(path, { method, token: null });
      expect(response.status, `${method} ${path}`).toBe(401);
      expect(await response.json()).toMatchObject({ error: 'unauthenticated' });
    }
    expect((await server.api('/api/boards', { token: 'not-a-real-token' })).status).toBe(401);
    expect((await fetch(`${server.url}/api/boards?token=${TEST_ADMIN_TOKEN}`)).status).toBe(401);
  });

  it('answers 403 for a too-low role or another board', async () => {
    const viewer = await server.join('gdi-2025', 'viewer', 'Vera');
    const editor = await server.join('gdi-2025', 'editor', 'Eddy');
    for (const token of [viewer.token, editor.token]) {
      const response = await server.api('/api/boards/gdi-2025/invites', { method: 'POST', token, json: { role: 'chair' } });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ error: 'forbidden' });
    }
    const elsewhere = await server.api('/api/boards/other/totals', { token: editor.token });
    expect(elsewhere.status).toBe(403);
    // A member sees only its own board in the list.
    expect(((await (await server.api('/api/boards', { token: viewer.token })).json()) as { id: string }[]).map((b) => b.id)).toEqual(['gdi-2025']);
    expect((await server.api('/api/boards/gdi-2025/members', { token: viewer.token })).status).toBe(200);
  });

  it('revoking an invite ends the access of everyone who joined through it', async () => {
    const member = await server.join('gdi-2025', 'editor', 'Rob');
    expect((await server.api('/api/boards/gdi-2025/totals', { token: member.token })).status).toBe(200);
    const revoked = await server.api(`/api/boards/gdi-2025/invites/${member.inviteId}`, { method: 'DELETE' });
    expect(await revoked.json()).toEqual({ revokedMembers: 1 });
    expect((await server.api('/api/boards/gdi-2025/totals', { token: member.token })).status).toBe(401);
  });

  it('changes and revokes roles of members', async () => {
    const member = await server.join('gdi-2025', 'chair', 'Chris');
    const demoted = await server.api(`/api/boards/gdi-2025/members/${member.memberId}`, { method: 'PATCH', json: { role: 'viewer' } });
    expect(await demoted.json()).toMatchObject({ role: 'viewer' });
    expect((await server.api('/api/boards/gdi-2025/invites', { token: member.token })).status).toBe(403);
    expect((await server.api(`/api/boards/gdi-2025/members/${member.memberId}`, { method: 'DELETE' })).status).toBe(200);
    expect((await server.api('/api/me', { token: member.token })).status).toBe(401);
  });

  it('refuses bad bodies with a 4xx and a reason, storing nothing', async () => {
    const before = await server.database.query('select count(*)::int as n from invites');
    const cases: [unknown, number][] = [
      ['{not json', 400],
      [JSON.stringify([1, 2]), 400],
      [JSON.stringify({ role: 'king' }), 400],
      [JSON.stringify({ role: 'editor', extra: 1 }), 400],
      [JSON.stringify({ role: 'editor', expiresInHours: -1 }), 400],
      [JSON.stringify({ role: 'editor', pad: 'x'.repeat(70_000) }), 413],
    ];
    for (const [body, status] of cases) {
      const response = await server.api('/api/boards/gdi-2025/invites', { method: 'POST', body: body as string, headers: { 'content-type': 'application/json' } });
      expect(response.status, String(body).slice(0, 40)).toBe(status);
      expect(((await response.json()) as { message: string }).message.length).toBeGreaterThan(5);
    }
    expect(await server.database.query('select count(*)::int as n from invites')).toEqual(before);
    for (const displayName of ['', '   ', 'x'.repeat(61), 'bad\u0007name', 42]) {
      const invite = (await (await server.api('/api/boards/gdi-2025/invites', { method: 'POST', json: { role: 'viewer' } })).json()) as { token: string };
      const response = await server.api('/api/join', { method: 'POST', token: null, json: { token: invite.token, displayName } });
      expect(response.status).toBe(400);
    }
    const wrong = await server.api('/api/join', { method: 'POST', token: null, json: { token: 'nope', displayName: 'X' } });
    expect(wrong.status).toBe(401);
  });

  it('stores only hashes of tokens', async () => {
    const member = await server.join('gdi-2025', 'editor', 'Hash');
    for (const table of ['invites', 'sessions', 'members', 'server_secrets']) {
      const rows = JSON.stringify(await server.database.query(`select * from ${table}`));
      expect(rows).not.toContain(member.token);
      expect(rows).not.toContain(TEST_ADMIN_TOKEN);
    }
    expect(JSON.stringify(await server.database.query('select token_hash from sessions'))).toContain(hashToken(member.token));
  });

  it('generates an admin token once and keeps it; the environment overrides it', async () => {
    const access = createAccessStore(server.database.handle.db);
    const first = await bootstrapAdminToken(access, null);
    const second = await bootstrapAdminToken(access, null);
    expect(first.generated).not.toBeNull();
    expect(second).toEqual({ hash: first.hash, generated: null });
    expect(first.hash).toBe(hashToken(first.generated!));
    expect((await bootstrapAdminToken(access, 'from-the-environment-123')).hash).toBe(hashToken('from-the-environment-123'));
  });
});
