// Presence is stamped by the server: whatever a client claims, its awareness state carries the
// identity of its session, and it may only speak for the awareness client ids it first used.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { err, ok, type Result } from '../../shared/result.ts';

export const MAX_AWARENESS_STATE_BYTES = 8_192;
export const MAX_CLIENT_IDS_PER_CONNECTION = 4;

export interface StampedUser {
  id: string;
  name: string;
  role: string;
  color: string;
}

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** The state as JSON text; "null" removes the client. */
  state: string;
}

export function decodeAwarenessUpdate(update: Uint8Array): Result<AwarenessEntry[]> {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    if (count > 64) return err('too many awareness entries');
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state = decoding.readVarString(decoder);
      entries.push({ clientId, clock, state });
    }
    if (decoding.hasContent(decoder)) return err('trailing bytes in awareness update');
    return ok(entries);
  } catch {
    return err('malformed awareness update');
  }
}

export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.state);
  }
  return encoding.toUint8Array(encoder);
}

/**
 * Rewrites a client's awareness update: entries for client ids this connection does not own are
 * dropped, and every state's `user` is replaced by the session's identity. `owned` is updated
 * with the ids the connection claims (up to a small limit), so ids cannot be taken over later.
 */
export function stampAwarenessUpdate(
  update: Uint8Array,
  user: StampedUser,
  owned: Set<number>,
  ownedElsewhere: (clientId: number) => boolean,
): Result<Uint8Array | null> {
  const decoded = decodeAwarenessUpdate(update);
  if (!decoded.ok) return decoded;
  const kept: AwarenessEntry[] = [];
  for (const entry of decoded.value) {
    if (!owned.has(entry.clientId)) {
      if (ownedElsewhere(entry.clientId) || owned.size >= MAX_CLIENT_IDS_PER_CONNECTION) continue;
      owned.add(entry.clientId);
    }
    if (entry.state.length > MAX_AWARENESS_STATE_BYTES) return err('awareness state too large');
    let state: unknown;
    try {
      state = JSON.parse(entry.state);
    } catch {
      return err('awareness state is not JSON');
    }
    if (state === null) {
      kept.push(entry);
      continue;
    }
    if (typeof state !== 'object' || Array.isArray(state)) return err('awareness state is not an object');
    kept.push({ ...entry, state: JSON.stringify({ ...state, user }) });
  }
  return ok(kept.length > 0 ? encodeAwarenessEntries(kept) : null);
}
