// Attack: a viewer joined as "Beheerder", the admin's own name, and so showed up in presence and
// in the meeting record as the admin; names with zero-width characters passed as someone else's.
// Names are now normalised (NFKC, whitespace collapsed), invisible and reordering characters are
// refused, Planbord's own names are reserved, and a board has each name once, whatever the case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../db/test-databases.ts';
import { startTestPlanbord, type TestPlanbord } from '../test-planbord.ts';

const SLOW = 90_000;
const BOARD = 'gdi-2025';

describe.each(testDrivers().filter((driver) => driver.available))('display names on $name', (driver) => {
  let server: TestPlanbord;

  beforeAll(async () => {
    server = await startTestPlanbord(driver);
  }, SLOW);
  afterAll(async () => {
    await server?.stop();
  }, SLOW);

  const newInvite = async (role = 'viewer') =>
    ((await (await server.api(`/api/boards/${BOARD}/invites`, { method: 'POST', json: { role } })).json()) as { id: string; token: string }).token;
  const join = async (displayName: string, token?: string) =>
    server.api('/api/join', { method: 'POST', token: null, json: { token: token ?? (await newInvite()), displayName } });
  const memberNames = async () => ((await (await server.api(`/api/boards/${BOARD}/members`)).json()) as { displayName: string }[]).map((m) => m.displayName);

  it('refuses the admin\'s name and Planbord\'s own, in any case or spacing', async () => {
    for (const name of ['Beheerder', 'beheerder', ' BEHEERDER ', 'Admin', 'aDmIn', 'Planbord', 'Systeem', 'Naamloos', 'Ｂｅｈｅｅｒｄｅｒ', 'Beheerder.']) {
      const response = await join(name);
      expect(response.status, name).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'invalid-body' });
    }
    expect(await memberNames()).toEqual([]);
  });

  it('refuses zero-width, bidi and other invisible characters', async () => {
    const hidden = ['Be\u200Bheerder', 'An\u200Dna', 'Anna\uFEFF', '\u2066Anna', 'Anna\u202E', 'An\u00ADna', 'Anna\u2060', '\u3164', 'A\u034Fnna', '\u2800'];
    for (const name of hidden) expect((await join(name)).status, JSON.stringify(name)).toBe(400);
    expect(await memberNames()).toEqual([]);
  });

  it('stores the normalised name: NFKC and collapsed whitespace', async () => {
    const response = await join('  Ｊｏｓ\u00A0\u00A0de   Ｖｒｉｅｓ ');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ displayName: 'Jos de Vries' });
    expect(await memberNames()).toContain('Jos de Vries');
    // An emoji sequence with its joiners is a name, not a hidden character.
    expect((await join('Zoë 👩🏽‍💻')).status).toBe(200);
  });

  it('refuses a second "anna" on a board where "Anna" is a member, with 409 and a clear message', async () => {
    expect((await join('Anna')).status).toBe(200);
    for (const name of ['anna', 'ANNA', 'Ａｎｎａ', 'Anna.']) {
      const response = await join(name);
      expect(response.status, name).toBe(409);
      const body = (await response.json()) as { error: string; message: string };
      expect(body.error).toBe('display-name-taken');
      expect(body.message).toContain('kies een andere naam');
      expect(body.message).toContain('choose another name');
    }
    expect((await memberNames()).filter((name) => name.toLowerCase() === 'anna')).toEqual(['Anna']);
  });

  it('frees a name when its member is removed', async () => {
    const joined = (await (await join('Kees')).json()) as { sessionToken: string };
    const me = (await (await server.api('/api/me', { token: joined.sessionToken })).json()) as { memberId: string };
    expect((await join('kees')).status).toBe(409);
    expect((await server.api(`/api/boards/${BOARD}/members/${me.memberId}`, { method: 'DELETE' })).status).toBe(200);
    expect((await join('kees')).status).toBe(200);
  });

  it('lets exactly one of two people joining at once as "Bram" and "bram" in', async () => {
    const [first, second] = await Promise.all([newInvite(), newInvite()]);
    const statuses = (await Promise.all([join('Bram', first), join('bram', second)])).map((response) => response.status).sort();
    expect(statuses).toEqual([200, 409]);
  });
});
