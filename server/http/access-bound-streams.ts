// An event stream lives as long as the access it was opened with. When the member who opened it
// is revoked (alone or with the invite they joined through), or their session ends (logout,
// expiry), the stream gets a last `closed` event and ends, as the member's WebSockets close. Any
// text/event-stream response of the app is covered, not only the totals stream.
//
// Changes are collected from the moment the request arrives, before it is authenticated, so a
// revocation that lands while the stream is being set up still ends it.
import type { MiddlewareHandler } from 'hono';
import type { AccessEvents } from '../auth/access-events.ts';
import type { AccessChange, Identity } from '../auth/identity.ts';

/** Why a change ends what `identity` opened, or null when it does not. */
export function accessLostBy(identity: Identity, change: AccessChange): { error: string; message: string } | null {
  if (change.kind === 'session-ended') {
    return identity.sessionId === change.sessionId ? { error: 'unauthenticated', message: 'Your session has ended.' } : null;
  }
  if (change.kind === 'member-revoked' && identity.kind === 'member' && identity.memberId === change.memberId) {
    return { error: 'forbidden', message: 'Your access to this board has been revoked.' };
  }
  return null; // a new role still reads the board
}

const encoder = new TextEncoder();

export function accessBoundStreams(events: AccessEvents): MiddlewareHandler<{ Variables: { identity?: Identity } }> {
  return async function accessBoundStreams(c, next) {
    const early: AccessChange[] = [];
    let onChange: (change: AccessChange) => void = (change) => early.push(change);
    const unsubscribe = events.subscribe((change) => onChange(change));
    try {
      await next();
    } catch (error) {
      unsubscribe();
      throw error;
    }
    const identity = c.get('identity');
    const source = c.res.body;
    if (!identity || !source || !c.res.headers.get('content-type')?.startsWith('text/event-stream')) {
      unsubscribe();
      return;
    }

    const reader = source.getReader();
    let ended = false;
    const end = (controller: ReadableStreamDefaultController<Uint8Array>, reason: { error: string; message: string } | null) => {
      if (ended) return;
      ended = true;
      unsubscribe();
      if (reason) {
        controller.enqueue(encoder.encode(`event: closed\ndata: ${JSON.stringify(reason)}\n\n`));
        controller.close();
      }
      // Cancelling the source runs the stream's own cleanup (its subscriptions, its hold on the board).
      void reader.cancel().catch(() => {});
    };
    const bound = new ReadableStream<Uint8Array>({
      start(controller) {
        onChange = (change) => {
          const reason = accessLostBy(identity, change);
          if (reason) end(controller, reason);
        };
        for (const change of early) onChange(change);
      },
      async pull(controller) {
        if (ended) return;
        const chunk = await reader.read().catch((): ReadableStreamReadResult<Uint8Array> => ({ done: true, value: undefined }));
        if (ended) return;
        if (chunk.done) {
          ended = true;
          unsubscribe();
          controller.close();
        } else controller.enqueue(chunk.value);
      },
      cancel() {
        ended = true;
        unsubscribe();
        return reader.cancel().catch(() => {});
      },
    });
    c.res = new Response(bound, c.res);
  };
}
