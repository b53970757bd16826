import { afterEach, describe, expect, it } from 'vitest';
import { createAccessStore } from '../../db/access-store.ts';
import { testDrivers, type TestDatabase } from '../../db/test-databases.ts';
import { ADMIN_TOKEN_SECRET, bootstrapAdminToken } from './admin-token.ts';
import { createAuthenticator } from './authenticator.ts';
import { hashToken, newId, newToken } from './tokens.ts';

describe.each(testDrivers().filter((driver) => driver.available))('admin token on $name', (driver) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.close();
    database = undefined;
  });

  it('generates a token once, keeps only its hash, and accepts it on every later start', async () => {
    database = await driver.open();
    const access = createAccessStore(database.handle.db);
    const first = await bootstrapAdminToken(access, null);
    expect(first.source).toBe('generated');
    expect(Buffer.from(first.generated!, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(first.hash).toBe(hashToken(first.generated!));
    const second = await bootstrapAdminToken(createAccessStore(database.handle.db), null);
    expect(second).toEqual({ hash: first.hash, generated: null, source: 'stored', endedSessions: 0 });
    expect(await database.query('select key, value from server_secrets')).toEqual([{ key: ADMIN_TOKEN_SECRET, value: first.hash }]);
    const authenticator = createAuthenticator({ access, adminTokenHash: second.hash });
    expect(await authenticator.authenticate({ authorization: `Bearer ${first.generated}` })).toEqual({ kind: 'admin', sessionId: null });
  });

  it('lets PLANBORD_ADMIN_TOKEN replace the generated token for good, ending sessions of the old one', async () => {
    database = await driver.open();
    const access = createAccessStore(database.handle.db);
    const generated = await bootstrapAdminToken(access, null);
    const sessionToken = newToken();
    await access.createAdminSession({ id: newId(), tokenHash: hashToken(sessionToken), memberId: null, expiresAt: new Date(Date.now() + 60_000) });
    expect(await access.findLiveSession(hashToken(sessionToken), new Date())).toMatchObject({ isAdmin: true });

    const fromEnv = await bootstrapAdminToken(access, 'from-the-environment-123');
    expect(fromEnv).toEqual({ hash: hashToken('from-the-environment-123'), generated: null, source: 'environment', endedSessions: 1 });
    expect(await access.findLiveSession(hashToken(sessionToken), new Date())).toBeNull();
    const authenticator = createAuthenticator({ access, adminTokenHash: fromEnv.hash });
    expect(await authenticator.authenticate({ authorization: `Bearer ${generated.generated}` })).toBeNull();
    expect(await authenticator.authenticate({ authorization: 'Bearer from-the-environment-123' })).toMatchObject({ kind: 'admin' });

    // The same variable again changes nothing; without it, the environment's token stays the admin token.
    expect(await bootstrapAdminToken(access, 'from-the-environment-123')).toMatchObject({ source: 'environment', endedSessions: 0 });
    expect(await bootstrapAdminToken(access, null)).toEqual({ hash: fromEnv.hash, generated: null, source: 'stored', endedSessions: 0 });
  });

  it('takes PLANBORD_ADMIN_TOKEN on a first start without generating one', async () => {
    database = await driver.open();
    const access = createAccessStore(database.handle.db);
    expect(await bootstrapAdminToken(access, 'first-start-token-0123')).toMatchObject({ generated: null, source: 'environment', endedSessions: 0 });
    expect(await bootstrapAdminToken(access, null)).toMatchObject({ hash: hashToken('first-start-token-0123'), generated: null });
  });
});
