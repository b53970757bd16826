// Attack: the admin login, the invite preview and the join took unlimited guesses (about 55 a second
// from one address). After repeated failures an address now gets 429 with Retry-After, for a short
// window only; successes are not counted, and other addresses are not affected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../db/test-databases.ts';
import { DEFAULT_ATTEMPT_LIMITS } from '../http/attempt-limit.ts';
import { startTestPlanbord, TEST_ADMIN_TOKEN, type TestPlanbord } from '../test-planbord.ts';

const SLOW = 90_000;
const [pglite] = testDrivers();

const wrongLogin = (server: TestPlanbord, guess: number) =>
  server.api('/api/login', { method: 'POST', token: null, json: { adminToken: `guess-${guess}-0123456789abcdef` } });
const login = (server: TestPlanbord) => server.api('/api/login', { method: 'POST', token: null, json: { adminToken: TEST_ADMIN_TOKEN } });

describe('failed sign-in attempts per address, default limits', () => {

  let server: TestPlanbord;
  beforeAll(async () => {
    server = await startTestPlanbord(pglite!);
  }, SLOW);
  afterAll(async () => {
    await server?.stop();
  }, SLOW);

  it('lets a room of people behind one address join at once', async () => {
    const names = Array.from({ length: 20 }, (_, i) => `Deelnemer ${i + 1}`);
    await Promise.all(names.map((name) => server.join('gdi-2025', 'editor', name)));
  });

  it(`answers 429 with Retry-After once an address has failed ${DEFAULT_ATTEMPT_LIMITS.maxFailures} times`, async () => {
    const statuses: number[] = [];
    for (let guess = 0; guess < DEFAULT_ATTEMPT_LIMITS.maxFailures + 5; guess++) statuses.push((await wrongLogin(server, guess)).status);
    expect(statuses.slice(0, DEFAULT_ATTEMPT_LIMITS.maxFailures)).toEqual(Array(DEFAULT_ATTEMPT_LIMITS.maxFailures).fill(401));
    expect(statuses.slice(DEFAULT_ATTEMPT_LIMITS.maxFailures)).toEqual(Array(5).fill(429));
    const refused = await wrongLogin(server, 99);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(DEFAULT_ATTEMPT_LIMITS.windowMs / 1000);
    expect(await refused.json()).toMatchObject({ error: 'too-many-attempts' });
    // While refused, even the right token gets no answer about itself: it could be the next guess.
    expect((await login(server)).status).toBe(429);
  });

  it('counts the invite preview and the join against the same limit', async () => {
    const invite = await server.api('/api/invite', { method: 'POST', token: null, json: { token: 'not-an-invite' } });
    const join = await server.api('/api/join', { method: 'POST', token: null, json: { token: 'not-an-invite', displayName: 'Gok' } });
    expect([invite.status, join.status]).toEqual([429, 429]);
  });
});

describe('failed sign-in attempts per address, a short window', () => {
  let server: TestPlanbord;
  beforeAll(async () => {
    server = await startTestPlanbord(pglite!, { attemptLimits: { maxFailures: 3, windowMs: 1_500, maxConcurrent: 4 } });
  }, SLOW);
  afterAll(async () => {
    await server?.stop();
  }, SLOW);

  it('does not count successes: many joins and logins in a row all succeed', async () => {
    for (let i = 0; i < 8; i++) expect((await login(server)).status).toBe(200);
    for (const name of ['Ada', 'Bo', 'Cor', 'Dirk', 'Els']) await server.join('gdi-2025', 'viewer', name);
  });

  it('gives a burst of parallel guesses no more tries than the attempts it may run at once, and none after', async () => {
    const statuses = (await Promise.all(Array.from({ length: 12 }, (_, guess) => wrongLogin(server, guess)))).map((r) => r.status);
    // Guesses run at once (4) before their failures count, and the 3 failures of the window.
    const tried = statuses.filter((status) => status === 401).length;
    expect(tried).toBeGreaterThanOrEqual(3);
    expect(tried).toBeLessThanOrEqual(3 + 4 - 1);
    expect(statuses.filter((status) => status === 429)).toHaveLength(12 - tried);
    expect((await wrongLogin(server, 99)).status).toBe(429);
  });

  it('lets the admin in again once the window has passed', async () => {
    expect((await login(server)).status).toBe(429);
    const retryAfter = Number((await login(server)).headers.get('retry-after'));
    expect(retryAfter).toBeLessThanOrEqual(2);
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    expect((await login(server)).status).toBe(200);
  });
});
