// Access changes (revoked members, changed roles, ended sessions) fan out to whoever holds open
// connections. In one process a set of listeners; a shared bus (Redis, PostgreSQL NOTIFY) can
// implement the same interface.
import type { AccessChange } from './identity.ts';

export type AccessListener = (change: AccessChange) => void;

export interface AccessEvents {
  /** Delivers the change to every listener; a failing listener neither stops the others nor the publisher. */
  publish(change: AccessChange): void;
  /** Returns the function that unsubscribes. */
  subscribe(listener: AccessListener): () => void;
}

export interface AccessEventsOptions {
  onListenerError?: (error: unknown, change: AccessChange) => void;
}

export function createAccessEvents(options: AccessEventsOptions = {}): AccessEvents {
  const listeners = new Set<AccessListener>();
  const onListenerError = options.onListenerError ?? ((error) => console.error('access listener failed', error));
  return {
    publish(change) {
      for (const listener of [...listeners]) {
        try {
          listener(change);
        } catch (error) {
          onListenerError(error, change);
        }
      }
    },
    subscribe(listener) {
      // A wrapper per subscription, so subscribing one function twice needs two unsubscribes.
      const entry: AccessListener = (change) => listener(change);
      listeners.add(entry);
      return () => void listeners.delete(entry);
    },
  };
}
