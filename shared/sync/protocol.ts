// The wire protocol of /sync/<boardId>: the standard y-websocket messages (y-protocols sync and
// awareness, each prefixed with its varuint type), plus one message of Planbord's own: "saved",
// which tells clients how far the board is committed to the database.

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;
/**
 * Server to client: varUint n, the number of this connection's update-carrying messages (sync step
 * 2 and update, counted from the connection's first) whose content is committed to the database.
 */
export const MESSAGE_SAVED = 100;
/**
 * Server to client: varUint id, a Yjs client id this connection showed in its presence that is
 * another member's on this board. A client whose own id it is takes a fresh one before it writes.
 */
export const MESSAGE_CLIENT_ID_TAKEN = 101;

/** y-protocols sync sub-types. */
export const SYNC_STEP_1 = 0;
export const SYNC_STEP_2 = 1;
export const SYNC_UPDATE = 2;

/**
 * WebSocket close codes. 44xx mirror HTTP 4xx (the stock y-websocket client stops reconnecting on
 * them); 45xx and 1013 mean "try again later". 4429 and 1013 are about load, not access: Planbord's
 * clients reconnect after a backoff (`isLoadClose`).
 */
export const CLOSE = {
  normal: { code: 1000, reason: 'closing' },
  unsupportedData: { code: 1003, reason: 'binary y-websocket messages only' },
  tooLarge: { code: 1009, reason: 'message too large' },
  shuttingDown: { code: 1001, reason: 'server shutting down' },
  badMessage: { code: 4400, reason: 'malformed message' },
  outsideSchema: { code: 4400, reason: 'update outside the board schema' },
  unauthorized: { code: 4401, reason: 'not signed in' },
  forbidden: { code: 4403, reason: 'no access to this board' },
  readOnly: { code: 4403, reason: 'viewers cannot edit' },
  foreignClientId: { code: 4403, reason: "writes with another member's client id" },
  notFound: { code: 4404, reason: 'no such board' },
  rateLimited: { code: 4429, reason: 'too many messages' },
  /** The client reads more slowly than the server queues for it (its connection, or all its member's). */
  slowReader: { code: 1013, reason: 'too much unread data, try again later' },
  unavailable: { code: 4503, reason: 'board could not be loaded, try again' },
  full: { code: 4509, reason: 'server at capacity, try again later' },
} as const;

export type CloseReason = (typeof CLOSE)[keyof typeof CLOSE];

/** Closes that say "too much load, come back later": a client reconnects after a backoff. */
export function isLoadClose(code: number): boolean {
  return code === CLOSE.rateLimited.code || code === CLOSE.slowReader.code;
}
