import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { delayedWebSocket, orderedDelays } from './delayed-web-socket.ts';

/** Keeps the thread busy, as a long turn of the event loop (integrating a board, a test's edits) does. */
const busy = (ms: number) => {
  const end = Date.now() + ms;
  while (Date.now() < end);
};

/** Delays that put a later message's own due time before an earlier one's: the later one must wait. */
const delays = (list: number[]) => () => list.shift() ?? 0;

describe('orderedDelays', () => {
  it('runs tasks queued during one long turn in the order they were queued', async () => {
    const run: number[] = [];
    const queue = orderedDelays(delays([19, 0, 5, 0, 12, 0]));
    for (let i = 1; i <= 6; i++) {
      queue(() => run.push(i));
      busy(3);
    }
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(run).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('still waits for each task its delay', async () => {
    const queuedAt = Date.now();
    let ranAt = 0;
    const queue = orderedDelays(() => 30);
    queue(() => (ranAt = Date.now()));
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(ranAt - queuedAt).toBeGreaterThanOrEqual(29);
  });
});

describe('delayedWebSocket', () => {
  let server: WebSocketServer;
  let url: string;
  const received: string[] = [];
  beforeAll(async () => {
    server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    url = `ws://127.0.0.1:${(server.address() as { port: number }).port}`;
    server.on('connection', (socket) => socket.on('message', (data: Buffer) => received.push(data.toString())));
  });
  afterAll(async () => new Promise((resolve) => server.close(resolve)));

  it('delivers what a client sends during one long turn in the order it was sent', async () => {
    const Delayed = delayedWebSocket({ token: 'token', nextDelayMs: delays([19, 0, 5, 0, 12, 0, 0, 0]) });
    const socket = new Delayed(url);
    await new Promise((resolve) => socket.addEventListener('open', resolve));
    for (let i = 1; i <= 8; i++) {
      socket.send(`m${i}`);
      busy(3);
    }
    const deadline = Date.now() + 2_000;
    while (received.length < 8 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    socket.close();
    expect(received).toEqual(['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8']);
  });
});
