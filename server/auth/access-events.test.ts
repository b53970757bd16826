import { describe, expect, it } from 'vitest';
import { createAccessEvents } from './access-events.ts';
import type { AccessChange } from './identity.ts';

const revoked: AccessChange = { kind: 'member-revoked', boardId: 'b', memberId: 'm' };

describe('access events', () => {
  it('delivers each change to every subscriber until it unsubscribes', () => {
    const events = createAccessEvents();
    const first: AccessChange[] = [];
    const second: AccessChange[] = [];
    const stopFirst = events.subscribe((change) => first.push(change));
    events.subscribe((change) => second.push(change));
    events.publish(revoked);
    stopFirst();
    events.publish({ kind: 'session-ended', sessionId: 's' });
    expect(first).toEqual([revoked]);
    expect(second).toEqual([revoked, { kind: 'session-ended', sessionId: 's' }]);
  });

  it('keeps delivering when one listener throws, and reports the failure', () => {
    const failures: unknown[] = [];
    const events = createAccessEvents({ onListenerError: (error) => failures.push(error) });
    const received: AccessChange[] = [];
    events.subscribe(() => {
      throw new Error('listener broke');
    });
    events.subscribe((change) => received.push(change));
    expect(() => events.publish(revoked)).not.toThrow();
    expect(received).toEqual([revoked]);
    expect(failures).toEqual([new Error('listener broke')]);
  });

  it('lets a listener unsubscribe while a change is being delivered', () => {
    const events = createAccessEvents();
    const calls: string[] = [];
    const stop = events.subscribe(() => {
      calls.push('a');
      stop();
    });
    events.subscribe(() => calls.push('b'));
    events.publish(revoked);
    events.publish(revoked);
    expect(calls).toEqual(['a', 'b', 'b']);
  });
});
