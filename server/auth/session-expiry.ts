// A session that expires ends like one that logs out: its WebSockets and event streams close at
// the moment of expiry, through the same 'session-ended' access change. Every `intervalMs` the
// sessions expiring within the next two intervals are looked up and a timer is set for each; a
// session whose expiry was moved into the past since the last look is ended at once.
import type { AccessStore } from '../../db/access-store.ts';
import type { Logger } from '../log.ts';
import type { AccessEvents } from './access-events.ts';

export const DEFAULT_EXPIRY_CHECK_MS = 30_000;

export interface SessionExpiryOptions {
  access: Pick<AccessStore, 'sessionsExpiring'>;
  events: AccessEvents;
  log: Logger;
  intervalMs?: number;
}

export interface SessionExpiryWatch {
  stop(): void;
}

export function watchSessionExpiry(options: SessionExpiryOptions): SessionExpiryWatch {
  const intervalMs = options.intervalMs ?? DEFAULT_EXPIRY_CHECK_MS;
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let lookedFrom = new Date();
  let looking = false;
  let stopped = false;

  async function look(): Promise<void> {
    if (looking || stopped) return;
    looking = true;
    const now = new Date();
    try {
      const expiring = await options.access.sessionsExpiring(lookedFrom, new Date(now.getTime() + 2 * intervalMs));
      lookedFrom = now;
      for (const { id, expiresAt } of expiring) {
        if (timers.has(id) || stopped) continue;
        const timer = setTimeout(() => {
          timers.delete(id);
          options.events.publish({ kind: 'session-ended', sessionId: id });
        }, Math.max(0, expiresAt.getTime() - Date.now()));
        timer.unref();
        timers.set(id, timer);
      }
    } catch (error) {
      // The next look covers this one's window too: lookedFrom stays where it was.
      options.log.warn('session-expiry-check-failed', {}, error);
    } finally {
      looking = false;
    }
  }

  void look();
  const interval = setInterval(() => void look(), intervalMs);
  interval.unref();
  return {
    stop() {
      stopped = true;
      clearInterval(interval);
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
