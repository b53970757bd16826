// How long one large edit holds the server: an editor's update adding N rows to a board, through the
// live sync path of an in-process server (schema check, client-id check, integration, totals,
// persistence queue), measured as the longest time the event loop went without a turn while the
// server handled it. The sync path refuses more than MAX_ROW_CHANGES_PER_UPDATE rows in one update;
// the last size shows what that cap spares the server.
// Run: npm run bench:large-update [-- repeats=5]
import * as Y from 'yjs';
import { testDrivers } from '../db/test-databases.ts';
import { MAX_ROW_CHANGES_PER_UPDATE } from '../shared/board/update-check.ts';
import { encodeRawUpdate, type RawStruct } from '../shared/sync/raw-update.ts';
import { startTestPlanbord, TEST_ADMIN_TOKEN } from '../server/test-planbord.ts';
import { syncSocket, syncUpdate } from '../server/security/sync-socket.ts';
import { watchPauses } from './event-loop.ts';
import { median } from './stats.ts';

const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.split('=') as [string, string]));
const REPEATS = Number(args.repeats ?? 5);
const SIZES = [10, 100, 250, MAX_ROW_CHANGES_PER_UPDATE, 2 * MAX_ROW_CHANGES_PER_UPDATE, 20_000];
const pglite = testDrivers().find((driver) => driver.name === 'pglite')!;

/** N new roadmap rows of two cells each under one new client id, as Y.Map.set writes them. */
function rowsUpdate(client: number, rows: number): Uint8Array {
  const structs: RawStruct[] = [];
  for (let i = 0; i < rows; i++) {
    const holder = { client, clock: structs.length };
    structs.push(
      { kind: 'item', parent: 'roadmap', parentSub: `r${client}x${i}`, content: { kind: 'type', typeRef: 1 } },
      { kind: 'item', parent: holder, parentSub: 'activity', content: { kind: 'any', values: [`Activiteit ${i}`] } },
      { kind: 'item', origin: { client, clock: holder.clock + 1 }, content: { kind: 'deleted', length: 1 } },
    );
  }
  return encodeRawUpdate({ clients: [{ client, clock: 0, structs }] });
}

const server = await startTestPlanbord(pglite, { boardIdleMs: 60_000 });
console.log(`rows per update | bytes | outcome | longest pause (ms, median of ${REPEATS}) | worst`);
let client = 1_000_000;
for (const rows of SIZES) {
  const pauses: number[] = [];
  let outcome = '';
  let bytes = 0;
  for (let r = 0; r < REPEATS; r++) {
    const boardId = 'gdi-2025';
    const socket = syncSocket(`${server.syncUrl}/${boardId}`, TEST_ADMIN_TOKEN);
    if (!(await socket.opened)) throw new Error('not connected');
    const room = server.planbord.rooms.peek(boardId)!;
    const before = Y.getState(room.doc.store, client + 1);
    const update = rowsUpdate(++client, rows);
    bytes = update.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    const watch = watchPauses();
    socket.send(syncUpdate(update));
    const closed = await Promise.race([socket.closed.then(({ code }) => code), new Promise<null>((resolve) => setTimeout(() => resolve(null), 3_000))]);
    pauses.push(watch.stop());
    outcome = closed === null ? (Y.getState(room.doc.store, client) > before ? 'applied' : 'not applied') : `refused (${closed})`;
    socket.socket.close();
    // Rows added are removed again by a chair-side write, so every repeat starts from the same board.
    room.doc.transact(() => {
      const roadmap = room.doc.getMap('roadmap');
      for (const key of [...roadmap.keys()]) if (key.startsWith(`r${client}x`)) roadmap.delete(key);
    });
  }
  console.log(`${rows} | ${bytes} | ${outcome} | ${median(pauses).toFixed(1)} | ${Math.max(...pauses).toFixed(1)}`);
}
await server.stop();
