// Test support: a ws WebSocket whose messages, both ways, reach the other side late by a random
// delay, in order, as over a slow or congested network. A message due after the socket closed is
// lost, as it would be.
import { WebSocket } from 'ws';

export interface DelayOptions {
  token: string;
  /** Returns the delay of the next message in milliseconds. */
  nextDelayMs(): number;
}

/**
 * Runs tasks in the order they were queued, each no earlier than its own delay after it was queued.
 * One timer at a time, for the task at the head: a timer per task does not keep the order, because
 * Node counts a timer from the event loop's time, which stands still during a long turn while
 * Date.now() moves on. A task queued late in a turn with a short delay then ran before one queued
 * early in it with a longer delay, and a socket delivered its messages out of order, which TCP never
 * does (the server's "saved" count relies on the order).
 */
export function orderedDelays(nextDelayMs: () => number): (task: () => void) => void {
  const queue: { due: number; task: () => void }[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const runHead = () => {
    const head = queue[0]!;
    const wait = head.due - Date.now();
    if (wait > 0) {
      timer = setTimeout(runHead, wait);
      return;
    }
    queue.shift();
    timer = queue.length > 0 ? setTimeout(runHead, Math.max(0, queue[0]!.due - Date.now())) : null;
    head.task();
  };
  return (task) => {
    const due = Math.max(Date.now() + nextDelayMs(), queue.at(-1)?.due ?? 0);
    queue.push({ due, task });
    timer ??= setTimeout(runHead, due - Date.now());
  };
}

export function delayedWebSocket({ token, nextDelayMs }: DelayOptions): typeof globalThis.WebSocket {
  class DelayedWebSocket extends WebSocket {
    private readonly outgoing = orderedDelays(nextDelayMs);
    private readonly incoming = orderedDelays(nextDelayMs);

    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers: { authorization: `Bearer ${token}` } });
    }

    override send(data: Parameters<WebSocket['send']>[0]): void {
      this.outgoing(() => {
        if (this.readyState === this.OPEN) super.send(data);
      });
    }

    // Incoming messages reach every listener (onmessage included) through emit.
    override emit(event: string | symbol, ...args: unknown[]): boolean {
      if (event !== 'message') return super.emit(event, ...args);
      this.incoming(() => {
        if (this.readyState === this.OPEN) super.emit(event, ...args);
      });
      return true;
    }
  }
  return DelayedWebSocket as unknown as typeof globalThis.WebSocket;
}
