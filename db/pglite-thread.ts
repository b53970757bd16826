// PGlite on a worker thread (db/pglite-worker.mjs), with the part of PGlite's interface that
// drizzle's PGlite driver uses: query, and transaction with queries inside it. The server's event
// loop goes on while the database works.
import { Worker } from 'node:worker_threads';

export interface PgliteResults<Row> {
  rows: Row[];
  fields: { name: string; dataTypeID: number }[];
  affectedRows?: number;
}

interface QueryOptions {
  rowMode?: 'array' | 'object';
  parsers?: Record<number, unknown>;
}

export interface PgliteQueryable {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[], options?: QueryOptions): Promise<PgliteResults<Row>>;
}

export interface PgliteThread extends PgliteQueryable {
  transaction<T>(run: (tx: PgliteQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

interface Reply {
  id: number;
  ok: boolean;
  value?: unknown;
  error?: { message: string; name?: string; code?: string };
}

const WORKER_URL = new URL('./pglite-worker.mjs', import.meta.url);

/** An Error again, with PostgreSQL's code and details, which db-errors.ts looks for. */
function reviveError(plain: NonNullable<Reply['error']>): Error {
  return Object.assign(new Error(plain.message), plain);
}

/** Starts PGlite in `dataDir` (a folder or 'memory://') on a worker thread; resolves once it is ready. */
export async function startPgliteThread(dataDir: string): Promise<PgliteThread> {
  const worker = new Worker(WORKER_URL, { workerData: { dataDir } });
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 1;
  let failure: Error | null = null;

  const fail = (error: Error) => {
    failure ??= error;
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  worker.on('message', (reply: Reply) => {
    const request = waiting.get(reply.id);
    if (!request) return;
    waiting.delete(reply.id);
    if (reply.ok) request.resolve(reply.value);
    else request.reject(reviveError(reply.error ?? { message: 'unknown database error' }));
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the database thread stopped (exit code ${code})`)));

  const call = <T>(request: Record<string, unknown>): Promise<T> => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...request, id });
    });
  };

  await new Promise<void>((resolve, reject) => waiting.set(0, { resolve: () => resolve(), reject }));

  // Drizzle passes parsers only to keep some types as PostgreSQL's text; their type oids are sent.
  const query = (transaction: number | null) => <Row>(sql: string, params: unknown[] = [], options: QueryOptions = {}) =>
    call<PgliteResults<Row>>({
      kind: 'query',
      sql,
      params,
      rowMode: options.rowMode ?? 'object',
      rawTypes: Object.keys(options.parsers ?? {}).map(Number),
      transaction,
    });

  return {
    query: query(null),
    async transaction(run) {
      const transaction = await call<number>({ kind: 'begin' });
      let result;
      try {
        result = await run({ query: query(transaction) });
      } catch (error) {
        await call({ kind: 'end', transaction, commit: false }).catch(() => {});
        throw error;
      }
      await call({ kind: 'end', transaction, commit: true });
      return result;
    },
    async close() {
      if (!failure) await call({ kind: 'close' }).catch(() => {});
      await worker.terminate();
    },
  };
}
