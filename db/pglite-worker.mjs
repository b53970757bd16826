// PGlite runs PostgreSQL compiled to WebAssembly, synchronously, on the thread that calls it: on the
// server's main thread every insert, every compaction and every board read would stop the event
// loop, and with it every socket, for as long as it runs. Here it runs on a worker thread instead,
// and db/pglite-thread.ts forwards drizzle's queries and transactions to it.
// Plain JavaScript: a worker thread starts without the TypeScript loader of its parent.
import { chmod, readdir } from 'node:fs/promises';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pgliteByteaCodec } from './pglite-bytea.mjs';

const identity = (value) => value;
/** Open transactions by number: each holds PGlite's transaction until the main thread ends it. */
const transactions = new Map();
let nextTransaction = 1;
let pg;

function reply(id, value, transfer = []) {
  parentPort.postMessage({ id, ok: true, value }, transfer);
}

/** Errors cross the thread as plain data: PostgreSQL's code and details must survive the trip. */
function replyError(id, error) {
  const plain = { message: String(error?.message ?? error) };
  for (const key of ['name', 'code', 'detail', 'constraint', 'table', 'column', 'severity']) {
    if (error && typeof error[key] === 'string') plain[key] = error[key];
  }
  parentPort.postMessage({ id, ok: false, error: plain });
}

/** Bytea values travel to the main thread without a copy. */
function transferables(result) {
  const buffers = new Set();
  for (const row of result.rows) {
    for (const value of Array.isArray(row) ? row : Object.values(row)) {
      if (value instanceof Uint8Array && value.byteOffset === 0 && value.byteLength === value.buffer.byteLength) buffers.add(value.buffer);
    }
  }
  return [...buffers];
}

async function query({ sql, params, rowMode, rawTypes, transaction }) {
  const target = transaction ? transactions.get(transaction)?.tx : pg;
  if (!target) throw new Error(`no open transaction ${transaction}`);
  // Drizzle's parsers keep these types as PostgreSQL's text; functions do not cross threads.
  const parsers = Object.fromEntries((rawTypes ?? []).map((oid) => [oid, identity]));
  const result = await target.query(sql, params, { rowMode, parsers });
  return { rows: result.rows, fields: result.fields, affectedRows: result.affectedRows };
}

/** Opens a transaction that stays open, taking queries, until an 'end' request settles it. */
function begin(id) {
  const number = nextTransaction++;
  const entry = { tx: null, settle: null, done: null };
  entry.done = pg.transaction(
    (tx) =>
      new Promise((resolve, reject) => {
        entry.tx = tx;
        entry.settle = (commit) => (commit ? resolve() : reject(new Error('rolled back')));
        transactions.set(number, entry);
        reply(id, number);
      }),
  );
  // A transaction that failed to start answers its 'begin'; later failures answer its 'end'.
  entry.done.catch((error) => {
    if (!entry.tx) replyError(id, error);
  });
}

async function end(id, number, commit) {
  const entry = transactions.get(number);
  if (!entry) throw new Error(`no open transaction ${number}`);
  entry.settle(commit);
  try {
    await entry.done;
    reply(id, null);
  } catch (error) {
    // The rollback asked for is no failure.
    if (commit) replyError(id, error);
    else reply(id, null);
  } finally {
    transactions.delete(number);
  }
}

parentPort.on('message', async (message) => {
  const { id, kind } = message;
  try {
    await ready;
    switch (kind) {
      case 'query': {
        const result = await query(message);
        return reply(id, result, transferables(result));
      }
      case 'begin':
        return begin(id);
      case 'end':
        return await end(id, message.transaction, message.commit);
      case 'close':
        await pg.close();
        await makePrivate(workerData.dataDir);
        return reply(id, null);
      default:
        throw new Error(`unknown request ${kind}`);
    }
  } catch (error) {
    replyError(id, error);
  }
});

/**
 * The database's files are for this server only: folders 0700, files 0600. PGlite copies its
 * initial cluster with mode 0666 (a umask does not help: the modes are set explicitly) and writes
 * a few files at every start with 0644, so the folder is tightened after each start and close.
 * Files PostgreSQL creates while running get 0600 of their own.
 */
async function makePrivate(dataDir) {
  if (dataDir.includes('://')) return;
  await chmod(dataDir, 0o700);
  for (const entry of await readdir(dataDir, { withFileTypes: true, recursive: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (entry.isDirectory()) await chmod(file, 0o700);
    else if (entry.isFile()) await chmod(file, 0o600);
  }
}

const ready = (async () => {
  pg = new PGlite(workerData.dataDir, pgliteByteaCodec);
  await pg.waitReady;
  await makePrivate(workerData.dataDir);
})();
ready.then(
  () => reply(0, 'ready'),
  (error) => replyError(0, error),
);
