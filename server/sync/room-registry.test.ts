import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createClientIdStore } from '../../db/client-id-store.ts';
import { createBoardStore } from '../../db/board-store.ts';
import { testDrivers, type TestDatabase } from '../../db/test-databases.ts';
import { buildPlan2025Board } from '../../shared/plan-2025/plan-board.ts';
import type { Logger } from '../log.ts';
import { createRoomRegistry } from './room-registry.ts';
import { singleProcessBus } from './room-bus.ts';

const SLOW = 60_000;
const IDLE_MS = 50;

describe.each(testDrivers().filter((driver) => driver.available))('the room registry on $name', (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await driver.open();
    await createBoardStore(database.handle.db).createBoard({ id: 'plan', title: 'Plan', year: 2025 }, Y.encodeStateAsUpdate(buildPlan2025Board()), 'test');
  }, SLOW);
  afterAll(() => database?.close());

  it('closes a board once when the server shuts down while its last connection drops', async () => {
    const closed: string[] = [];
    const log: Logger = { info: (event) => void (event === 'board-closed' && closed.push(event)), warn: () => {} };
    const rooms = createRoomRegistry({ store: createBoardStore(database.handle.db), clientIds: createClientIdStore(database.handle.db), bus: singleProcessBus, maxBoards: 10, idleMs: IDLE_MS, log });
    const acquired = await rooms.acquire('plan');
    if (!acquired.ok) throw new Error(acquired.error);
    acquired.value.doc.getMap('meta').set('title', 'Plan, changed');
    // Yjs reports an observer removed twice: the sign of a room destroyed twice.
    const yjsErrors = vi.spyOn(console, 'error');
    const shutdown = rooms.closeAll();
    rooms.release(acquired.value);
    expect(await shutdown).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 4 * IDLE_MS));
    expect(closed).toEqual(['board-closed']);
    expect(yjsErrors).not.toHaveBeenCalled();
    yjsErrors.mockRestore();
    expect(rooms.openBoards()).toEqual([]);
    expect(await rooms.acquire('plan')).toEqual({ ok: false, error: 'shutting-down' });
  }, SLOW);
});
