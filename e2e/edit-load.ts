// Load for the durability tests, after Jepsen's set test: y-websocket clients that each insert a new
// roadmap row per edit, with an id nobody else uses, so every edit can be found (or found missing)
// in every client and in the database. Each edit remembers the client's clock after it, which tells
// whether a "saved" message has confirmed it.
import * as Y from 'yjs';
import { POS_FIELD, sheetMap } from '../shared/board/board-doc.ts';
import { keyBetween } from '../shared/board/order.ts';
import type { BoardOrigin } from '../shared/board/origins.ts';
import { EMPTY_ROWS } from '../shared/board/sheets.ts';
import { connectClient, type TestClient } from '../shared/sync/test-client.ts';
import { E2E_ADMIN_TOKEN } from './server-process.ts';
import { waitUntil } from '../shared/eventually.ts';

export const BOARD = 'gdi-2025';
const origin: BoardOrigin = { kind: 'user', userId: 'e2e' };

export interface Edit {
  id: string;
  /** The client's own clock once the edit was made: saved when the confirmed clock reaches it. */
  clock: number;
}

export interface Editor {
  readonly client: TestClient;
  readonly edits: Edit[];
}

export interface EditLoad {
  readonly editors: Editor[];
  /** Every edit made so far, by every client. */
  made(): Edit[];
  stop(): void;
  destroy(): void;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));


async function postJson<T>(url: string, body: unknown, token?: string): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * Signs in `count` editors of their own through one invite (so the server logs each one's edits
 * apart), connects them to the server at `serverUrl`, waits for their first sync and starts editing.
 */
export async function startEditLoad(serverUrl: string, count: number, editsPerSecond: number): Promise<EditLoad> {
  const invite = await postJson<{ token: string }>(`${serverUrl}/api/boards/${BOARD}/invites`, { role: 'editor' }, E2E_ADMIN_TOKEN);
  const sessions = await Promise.all(
    Array.from({ length: count }, (_, index) =>
      postJson<{ sessionToken: string }>(`${serverUrl}/api/join`, { token: invite.token, displayName: `Editor ${index + 1}` }),
    ),
  );
  // Every y-websocket provider in Node listens for the process's exit.
  process.setMaxListeners(Math.max(process.getMaxListeners(), count + 10));
  const syncUrl = `${serverUrl.replace(/^http/, 'ws')}/sync`;
  const editors: Editor[] = sessions.map(({ sessionToken }) => ({ client: connectClient(syncUrl, BOARD, sessionToken), edits: [] }));
  await Promise.all(editors.map(({ client }) => client.synced()));
  const timers = editors.map((editor, index) => {
    const { doc } = editor.client;
    let pos: string | null = null;
    const edit = () => {
      const id = `e2e-c${index}-${editor.edits.length}`;
      // A row as insertRow writes it, placed after this client's previous one: insertRow itself
      // sorts the whole sheet per insert, which at 200 edits a second would starve this process.
      pos = keyBetween(pos, null);
      const row = new Y.Map<unknown>(Object.entries({ ...EMPTY_ROWS.roadmap, activity: id, [POS_FIELD]: pos }));
      doc.transact(() => sheetMap(doc, 'roadmap').set(id, row), origin);
      editor.edits.push({ id, clock: Y.getState(doc.store, doc.clientID) });
    };
    // Each client starts at its own offset (people do not type in step), and catches up on edits
    // a busy event loop has delayed, so the rate holds on a loaded machine.
    const offset = (index * 1000) / editsPerSecond / count;
    const startAt = Date.now() + offset;
    let timer: ReturnType<typeof setInterval> | undefined;
    const start = setTimeout(() => {
      timer = setInterval(() => {
        const due = Math.floor(((Date.now() - startAt) * editsPerSecond) / 1000);
        while (editor.edits.length < due) edit();
      }, 1000 / editsPerSecond);
    }, offset);
    return () => (clearTimeout(start), clearInterval(timer));
  });
  const stop = () => timers.forEach((clear) => clear());
  return {
    editors,
    made: () => editors.flatMap((editor) => editor.edits),
    stop,
    destroy() {
      stop();
      editors.forEach(({ client }) => client.destroy());
    },
  };
}

/** The edits of this client that a "saved" message has confirmed as committed. */
export function confirmedEdits(editor: Editor): Edit[] {
  const confirmed = editor.client.saved.confirmedClock;
  return editor.edits.filter((edit) => edit.clock <= confirmed);
}

export function hasEdit(client: TestClient, id: string): boolean {
  return sheetMap(client.doc, 'roadmap').has(id);
}

/** The ids of the board's roadmap rows as the server has them, through the JSON export. */
export async function rowIdsOnServer(serverUrl: string): Promise<Set<string>> {
  const response = await fetch(`${serverUrl}/api/boards/${BOARD}/export?format=json`, { headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` } });
  if (!response.ok) throw new Error(`export answered ${response.status}: ${await response.text()}`);
  const data = (await response.json()) as { sheets: { roadmap: { id: string }[] } };
  return new Set(data.sheets.roadmap.map((row) => row.id));
}

/** The ids among `edits` that are not in `present`. */
export function missing(edits: readonly Edit[], present: ReadonlySet<string>): string[] {
  return edits.filter((edit) => !present.has(edit.id)).map((edit) => edit.id);
}

/** Waits until every client has saved all its edits and holds every edit any client made. */
export async function quiesce(load: EditLoad, timeoutMs: number): Promise<void> {
  load.stop();
  await waitUntil(() => load.editors.every(({ client }) => client.saved.state === 'saved'), timeoutMs, 'every client saved');
  const all = load.made();
  await waitUntil(() => load.editors.every(({ client }) => all.every((edit) => hasEdit(client, edit.id))), timeoutMs, 'every client has every edit');
}
