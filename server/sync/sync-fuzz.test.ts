// Seeded fuzzing of ws://HOST/sync/<boardId> on the real server: random bytes, truncated, bit-flipped
// and spliced sync and awareness messages (made from a real edit and a real Awareness), unknown
// types, empty and oversized messages, text frames, bad UTF-8. Several connections fuzz one board
// at once, each until the server closes it, then reconnect. Meanwhile another board must stay byte
// for byte what it was, and two honest clients on a third keep seeing each other's edits quickly.
// SYNC_FUZZ_CASES sets the number of cases (default 10,000), SYNC_FUZZ_SEED the first seed; a
// failure names the seed and case that caused it.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createBoardStore } from '../../db/board-store.ts';
import { testDrivers } from '../../db/test-databases.ts';
import { deleteRow, insertRow, metaMap, readSheet, setCell, sheetMap } from '../../shared/board/board-doc.ts';
import { migrateBoard } from '../../shared/board/migrations.ts';
import type { BoardOrigin } from '../../shared/board/origins.ts';
import { COLUMNS, SHEETS, type SheetName } from '../../shared/board/sheets.ts';
import { validateValue } from '../../shared/board/validate.ts';
import { isPositionKey } from '../../shared/board/order.ts';
import { plan2025Rows } from '../../shared/plan-2025/plan-board.ts';
import { seededRandom } from '../../shared/seeded-random.ts';
import { MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC, SYNC_STEP_1, SYNC_STEP_2, SYNC_UPDATE } from '../../shared/sync/protocol.ts';
import { connectClient, type TestClient } from '../../shared/sync/test-client.ts';
import { startTestPlanbord, TEST_ADMIN_TOKEN, type TestPlanbord } from '../test-planbord.ts';

const CASES = Number(process.env.SYNC_FUZZ_CASES ?? 10_000);
const FIRST_SEED = Number(process.env.SYNC_FUZZ_SEED ?? 20_261_201);
const FUZZERS = 12;
const MAX_MESSAGE_BYTES = 64 * 1024;
const CASE_TIMEOUT_MS = 10_000;
const LATENCY_LIMIT_MS = 200;
const pglite = testDrivers().find((driver) => driver.name === 'pglite')!;
const me: BoardOrigin = { kind: 'user', userId: 'fuzz' };

/** The same board every run (fixed client id and row ids), so a case seed reproduces its bytes. */
function fixedBoard(): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = 1;
  doc.transact(() => {
    metaMap(doc).set('title', 'Fuzzbord');
    metaMap(doc).set('year', 2025);
  }, me);
  migrateBoard(doc);
  const rows = plan2025Rows();
  for (const sheet of SHEETS) rows[sheet].forEach((row, i) => insertRow(doc, sheet, row, me, { id: `${sheet}-${i}` }));
  return doc;
}

const framed = (type: number, write: (encoder: encoding.Encoder) => void) => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
};
const syncMessage = (syncType: number, payload: Uint8Array) =>
  framed(MESSAGE_SYNC, (encoder) => {
    encoding.writeVarUint(encoder, syncType);
    encoding.writeVarUint8Array(encoder, payload);
  });
const awarenessMessage = (update: Uint8Array) => framed(MESSAGE_AWARENESS, (encoder) => encoding.writeVarUint8Array(encoder, update));

/** Valid messages from real edits of the board and a real Awareness: what mutations start from. */
function validMessages(board: Y.Doc): Uint8Array[] {
  const doc = new Y.Doc();
  doc.clientID = 2;
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(board));
  const messages: Uint8Array[] = [syncMessage(SYNC_STEP_1, Y.encodeStateVector(board)), new Uint8Array([MESSAGE_QUERY_AWARENESS])];
  const edit = (write: () => void) => {
    const before = Y.encodeStateVector(doc);
    write();
    messages.push(syncMessage(SYNC_UPDATE, Y.encodeStateAsUpdate(doc, before)));
  };
  const start = Y.encodeStateVector(doc);
  edit(() => setCell(doc, 'beheer', 'beheer-0', 'amount', 1_234_000, me));
  edit(() => setCell(doc, 'beheer', 'beheer-1', 'bouwsteen', 'DigiD Machtigen', me));
  edit(() => setCell(doc, 'vernieuwing', 'vernieuwing-2', 'status', 'Doorloper', me));
  edit(() => setCell(doc, 'vernieuwing', 'vernieuwing-3', 'allocated', 'ntb', me));
  edit(() => insertRow(doc, 'roadmap', { ...plan2025Rows().roadmap[0]!, activity: 'Nieuw' }, me, { id: 'roadmap-new' }));
  edit(() => deleteRow(doc, 'roadmap', 'roadmap-1', me));
  messages.push(syncMessage(SYNC_STEP_2, Y.encodeStateAsUpdate(doc, start)));
  const presenceDoc = new Y.Doc();
  presenceDoc.clientID = 3;
  const awareness = new awarenessProtocol.Awareness(presenceDoc);
  awareness.setLocalState({ user: { id: 'admin', name: 'Voorzitter', role: 'chair', color: '#000000' }, cursor: { sheet: 'beheer', rowId: 'beheer-0', field: 'amount' } });
  messages.push(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(awareness, [3])));
  awareness.destroy();
  presenceDoc.destroy();
  doc.destroy();
  return messages;
}

type CaseKind =
  | 'random-bytes' | 'truncated' | 'bit-flipped' | 'spliced' | 'valid' | 'unknown-type' | 'empty'
  | 'oversized' | 'text' | 'bad-utf8-text' | 'awareness-bad-utf8' | 'awareness-hostile-json';

interface FuzzCase {
  seed: number;
  kind: CaseKind;
  data: Uint8Array | string;
  binary: boolean;
}

const KIND_WEIGHTS: [CaseKind, number][] = [
  ['random-bytes', 18], ['truncated', 16], ['bit-flipped', 24], ['spliced', 10], ['valid', 6], ['unknown-type', 5],
  ['empty', 3], ['oversized', 1], ['text', 4], ['bad-utf8-text', 3], ['awareness-bad-utf8', 5], ['awareness-hostile-json', 5],
];
const TOTAL_WEIGHT = KIND_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);

/** How the server must answer a kind: the close codes it may use, and whether it may accept it. */
const EXPECTED: Record<CaseKind, { codes: number[]; mayAccept: boolean }> = {
  'random-bytes': { codes: [4400], mayAccept: true },
  truncated: { codes: [4400], mayAccept: true },
  'bit-flipped': { codes: [4400], mayAccept: true },
  spliced: { codes: [4400], mayAccept: true },
  valid: { codes: [], mayAccept: true },
  'unknown-type': { codes: [4400], mayAccept: false },
  empty: { codes: [4400], mayAccept: false },
  oversized: { codes: [1009], mayAccept: false },
  text: { codes: [1003], mayAccept: false },
  // ws itself refuses a text frame that is not UTF-8 (1007), before Planbord sees it.
  'bad-utf8-text': { codes: [1007], mayAccept: false },
  'awareness-bad-utf8': { codes: [4400], mayAccept: true },
  'awareness-hostile-json': { codes: [4400], mayAccept: true },
};

function awarenessWithState(clientId: number, state: Uint8Array): Uint8Array {
  return awarenessMessage(
    (() => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarUint(encoder, clientId);
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarUint8Array(encoder, state); // a varString is its UTF-8 bytes with their length
      return encoding.toUint8Array(encoder);
    })(),
  );
}

function makeCase(seed: number, valid: readonly Uint8Array[]): FuzzCase {
  const next = seededRandom(seed);
  const int = (below: number) => Math.floor(next() * below);
  const bytes = (length: number) => Uint8Array.from({ length }, () => int(256));
  let roll = next() * TOTAL_WEIGHT;
  const kind = KIND_WEIGHTS.find(([, weight]) => (roll -= weight) < 0)![0];
  const base = valid[int(valid.length)]!;
  const binary = (data: Uint8Array): FuzzCase => ({ seed, kind, data, binary: true });
  switch (kind) {
    case 'random-bytes':
      return binary(bytes(1 + int(next() < 0.8 ? 64 : 4_096)));
    case 'truncated':
      return binary(base.slice(0, 1 + int(base.length - 1)));
    case 'bit-flipped': {
      const data = base.slice();
      for (let flips = 1 + int(8); flips > 0; flips--) data[int(data.length)]! ^= 1 << int(8);
      return binary(data);
    }
    case 'spliced': {
      const at = int(base.length);
      const cut = int(Math.min(16, base.length - at));
      return binary(Uint8Array.from([...base.slice(0, at), ...bytes(int(16)), ...base.slice(at + cut)]));
    }
    case 'valid':
      return binary(base);
    case 'unknown-type': {
      const types = [2, 4, 5, 99, 100, 127, 128, 1_000_000];
      return binary(framed(types[int(types.length)]!, (encoder) => encoding.writeUint8Array(encoder, bytes(int(32)))));
    }
    case 'empty':
      return binary(new Uint8Array(0));
    case 'oversized':
      return binary(base.length > 1 ? Uint8Array.from({ length: MAX_MESSAGE_BYTES + 1 + int(4_096) }, (_, i) => base[i % base.length]!) : bytes(MAX_MESSAGE_BYTES + 1));
    case 'text':
      return { seed, kind, data: next() < 0.5 ? 'hello' : JSON.stringify({ type: 'sync', update: [...bytes(16)] }), binary: false };
    case 'bad-utf8-text':
      return { seed, kind, data: Uint8Array.from([0x7b, 0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80, 0x7d]), binary: false };
    case 'awareness-bad-utf8': {
      const json = new TextEncoder().encode('{"user":{"name":"x"},"cursor":"');
      return binary(awarenessWithState(10 + int(5), Uint8Array.from([...json, 0xc3, 0x28, 0xed, 0xa0, 0x80, 0xf8, 0x22, 0x7d])));
    }
    case 'awareness-hostile-json': {
      const hostile = [
        '{"__proto__":{"polluted":true},"user":{"name":"<script>alert(1)</script>"}}',
        '{"constructor":{"prototype":{"polluted":true}}}',
        `${'['.repeat(5_000)}${']'.repeat(5_000)}`,
        `{"cursor":${'{"a":'.repeat(2_000)}1${'}'.repeat(2_000)}}`,
        '{"user":1e999,"cursor":-0}',
        `{"big":"${'x'.repeat(9_000)}"}`,
        '"just a string"',
        'null',
        '{"user":',
      ];
      return binary(awarenessWithState(10 + int(5), new TextEncoder().encode(hostile[int(hostile.length)]!)));
    }
  }
}

/** True when the server answers this message with a sync step 2 (a well-formed step 1). */
function answeredWithStep2(data: Uint8Array | string): boolean {
  if (typeof data === 'string') return false;
  try {
    const decoder = decoding.createDecoder(data);
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC || decoding.readVarUint(decoder) !== SYNC_STEP_1) return false;
    const payload = decoding.readVarUint8Array(decoder);
    return !decoding.hasContent(decoder) && Y.decodeStateVector(payload).size <= 100_000;
  } catch {
    return false;
  }
}

/** A raw socket that counts the sync step 2 messages it receives; each probe asks for one. */
class FuzzSocket {
  readonly socket: WebSocket;
  readonly opened: Promise<void>;
  closeCode: number | null = null;
  private step2s = 0;
  private expected = 0;
  private waiter: (() => void) | null = null;

  constructor(url: string, token: string) {
    this.socket = new WebSocket(url, { headers: { authorization: `Bearer ${token}` } });
    this.socket.on('error', () => {});
    this.opened = new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    });
    this.socket.on('message', (data: Buffer) => {
      if (data[0] === MESSAGE_SYNC && data[1] === SYNC_STEP_2) this.step2s++;
      this.wake();
    });
    this.socket.on('close', (code) => {
      this.closeCode = code;
      this.wake();
    });
  }

  private wake(): void {
    if (this.waiter && (this.closeCode !== null || this.step2s >= this.expected)) this.waiter();
  }

  /** Sends a case and a probe; resolves to the close code, or null once the probe is answered. */
  async send(fuzz: FuzzCase, probe: Uint8Array): Promise<number | null> {
    this.expected += answeredWithStep2(fuzz.data) ? 2 : 1;
    this.socket.send(fuzz.data, { binary: fuzz.binary });
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(probe);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`seed ${fuzz.seed} (${fuzz.kind}): no answer in ${CASE_TIMEOUT_MS} ms`)), CASE_TIMEOUT_MS);
      this.waiter = () => {
        clearTimeout(timer);
        this.waiter = null;
        resolve();
      };
      this.wake();
    });
    return this.closeCode;
  }
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? 0;

/** A board that passes the schema everywhere, read from the raw document (not the tolerant readers). */
function schemaProblems(doc: Y.Doc): string[] {
  const problems: string[] = [];
  for (const sheet of SHEETS) {
    for (const [id, row] of (sheetMap(doc, sheet) as unknown as Y.Map<unknown>).entries()) {
      if (!(row instanceof Y.Map)) {
        problems.push(`${sheet}/${id} is not a map`);
        continue;
      }
      for (const [field, value] of row.entries()) {
        const column = COLUMNS[sheet as SheetName].find((c) => c.field === field);
        const ok = field === 'pos' ? isPositionKey(value) : column !== undefined && validateValue(column.kind, value).ok;
        if (!ok) problems.push(`${sheet}/${id}.${field} = ${String(value).slice(0, 40)}`);
      }
    }
  }
  const known = new Set(['meta', 'settings', 'stated', ...SHEETS]);
  for (const name of doc.share.keys()) if (!known.has(name)) problems.push(`top-level ${name}`);
  return problems;
}

describe('sync endpoint under fuzzing', () => {
  let server: TestPlanbord;
  const clients: TestClient[] = [];
  const errors: unknown[] = [];
  const onError = (error: unknown) => errors.push(error);

  beforeAll(async () => {
    process.on('uncaughtException', onError);
    process.on('unhandledRejection', onError);
    server = await startTestPlanbord(pglite, {
      // Limits out of the way, so every case reaches the decoder; a small maximum makes oversized cheap.
      syncLimits: {
        maxMessageBytes: MAX_MESSAGE_BYTES,
        messagesPerSecond: 1_000_000,
        messageBurst: 1_000_000,
        bytesPerSecond: 1_000_000_000,
        // Twelve fuzzers reconnect at once from one address, and may briefly overlap their closing
        // connections; presence is not held back.
        maxConnectionsPerMember: 1_000,
        maxPendingUpgradesPerAddress: 1_000,
        awarenessPerSecond: 1_000_000,
        awarenessBurst: 1_000_000,
      },
    });
    const store = createBoardStore(server.database.handle.db);
    const state = Y.encodeStateAsUpdate(fixedBoard());
    for (const id of ['fuzz', 'latency']) expect((await store.createBoard({ id, title: id, year: 2025 }, state, 'test')).ok).toBe(true);
  }, 90_000);
  afterAll(async () => {
    process.off('uncaughtException', onError);
    process.off('unhandledRejection', onError);
    clients.forEach((c) => c.destroy());
    await server?.stop();
  }, 90_000);

  it(`survives ${CASES} hostile messages, closing each offender, while other boards stay intact and quick`, async () => {
    const editor = await server.join('fuzz', 'editor', 'Fuzzer');
    const honest = connectClient(server.syncUrl, 'gdi-2025', (await server.join('gdi-2025', 'viewer', 'Lezer')).token);
    const [left, right] = [connectClient(server.syncUrl, 'latency', (await server.join('latency', 'editor', 'Links')).token), connectClient(server.syncUrl, 'latency', (await server.join('latency', 'editor', 'Rechts')).token)];
    clients.push(honest, left!, right!);
    await Promise.all(clients.map((c) => c.synced()));
    const honestRoom = server.planbord.rooms.peek('gdi-2025')!;
    const honestBefore = Y.encodeStateAsUpdate(honestRoom.doc);

    // Honest edits on the latency board, one after another, for as long as the fuzzing runs.
    let fuzzing = true;
    const latencies: number[] = [];
    const measured = (async () => {
      for (let i = 1; fuzzing; i++) {
        const started = performance.now();
        setCell(left!.doc, 'beheer', 'beheer-0', 'amount', i * 1_000, me);
        while (readSheet(right!.doc, 'beheer').find((entry) => entry.id === 'beheer-0')?.row.amount !== i * 1_000) {
          if (performance.now() - started > 5_000) throw new Error(`edit ${i} did not reach the peer in 5 s`);
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
        latencies.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();

    const valid = validMessages(fixedBoard());
    const probe = syncMessage(SYNC_STEP_1, Y.encodeStateVector(fixedBoard()));
    const url = `${server.syncUrl}/fuzz`;
    const outcomes = new Map<string, number>();
    const failures: string[] = [];
    let nextCase = 0;
    // Half the fuzzers are an editor (a session looked up in the database), half the admin (a chair).
    const fuzzer = async (_: unknown, index: number) => {
      const token = index % 2 === 0 ? editor.token : TEST_ADMIN_TOKEN;
      let socket: FuzzSocket | null = null;
      while (nextCase < CASES) {
        const fuzz = makeCase(FIRST_SEED + nextCase++, valid);
        if (!socket || socket.closeCode !== null) {
          socket = new FuzzSocket(url, token);
          await socket.opened;
        }
        const code = await socket.send(fuzz, probe);
        const expected = EXPECTED[fuzz.kind];
        const key = `${fuzz.kind} ${code ?? 'accepted'}`;
        outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
        if (code === null ? !expected.mayAccept : !expected.codes.includes(code)) failures.push(`seed ${fuzz.seed} (${fuzz.kind}): ${code ?? 'accepted'}`);
      }
      socket?.socket.close();
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: FUZZERS }, fuzzer));
    const seconds = (performance.now() - started) / 1000;
    fuzzing = false;
    await measured;

    const closes = [...outcomes].filter(([key]) => !key.endsWith('accepted')).reduce((sum, [, n]) => sum + n, 0);
    console.log(`sync fuzz: ${CASES} cases in ${seconds.toFixed(1)} s, ${closes} closes;`, Object.fromEntries([...outcomes].sort()));
    console.log(`honest latency over ${latencies.length} edits: p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p95 ${percentile(latencies, 0.95).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms`);
    expect(failures.slice(0, 20), `${failures.length} cases answered wrongly`).toEqual([]);
    expect(errors).toEqual([]);
    expect(closes).toBeGreaterThan(CASES / 3);
    expect(latencies.length).toBeGreaterThan(10);
    expect(percentile(latencies, 0.95)).toBeLessThan(LATENCY_LIMIT_MS);

    // The untouched board is byte for byte what it was, in memory and for a reader.
    expect(Buffer.from(Y.encodeStateAsUpdate(honestRoom.doc)).equals(Buffer.from(honestBefore))).toBe(true);
    expect(Buffer.from(Y.encodeStateAsUpdate(honest.doc)).equals(Buffer.from(honestBefore))).toBe(true);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    // The fuzzed board leaves memory saved, loads from the database as it was, and holds nothing
    // outside the schema. (Mutated updates that stayed valid may have changed it, as an editor may.)
    const fuzzed = JSON.stringify(SHEETS.map((sheet) => readSheet(server.planbord.rooms.peek('fuzz')!.doc, sheet)));
    const unloading = performance.now();
    await new Promise<void>((resolve) => {
      const wait = () => (server.planbord.rooms.peek('fuzz') === null ? resolve() : setTimeout(wait, 20));
      wait();
    });
    const stored = (await createBoardStore(server.database.handle.db).loadBoardState('fuzz'))!;
    const loaded = new Y.Doc();
    Y.applyUpdate(loaded, stored.state);
    for (const { update } of stored.updates) Y.applyUpdate(loaded, update);
    console.log(`fuzzed board saved and unloaded in ${(performance.now() - unloading).toFixed(0)} ms`);
    expect(schemaProblems(loaded)).toEqual([]);
    expect(JSON.stringify(SHEETS.map((sheet) => readSheet(loaded, sheet)))).toBe(fuzzed);
    expect((await server.api('/api/boards/fuzz/totals')).status).toBe(200);
  }, 180_000);
});
