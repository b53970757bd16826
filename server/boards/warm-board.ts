// Starts loading a board the moment someone is about to open it (the invite page, the join, the
// page request), so that reading and integrating a large board from the database runs while the
// person types a name or the browser starts the page, not after its socket asks for the board.
// The registry keeps the board in memory for its idle time; the socket that follows shares it.
// Callers check access (a session on the board, or a usable invite to it): nobody loads a board
// they may not open.
import type { RoomRegistry } from '../sync/room-registry.ts';

export function warmBoard(rooms: RoomRegistry, boardId: string): void {
  void rooms.acquire(boardId).then((acquired) => {
    if (acquired.ok) rooms.release(acquired.value);
  });
}
