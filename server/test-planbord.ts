// Test support: a whole Planbord server on a free port over a fresh test database, reached over
// real HTTP and WebSockets.
import type { TestDatabase, TestDriver } from '../db/test-databases.ts';
import { silentLogger } from './log.ts';
import { startPlanbord, type Planbord, type PlanbordOptions } from './planbord-server.ts';

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

export interface TestPlanbord {
  /** The running server; a new one after restart(). */
  readonly planbord: Planbord;
  database: TestDatabase;
  url: string;
  syncUrl: string;
  /** fetch against the server; `token` null sends no credentials. */
  api(path: string, init?: RequestInit & { token?: string | null; json?: unknown }): Promise<Response>;
  /** Creates an invite as admin and joins with it; returns the member's session token. */
  join(boardId: string, role: 'chair' | 'editor' | 'viewer', displayName: string): Promise<{ token: string; memberId: string; inviteId: string }>;
  /** Stops the server as SIGTERM does (every open board saved) and starts it again on the same port and database. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startTestPlanbord(driver: TestDriver, options: Partial<PlanbordOptions> = {}): Promise<TestPlanbord> {
  const database = await driver.open();
  const settings: PlanbordOptions = {
    database: database.handle,
    port: 0,
    host: '127.0.0.1',
    publicUrl: 'http://127.0.0.1',
    clientDir: null,
    adminToken: TEST_ADMIN_TOKEN,
    boardIdleMs: 200,
    log: silentLogger,
    ...options,
  };
  let planbord = await startPlanbord(settings);
  const url = planbord.url;
  const api: TestPlanbord['api'] = (path, init = {}) => {
    const { token = TEST_ADMIN_TOKEN, json, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (token) headers.set('authorization', `Bearer ${token}`);
    if (json !== undefined) headers.set('content-type', 'application/json');
    return fetch(`${url}${path}`, { ...rest, headers, body: json !== undefined ? JSON.stringify(json) : rest.body });
  };
  return {
    get planbord() {
      return planbord;
    },
    database,
    url,
    syncUrl: url.replace(/^http/, 'ws') + '/sync',
    api,
    async join(boardId, role, displayName) {
      const invite = (await (await api(`/api/boards/${boardId}/invites`, { method: 'POST', json: { role } })).json()) as { id: string; token: string };
      const joined = await api('/api/join', { method: 'POST', token: null, json: { token: invite.token, displayName } });
      if (!joined.ok) throw new Error(`join failed: ${joined.status} ${await joined.text()}`);
      const body = (await joined.json()) as { sessionToken: string };
      const me = (await (await api('/api/me', { token: body.sessionToken })).json()) as { memberId: string };
      return { token: body.sessionToken, memberId: me.memberId, inviteId: invite.id };
    },
    async restart() {
      const { port } = planbord;
      await planbord.stop();
      planbord = await startPlanbord({ ...settings, port });
    },
    async stop() {
      await planbord.stop();
      await database.close();
    },
  };
}
