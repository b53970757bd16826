// Test support: a ws WebSocket whose messages, both ways, reach the other side late by a random
// delay, in order, as over a slow or congested network. A message due after the socket closed is
// lost, as it would be.
import { WebSocket } from 'ws';

export interface DelayOptions {
  token: string;
  /** Returns the delay of the next message in milliseconds. */
  nextDelayMs(): number;
}

/** Runs tasks in order, each no earlier than its own delay after it was queued. */
function orderedDelays(nextDelayMs: () => number) {
  let lastDue = 0;
  return (task: () => void) => {
    const due = Math.max(Date.now() + nextDelayMs(), lastDue);
    lastDue = due;
    setTimeout(task, due - Date.now());
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
