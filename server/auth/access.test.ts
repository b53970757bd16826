import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../db/test-databases.ts';
import { startTestPlanbord, TEST_ADMIN_TOKEN, type TestPlanbord } from '../test-planbord.ts';
import type { AccessChange } from './identity.ts';
import { hashToken } from './tokens.ts';

const SLOW = 90_000;
const BOARD = '/api/boards/gdi-2025';

describe.each(testDrivers().filter((driver) => driver.available))('roles and access on $name', (driver) => {
  let server: TestPlanbord;
  let changes: AccessChange[] = [];
  let unsubscribe = () => {};

  const createInvite = async (role: string, boardPath = BOARD) => {
    const response = await server.api(`${boardPath}/invites`, { method: 'POST', json: { role } });
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string; token: string; url: string; role: string; boardId: string; expiresAt: string | null };
  };
  const status = async (path: string, token: string | null, init: { method?: string; json?: unknown } = {}) =>
    (await server.api(path, { ...init, token })).status;

  beforeAll(async () => {
    server = await startTestPlanbord(driver);
    unsubscribe = server.planbord.events.subscribe((change) => changes.push(change));
    // A second board, to prove that access to one board is no access to another.
    await server.database.query("insert into boards (id, title, year) values ('other', 'Ander bord', 2026)");
    await server.database.query("insert into board_states (board_id, state) values ('other', '\\x0000')");
  }, SLOW);
  afterEach(() => {
    changes = [];
  });
  afterAll(async () => {
    unsubscribe();
    await server?.stop();
  }, SLOW);

  it('joins through an invite link: cookie and bearer both work, and the link carries the token in its fragment', async () => {
    const invite = await createInvite('editor');
    expect(invite).toMatchObject({ role: 'editor', boardId: 'gdi-2025', url: `http://127.0.0.1/join#${invite.token}` });
    expect(Buffer.from(invite.token, 'base64url').length).toBeGreaterThanOrEqual(32);

    const joined = await server.api('/api/join', { method: 'POST', token: null, json: { token: invite.token, displayName: '  Anna  de Vries ' } });
    expect(joined.status).toBe(200);
    const cookie = joined.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^planbord_session=[A-Za-z0-9_-]{43}; Max-Age=2592000; Path=\/; HttpOnly; SameSite=Lax$/);
    const session = (await joined.json()) as { sessionToken: string; displayName: string; color: string; boardId: string; role: string };
    expect(session).toMatchObject({ boardId: 'gdi-2025', role: 'editor', displayName: 'Anna de Vries' });
    expect(session.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(cookie).toContain(session.sessionToken);

    const byCookie = await fetch(`${server.url}/api/me`, { headers: { cookie: `other=1; ${cookie.split(';')[0]}` } });
    expect(await byCookie.json()).toEqual({
      kind: 'member',
      memberId: expect.any(String),
      boardId: 'gdi-2025',
      role: 'editor',
      displayName: 'Anna de Vries',
      color: session.color,
    });
    expect(await status(`${BOARD}/totals`, session.sessionToken)).toBe(200);
    // The invite stays usable for more people until it expires or is revoked.
    const second = await server.api('/api/join', { method: 'POST', token: null, json: { token: invite.token, displayName: 'Bas' } });
    expect(second.status).toBe(200);
    expect(((await second.json()) as { color: string }).color).not.toBe(session.color);
  });

  it('tells the invite page where a link leads, starts loading that board, and gives dead links the join answer', async () => {
    const invite = await createInvite('viewer', '/api/boards/other');
    // No test before this one opened the second board.
    expect(server.planbord.rooms.peek('other')).toBeNull();
    const preview = await server.api('/api/invite', { method: 'POST', token: null, json: { token: invite.token } });
    expect(preview.status).toBe(200);
    expect(await preview.json()).toEqual({ boardId: 'other', boardTitle: 'Ander bord', role: 'viewer' });
    await expect.poll(() => server.planbord.rooms.peek('other')).not.toBeNull();
    // Looking is not joining: nobody became a member.
    expect(((await server.database.query("select count(*)::int as n from members where board_id = 'other'"))[0] as { n: number }).n).toBe(0);

    await server.api(`/api/boards/other/invites/${invite.id}`, { method: 'DELETE' });
    const dead = await Promise.all(
      [invite.token, 'unknown-token'].map((token) => server.api('/api/invite', { method: 'POST', token: null, json: { token } })),
    );
    expect(dead.map((response) => response.status)).toEqual([401, 401]);
    const [revoked, unknown] = await Promise.all(dead.map((response) => response.json()));
    expect(revoked).toEqual(unknown);
    expect(revoked).toMatchObject({ error: 'invalid-invite' });
    for (const json of [{}, { token: 7 }, { token: invite.token, extra: 1 }]) {
      const bad = await server.api('/api/invite', { method: 'POST', token: null, json });
      expect(bad.status, JSON.stringify(json)).toBe(400);
      expect(await bad.json()).toMatchObject({ message: expect.any(String) });
    }
  });

  it('lets the admin sign in with the admin token, and signs out by ending the session', async () => {
    expect(await status('/api/login', null, { method: 'POST', json: { adminToken: 'wrong-token-wrong-token' } })).toBe(401);
    const login = await server.api('/api/login', { method: 'POST', token: null, json: { adminToken: TEST_ADMIN_TOKEN } });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(cookie).toMatch(/^planbord_session=/);
    expect(cookie).not.toContain(TEST_ADMIN_TOKEN);
    const me = await fetch(`${server.url}/api/me`, { headers: { cookie } });
    expect(await me.json()).toEqual({ kind: 'admin' });

    const logout = await fetch(`${server.url}/api/logout`, { method: 'POST', headers: { cookie, origin: 'http://127.0.0.1' } });
    expect(logout.status).toBe(200);
    expect(logout.headers.get('set-cookie')).toMatch(/^planbord_session=; Max-Age=0; Path=\//);
    expect(changes).toEqual([{ kind: 'session-ended', sessionId: expect.any(String) }]);
    expect((await fetch(`${server.url}/api/me`, { headers: { cookie } })).status).toBe(401);
  });

  it('answers 401 without credentials on every API route but join and login', async () => {
    const member = await server.join('gdi-2025', 'editor', 'Target');
    const routes: [string, string][] = [
      ['GET', '/api/boards'],
      ['GET', '/api/me'],
      ['POST', '/api/logout'],
      ['GET', BOARD],
      ['GET', `${BOARD}/totals`],
      ['GET', `${BOARD}/totals/stream`],
      ['POST', `${BOARD}/invites`],
      ['GET', `${BOARD}/invites`],
      ['DELETE', `${BOARD}/invites/${member.inviteId}`],
      ['GET', `${BOARD}/members`],
      ['PATCH', `${BOARD}/members/${member.memberId}`],
      ['DELETE', `${BOARD}/members/${member.memberId}`],
      ['GET', '/api/no-such-route'],
    ];
    for (const [method, path] of routes) {
      const response = await server.api(path, { method, token: null, ...(method === 'POST' || method === 'PATCH' ? { json: { role: 'chair' } } : {}) });
      expect(response.status, `${method} ${path}`).toBe(401);
      expect(await response.json()).toMatchObject({ error: 'unauthenticated', message: expect.any(String) });
    }
    for (const token of ['not-a-real-token', `${TEST_ADMIN_TOKEN}x`, 'x'.repeat(600)]) expect(await status('/api/boards', token)).toBe(401);
    expect((await fetch(`${server.url}/api/boards`, { headers: { authorization: `Basic ${TEST_ADMIN_TOKEN}` } })).status).toBe(401);
    expect((await fetch(`${server.url}/api/boards`, { headers: { cookie: 'planbord_session=%E0%A4%A' } })).status).toBe(401);
    // Tokens are never taken from the query string.
    expect((await fetch(`${server.url}/api/boards?token=${TEST_ADMIN_TOKEN}`)).status).toBe(401);
    expect((await fetch(`${server.url}/api/boards?access_token=${member.token}`)).status).toBe(401);
    // Nothing changed on the way.
    expect(await status(`${BOARD}/totals`, member.token)).toBe(200);
    expect(changes).toEqual([]);
  });

  it('answers 403 for a too-low role or another board', async () => {
    const viewer = await server.join('gdi-2025', 'viewer', 'Vera');
    const editor = await server.join('gdi-2025', 'editor', 'Eddy');
    for (const token of [viewer.token, editor.token]) {
      for (const [method, path, json] of [
        ['POST', `${BOARD}/invites`, { role: 'chair' }],
        ['GET', `${BOARD}/invites`, undefined],
        ['DELETE', `${BOARD}/invites/${viewer.inviteId}`, undefined],
        ['PATCH', `${BOARD}/members/${viewer.memberId}`, { role: 'chair' }],
        ['DELETE', `${BOARD}/members/${viewer.memberId}`, undefined],
      ] as const) {
        const response = await server.api(path, { method, token, json });
        expect(response.status, `${method} ${path}`).toBe(403);
        expect(await response.json()).toMatchObject({ error: 'forbidden' });
      }
    }
    // Nobody was promoted or revoked by those attempts.
    expect(await server.database.query(`select role, revoked_at from members where id = '${viewer.memberId}'`)).toEqual([{ role: 'viewer', revoked_at: null }]);
    // Any role reads its own board, and nothing of another one (not even whether it exists).
    for (const token of [viewer.token, editor.token]) {
      expect(await status(BOARD, token)).toBe(200);
      expect(await status(`${BOARD}/totals`, token)).toBe(200);
      expect(await status(`${BOARD}/members`, token)).toBe(200);
      expect(await status('/api/boards/other', token)).toBe(403);
      expect(await status('/api/boards/other/totals', token)).toBe(403);
      expect(await status('/api/boards/other/members', token)).toBe(403);
      expect(await status('/api/boards/no-such-board/totals', token)).toBe(403);
    }
    const list = (await (await server.api('/api/boards', { token: viewer.token })).json()) as { id: string }[];
    expect(list.map((board) => board.id)).toEqual(['gdi-2025']);
    const all = (await (await server.api('/api/boards')).json()) as { id: string }[];
    expect(all.map((board) => board.id).sort()).toEqual(['gdi-2025', 'other']);
    // A chair of one board is no chair of another.
    const chair = await server.join('gdi-2025', 'chair', 'Cas');
    expect(await status('/api/boards/other/invites', chair.token, { method: 'POST', json: { role: 'viewer' } })).toBe(403);
    expect(await status(`${BOARD}/invites`, chair.token, { method: 'POST', json: { role: 'viewer' } })).toBe(201);
  });

  it('lists members without secrets, and invites without tokens', async () => {
    const member = await server.join('gdi-2025', 'viewer', 'Lijst');
    const members = (await (await server.api(`${BOARD}/members`, { token: member.token })).json()) as Record<string, unknown>[];
    expect(members).toContainEqual({ id: member.memberId, displayName: 'Lijst', role: 'viewer', color: expect.stringMatching(/^#/), createdAt: expect.any(String) });
    const invites = (await (await server.api(`${BOARD}/invites`)).json()) as Record<string, unknown>[];
    expect(invites.length).toBeGreaterThan(0);
    for (const invite of invites) {
      expect(Object.keys(invite).sort()).toEqual(['boardId', 'createdAt', 'expiresAt', 'id', 'revokedAt', 'role']);
    }
    // The admin may manage the invites of any board; ids of another board's invites are not found.
    expect(await status(`/api/boards/other/invites/${member.inviteId}`, TEST_ADMIN_TOKEN, { method: 'DELETE' })).toBe(404);
    expect(await status(`/api/boards/other/members/${member.memberId}`, TEST_ADMIN_TOKEN, { method: 'PATCH', json: { role: 'chair' } })).toBe(404);
    expect(await status(`/api/boards/no-such-board/invites`, TEST_ADMIN_TOKEN, { method: 'POST', json: { role: 'viewer' } })).toBe(404);
    expect(await status(`${BOARD}/members/${member.memberId}`, member.token)).toBe(404);
  });

  it('revoking an invite ends the access of everyone who joined through it and publishes it', async () => {
    const invite = await createInvite('editor');
    const tokens: string[] = [];
    for (const displayName of ['Rob', 'Ria']) {
      const joined = await server.api('/api/join', { method: 'POST', token: null, json: { token: invite.token, displayName } });
      tokens.push(((await joined.json()) as { sessionToken: string }).sessionToken);
    }
    const bystander = await server.join('gdi-2025', 'editor', 'Bystander');
    for (const token of tokens) expect(await status(`${BOARD}/totals`, token)).toBe(200);
    const me = async (token: string) => ((await (await server.api('/api/me', { token })).json()) as { memberId: string }).memberId;
    const memberIds = [await me(tokens[0]!), await me(tokens[1]!)];

    const revoked = await server.api(`${BOARD}/invites/${invite.id}`, { method: 'DELETE' });
    expect(await revoked.json()).toEqual({ revokedMembers: 2 });
    for (const token of tokens) expect(await status(`${BOARD}/totals`, token)).toBe(401);
    expect(await status(`${BOARD}/totals`, bystander.token)).toBe(200);
    expect(changes.sort((a, b) => ('memberId' in a && 'memberId' in b ? a.memberId.localeCompare(b.memberId) : 0))).toEqual(
      [...memberIds].sort().map((memberId) => ({ kind: 'member-revoked', boardId: 'gdi-2025', memberId })),
    );
    // The link no longer joins, the members are gone from the list, and revoking again changes nothing.
    expect(await status('/api/join', null, { method: 'POST', json: { token: invite.token, displayName: 'Late' } })).toBe(401);
    const listed = (await (await server.api(`${BOARD}/members`)).json()) as { id: string }[];
    expect(listed.map((m) => m.id)).not.toContain(memberIds[0]);
    const [before] = await server.database.query(`select revoked_at from invites where id = '${invite.id}'`);
    changes = [];
    expect(await (await server.api(`${BOARD}/invites/${invite.id}`, { method: 'DELETE' })).json()).toEqual({ revokedMembers: 0 });
    expect(await server.database.query(`select revoked_at from invites where id = '${invite.id}'`)).toEqual([before]);
    expect(changes).toEqual([]);
  });

  it('refuses sessions whose invite is revoked even if the member row was not (a join racing a revocation)', async () => {
    const member = await server.join('gdi-2025', 'editor', 'Racer');
    await server.database.query(`update invites set revoked_at = now() where id = '${member.inviteId}'`);
    expect(await status('/api/me', member.token)).toBe(401);
  });

  it('refuses expired invites and expired sessions with the same answer as unknown ones', async () => {
    const invite = await createInvite('viewer');
    await server.database.query(`update invites set expires_at = now() - interval '1 minute' where id = '${invite.id}'`);
    const responses = await Promise.all(
      [invite.token, 'unknown-token'].map((token) => server.api('/api/join', { method: 'POST', token: null, json: { token, displayName: 'Late' } })),
    );
    const bodies = await Promise.all(responses.map((response) => response.json()));
    expect(responses.map((response) => response.status)).toEqual([401, 401]);
    expect(bodies[0]).toEqual(bodies[1]);
    expect(bodies[0]).toMatchObject({ error: 'invalid-invite' });

    const withExpiry = await server.api(`${BOARD}/invites`, { method: 'POST', json: { role: 'viewer', expiresInHours: 2 } });
    const { expiresAt } = (await withExpiry.json()) as { expiresAt: string };
    expect(Math.abs(Date.parse(expiresAt) - Date.now() - 2 * 3_600_000)).toBeLessThan(60_000);

    const member = await server.join('gdi-2025', 'viewer', 'Verloopt');
    await server.database.query(`update sessions set expires_at = now() - interval '1 second' where token_hash = '${hashToken(member.token)}'`);
    expect(await status('/api/me', member.token)).toBe(401);
  });

  it('changes roles (publishing the change, so a demotion reaches open connections) and revokes members', async () => {
    const member = await server.join('gdi-2025', 'chair', 'Chris');
    expect(await status(`${BOARD}/invites`, member.token)).toBe(200);
    const demoted = await server.api(`${BOARD}/members/${member.memberId}`, { method: 'PATCH', json: { role: 'viewer' } });
    expect(demoted.status).toBe(200);
    expect(await demoted.json()).toMatchObject({ id: member.memberId, role: 'viewer' });
    expect(changes).toEqual([{ kind: 'role-changed', boardId: 'gdi-2025', memberId: member.memberId, role: 'viewer' }]);
    expect(await status(`${BOARD}/invites`, member.token)).toBe(403);
    expect(await (await server.api('/api/me', { token: member.token })).json()).toMatchObject({ role: 'viewer' });

    changes = [];
    expect(await status(`${BOARD}/members/${member.memberId}`, TEST_ADMIN_TOKEN, { method: 'DELETE' })).toBe(200);
    expect(changes).toEqual([{ kind: 'member-revoked', boardId: 'gdi-2025', memberId: member.memberId }]);
    expect(await status('/api/me', member.token)).toBe(401);
    expect(await status(`${BOARD}/members/${member.memberId}`, TEST_ADMIN_TOKEN, { method: 'DELETE' })).toBe(404);
    expect(await status(`${BOARD}/members/${member.memberId}`, TEST_ADMIN_TOKEN, { method: 'PATCH', json: { role: 'chair' } })).toBe(404);

    // A chair (not only the admin) manages the board's members.
    const chair = await server.join('gdi-2025', 'chair', 'Chantal');
    const editor = await server.join('gdi-2025', 'editor', 'Ed');
    expect(await status(`${BOARD}/members/${editor.memberId}`, chair.token, { method: 'PATCH', json: { role: 'chair' } })).toBe(200);
    expect(await status(`${BOARD}/invites`, editor.token)).toBe(200);
  });

  it('refuses bad bodies with a 4xx and a reason, storing nothing', async () => {
    const count = async () => server.database.query('select (select count(*) from invites)::int as i, (select count(*) from members)::int as m, (select count(*) from sessions)::int as s');
    const before = await count();
    const json = { 'content-type': 'application/json' };
    const cases: [string, BodyInit, Record<string, string>, number, string][] = [
      ['not JSON', '{not json', json, 400, 'invalid-json'],
      ['empty', '', json, 400, 'invalid-json'],
      ['an array', JSON.stringify([1, 2]), json, 400, 'invalid-body'],
      ['null', 'null', json, 400, 'invalid-body'],
      ['an unknown role', JSON.stringify({ role: 'king' }), json, 400, 'invalid-body'],
      ['a role of the wrong type', JSON.stringify({ role: ['editor'] }), json, 400, 'invalid-body'],
      ['no role', JSON.stringify({}), json, 400, 'invalid-body'],
      ['an unknown field', JSON.stringify({ role: 'editor', extra: 1 }), json, 400, 'unknown-field'],
      ['a negative expiry', JSON.stringify({ role: 'editor', expiresInHours: -1 }), json, 400, 'invalid-body'],
      ['an expiry as text', JSON.stringify({ role: 'editor', expiresInHours: '2' }), json, 400, 'invalid-body'],
      ['an oversized body', JSON.stringify({ role: 'editor', pad: 'x'.repeat(70_000) }), json, 413, 'body-too-large'],
      ['a form post', 'role=chair', { 'content-type': 'application/x-www-form-urlencoded' }, 415, 'unsupported-media-type'],
      ['text/plain', JSON.stringify({ role: 'chair' }), { 'content-type': 'text/plain' }, 415, 'unsupported-media-type'],
    ];
    for (const [what, body, headers, expected, error] of cases) {
      const response = await server.api(`${BOARD}/invites`, { method: 'POST', body, headers });
      expect(response.status, what).toBe(expected);
      const reason = (await response.json()) as { error: string; message: string };
      expect(reason.error, what).toBe(error);
      expect(reason.message.length, what).toBeGreaterThan(5);
    }
    // A chunked body without Content-Length is measured as it streams.
    const streamed = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode(' '.repeat(4096)));
        controller.close();
      },
    });
    const chunked = await server.api(`${BOARD}/invites`, { method: 'POST', body: streamed, headers: json, duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(413);

    const invite = await createInvite('viewer');
    const afterInvite = await count();
    for (const displayName of ['', '   ', 'x'.repeat(61), 'bad\u0007name', 'new\nline', 'evil\u202Eeman', 42, null]) {
      const response = await server.api('/api/join', { method: 'POST', token: null, json: { token: invite.token, displayName } });
      expect(response.status, JSON.stringify(displayName)).toBe(400);
    }
    for (const body of [{ token: invite.token }, { displayName: 'X' }, { token: 7, displayName: 'X' }, { token: invite.token, displayName: 'X', role: 'chair' }]) {
      expect(await status('/api/join', null, { method: 'POST', json: body }), JSON.stringify(body)).toBe(400);
    }
    for (const body of [{}, { adminToken: 5 }, { adminToken: TEST_ADMIN_TOKEN, extra: true }]) {
      expect(await status('/api/login', null, { method: 'POST', json: body }), JSON.stringify(body)).toBe(400);
    }
    expect(await status(`${BOARD}/members/whoever`, TEST_ADMIN_TOKEN, { method: 'PATCH', json: { role: 'owner' } })).toBe(400);
    expect(await count()).toEqual(afterInvite);
    expect(afterInvite[0]).toMatchObject({ i: Number(before[0]!.i) + 1, m: before[0]!.m, s: before[0]!.s });
    // Sixty characters is still a name.
    expect(await status('/api/join', null, { method: 'POST', json: { token: invite.token, displayName: 'é'.repeat(60) } })).toBe(200);
  });

  it('stores only hashes of tokens', async () => {
    const invite = await createInvite('editor');
    const joined = await server.api('/api/join', { method: 'POST', token: null, json: { token: invite.token, displayName: 'Hash' } });
    const { sessionToken } = (await joined.json()) as { sessionToken: string };
    const login = await server.api('/api/login', { method: 'POST', token: null, json: { adminToken: TEST_ADMIN_TOKEN } });
    const adminSession = (login.headers.get('set-cookie') ?? '').split(';')[0]!.split('=')[1]!;
    const tables = await server.database.query("select table_name from information_schema.tables where table_schema = 'public'");
    expect(tables.length).toBeGreaterThanOrEqual(8);
    for (const { table_name: table } of tables) {
      const rows = JSON.stringify(await server.database.query(`select * from "${String(table)}"`));
      for (const secret of [invite.token, sessionToken, adminSession, TEST_ADMIN_TOKEN]) expect(rows, String(table)).not.toContain(secret);
    }
    expect(await server.database.query(`select count(*)::int as n from invites where token_hash = '${hashToken(invite.token)}'`)).toEqual([{ n: 1 }]);
    expect(await server.database.query(`select count(*)::int as n from sessions where token_hash = '${hashToken(sessionToken)}'`)).toEqual([{ n: 1 }]);
  });
});
