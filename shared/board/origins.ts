// Every transaction on a board document says who made it, so observers (persistence, totals, the
// session log, undo) can tell their own writes and the system's from people's edits.

export type BoardOrigin =
  | { kind: 'user'; userId: string; connectionId?: string }
  | { kind: 'load' }
  | { kind: 'seed' }
  | { kind: 'migration'; name: string }
  | { kind: 'restore'; snapshotId: string; userId: string }
  | { kind: 'import'; userId: string };

export const SEED_ORIGIN: BoardOrigin = { kind: 'seed' };
export const LOAD_ORIGIN: BoardOrigin = { kind: 'load' };

export function isBoardOrigin(value: unknown): value is BoardOrigin {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string';
}
