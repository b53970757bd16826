// Starts loading a board the moment a signed-in member is about to open it (the page request, the
// join), so that reading and integrating a large board from the database runs while the browser is
// still fetching and starting the page, not after its socket asks for the board. The registry keeps
// the board in memory for its idle time; the socket that follows shares it. Callers check access:
// nobody loads a board they may not open.
import type { RoomRegistry } from '../sync/room-registry.ts';

export function warmBoard(rooms: RoomRegistry, boardId: string): void {
  void rooms.acquire(boardId).then((acquired) => {
    if (acquired.ok) rooms.release(acquired.value);
  });
}
