import { describe, expect, it } from 'vitest';
import { checkReadiness } from './readiness.ts';

describe('readiness', () => {
  it('is ready when the database answers and every board saves', async () => {
    expect(await checkReadiness({ checkDatabase: async () => true, savingHealthy: () => true })).toEqual({ ok: true, database: 'up', saving: 'ok' });
  });

  it('reports a database that fails, and boards that retry their saves', async () => {
    const failing = async (): Promise<boolean> => {
      throw new Error('connection refused');
    };
    expect(await checkReadiness({ checkDatabase: failing, savingHealthy: () => false })).toEqual({ ok: false, database: 'down', saving: 'retrying' });
  });

  it('answers "down" by its deadline when the database never answers', async () => {
    const started = Date.now();
    const silent = () => new Promise<boolean>(() => {});
    expect(await checkReadiness({ checkDatabase: silent, savingHealthy: () => true }, 100)).toEqual({ ok: false, database: 'down', saving: 'ok' });
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
