import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../db/test-databases.ts';
import { SESSION_COOKIE } from '../auth/authenticator.ts';
import { startTestPlanbord, type TestPlanbord } from '../test-planbord.ts';
import { eventually } from '../../shared/eventually.ts';

const pglite = testDrivers().find((driver) => driver.name === 'pglite')!;
const BOARD = 'gdi-2025';

describe('warming a board', () => {
  let server: TestPlanbord;
  const isOpen = () => server.planbord.rooms.peek(BOARD) !== null;
  const closed = () => eventually(() => !isOpen(), 5_000);

  beforeAll(async () => {
    server = await startTestPlanbord(pglite, { boardIdleMs: 300 });
  }, 90_000);
  afterAll(async () => server?.stop(), 90_000);

  it('opens the board of a member who just joined, before any socket asks for it', async () => {
    expect(isOpen()).toBe(false);
    await server.join(BOARD, 'editor', 'Anna');
    expect(await eventually(isOpen, 5_000)).toBe(true);
    // It leaves again after the idle time: nobody connected.
    expect(await closed()).toBe(true);
  });

  it("opens a board when a member with access requests its page, and not for strangers or others' boards", async () => {
    const { token } = await server.join(BOARD, 'viewer', 'Vera');
    // The join warms the board: wait for it to open and leave again, not only for it to be absent
    // (it is absent while it loads, too).
    expect(await eventually(isOpen, 5_000)).toBe(true);
    expect(await closed()).toBe(true);

    await fetch(`${server.url}/board/${BOARD}`);
    await fetch(`${server.url}/board/${BOARD}`, { headers: { cookie: `${SESSION_COOKIE}=not-a-session` } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(isOpen()).toBe(false);

    await server.database.query("insert into boards (id, title, year) values ('other', 'Ander bord', 2026)");
    await server.database.query("insert into board_states (board_id, state) values ('other', '\\x0000')");
    const signedIn = { headers: { cookie: `${SESSION_COOKIE}=${token}` } };
    await fetch(`${server.url}/board/other`, signedIn);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.planbord.rooms.peek('other')).toBeNull();

    await fetch(`${server.url}/board/${BOARD}`, signedIn);
    expect(await eventually(isOpen, 5_000)).toBe(true);
  });
});
