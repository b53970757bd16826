import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPgErrorCode, UNIQUE_VIOLATION } from './db-errors.ts';
import { startPgliteThread, type PgliteThread } from './pglite-thread.ts';

describe('PGlite on its own thread', () => {
  let pg: PgliteThread;
  beforeAll(async () => {
    pg = await startPgliteThread('memory://');
    await pg.query('create table items (id text primary key, data bytea)');
  }, 60_000);
  afterAll(() => pg.close());

  it('brings bytes back exactly, as a plain Uint8Array', async () => {
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256);
    await pg.query('insert into items values ($1, $2)', ['bytes', bytes]);
    const { rows } = await pg.query<{ data: Uint8Array }>('select data from items where id = $1', ['bytes']);
    expect(Object.getPrototypeOf(rows[0]!.data)).toBe(Uint8Array.prototype);
    expect(Buffer.from(rows[0]!.data).equals(Buffer.from(bytes))).toBe(true);
  });

  it("keeps PostgreSQL's error code on an error from the thread", async () => {
    await pg.query("insert into items values ('twice', null)");
    const failure = await pg.query("insert into items values ('twice', null)").catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(hasPgErrorCode(failure, UNIQUE_VIOLATION)).toBe(true);
  });

  it('commits a transaction whole, and leaves nothing of one that failed', async () => {
    await pg.transaction(async (tx) => {
      await tx.query("insert into items values ('a', null)");
      await tx.query("insert into items values ('b', null)");
    });
    const failure = await pg
      .transaction(async (tx) => {
        await tx.query("insert into items values ('c', null)");
        throw new Error('changed my mind');
      })
      .catch((error: unknown) => error);
    expect((failure as Error).message).toBe('changed my mind');
    const { rows } = await pg.query<{ id: string }>("select id from items where id in ('a', 'b', 'c') order by id");
    expect(rows.map((row) => row.id)).toEqual(['a', 'b']);
  });

  it('answers queries made while a transaction is open once it ends, in order', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = pg.transaction(async (tx) => {
      await tx.query("insert into items values ('inside', null)");
      await held;
    });
    const outside = pg.query<{ n: number }>("select count(*)::int as n from items where id = 'inside'");
    release();
    await transaction;
    expect((await outside).rows[0]!.n).toBe(1);
  });
});
