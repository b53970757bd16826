// Attack: 400 concurrent upgrades with made-up tokens, all from one address, took every
// pending-upgrade slot and delayed real members by up to 5.5 s. Now one address holds a few slots
// at most.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../db/test-databases.ts';
import { waitUntil } from '../../shared/eventually.ts';
import { startTestPlanbord, type TestPlanbord } from '../test-planbord.ts';
import { syncSocket } from './sync-socket.ts';

const SLOW = 90_000;
const BOARD = 'gdi-2025';
const pglite = testDrivers().find((driver) => driver.name === 'pglite')!;

describe('upgrades from one address', () => {
  let server: TestPlanbord;
  const url = () => `${server.syncUrl}/${BOARD}`;
  beforeAll(async () => {
    server = await startTestPlanbord(pglite, { syncLimits: { maxPendingUpgrades: 8, maxPendingUpgradesPerAddress: 2 } });
  }, SLOW);
  afterAll(async () => server?.stop(), SLOW);

  it('lets one address hold only a few pending upgrades, so a member from elsewhere is not turned away', async () => {
    const member = await server.join(BOARD, 'editor', 'Eva');
    // PGlite runs one query at a time: while this transaction is open, every token lookup waits,
    // so the flood's upgrades stay pending for as long as the test wants.
    let release!: () => void;
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const started = new Promise<void>((resolve) => (holding = resolve));
    const transaction = server.database.handle.db.transaction(async () => {
      holding();
      await held;
    });
    await started;

    // The loopback network is 127.0.0.0/8: the flood comes from 127.0.0.2, the member from 127.0.0.1.
    const flood = Array.from({ length: 40 }, (_, i) => syncSocket(url(), `forged-token-${i}`, { localAddress: '127.0.0.2' }));
    const statuses: number[] = [];
    flood.forEach((attempt) => void attempt.refused.then(({ status }) => statuses.push(status)));
    // Every attempt beyond what the server lets wait (8 in all) is refused at once.
    await waitUntil(() => statuses.length >= 40 - 8, 10_000, 'the flood refused');

    const honest = syncSocket(url(), member.token);
    const refusedAtOnce = honest.refused.then(({ status }) => status);
    // The member's upgrade waits for the database like any other: it is not refused.
    const early = await Promise.race([refusedAtOnce, new Promise((resolve) => setTimeout(() => resolve('pending'), 300))]);
    release();
    await transaction;
    expect(early).toBe('pending');
    expect(await honest.opened).toBe(true);
    await waitUntil(() => statuses.length === 40, 10_000, 'every forged upgrade answered');
    expect(statuses.filter((status) => status === 429)).toHaveLength(38);
    expect(statuses.filter((status) => status === 401)).toHaveLength(2);
    honest.socket.close();
  }, SLOW);
});
