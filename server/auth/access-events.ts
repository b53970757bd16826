// Access changes (revoked members, changed roles, ended sessions) fan out to whoever holds open
// connections. In one process a set of listeners; a shared bus can implement the same interface.
import type { AccessChange } from './identity.ts';

export interface AccessEvents {
  publish(change: AccessChange): void;
  subscribe(listener: (change: AccessChange) => void): () => void;
}

export function createAccessEvents(): AccessEvents {
  const listeners = new Set<(change: AccessChange) => void>();
  return {
    publish: (change) => listeners.forEach((listener) => listener(change)),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
