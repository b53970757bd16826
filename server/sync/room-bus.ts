// Fan-out of a board's updates and awareness between server processes. In one process there is
// nobody to tell; a Redis-backed bus can implement the same interface so that several processes
// share a board.

export type BusMessageKind = 'update' | 'awareness';

export interface RoomChannel {
  publish(kind: BusMessageKind, payload: Uint8Array): void;
  leave(): void;
}

export interface RoomBus {
  join(boardId: string, onMessage: (kind: BusMessageKind, payload: Uint8Array) => void): RoomChannel;
}

export const singleProcessBus: RoomBus = {
  join: () => ({ publish: () => {}, leave: () => {} }),
};
