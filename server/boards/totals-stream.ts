// Server-Sent Events of a board's totals: once on connect, then after every change, coalesced to
// at most one event per MIN_INTERVAL_MS (the latest totals win).
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { BoardRoom } from '../sync/board-room.ts';

export const MIN_INTERVAL_MS = 100;
const KEEPALIVE_MS = 15_000;

export function streamTotals(c: Context, room: BoardRoom, release: () => void, describe: () => object): Response {
  return streamSSE(c, async (stream) => {
    let sequence = 0;
    let lastSent = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let done = false;

    const send = async () => {
      timer = null;
      if (done) return;
      lastSent = Date.now();
      await stream.writeSSE({ event: 'totals', id: String(++sequence), data: JSON.stringify({ ...describe(), ...room.totals.totals() }) });
    };
    const onChange = () => {
      if (timer || done) return;
      timer = setTimeout(() => void send(), Math.max(0, lastSent + MIN_INTERVAL_MS - Date.now()));
    };

    const unsubscribe = room.totals.onChange(onChange);
    const finished = new Promise<void>((resolve) => {
      stream.onAbort(() => {
        done = true;
        resolve();
      });
    });
    const keepalive = setInterval(() => void stream.write(': keepalive\n\n'), KEEPALIVE_MS);
    try {
      await send();
      await finished;
    } finally {
      clearInterval(keepalive);
      if (timer) clearTimeout(timer);
      unsubscribe();
      release();
    }
  });
}
