import { describe, expect, it } from 'vitest';
import { checkReadiness, STALLED_WRITE_MS } from './readiness.ts';

describe('readiness', () => {
  it('is ready when the database answers and every board saves', async () => {
    expect(await checkReadiness({ checkDatabase: async () => true, savingHealthy: () => true, oldestWriteStartedAt: () => null })).toEqual({ ok: true, database: 'up', saving: 'ok' });
  });

  it('reports a database that fails, and boards that retry their saves', async () => {
    const failing = async (): Promise<boolean> => {
      throw new Error('connection refused');
    };
    expect(await checkReadiness({ checkDatabase: failing, savingHealthy: () => false, oldestWriteStartedAt: () => null })).toEqual({ ok: false, database: 'down', saving: 'retrying' });
  });

  it('answers "down" by its deadline when the database never answers', async () => {
    const started = Date.now();
    const silent = () => new Promise<boolean>(() => {});
    expect(await checkReadiness({ checkDatabase: silent, savingHealthy: () => true, oldestWriteStartedAt: () => null }, 100)).toEqual({ ok: false, database: 'down', saving: 'ok' });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('reports saving as stalled while a board write is in flight past STALLED_WRITE_MS, and not before', async () => {
    const inFlightSince = (ms: number) => ({ checkDatabase: async () => true, savingHealthy: () => true, oldestWriteStartedAt: () => Date.now() - ms });
    expect(await checkReadiness(inFlightSince(STALLED_WRITE_MS + 1))).toEqual({ ok: false, database: 'up', saving: 'stalled' });
    expect(await checkReadiness(inFlightSince(10))).toEqual({ ok: true, database: 'up', saving: 'ok' });
  });
});
