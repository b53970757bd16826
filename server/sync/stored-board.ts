// A board's document as the database holds it: the compacted state, then the log rows after it,
// tagged as a load so persistence does not write them back. A large state is applied in slices with
// the event loop free in between: loading a board of 20,000 rows would otherwise stall every other
// board, and every page request, on this server for over half a second. A document that does not
// load says which part is unreadable, so the board can be marked damaged with the reason.
import * as Y from 'yjs';
import type { BoardState } from '../../db/board-store.ts';
import { LOAD_ORIGIN } from '../../shared/board/origins.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import { sliceUpdate } from '../../shared/sync/update-slices.ts';

/** About 10 ms of integration on this project's 2-core machines. */
const STRUCTS_PER_SLICE = 5_000;
/** Below this the state is applied at once: slicing would only add turns of the event loop. */
const SLICE_FROM_BYTES = 256 * 1024;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A document of the state alone; rejects, leaving nothing behind, when it is not one. */
async function docFromState(state: Uint8Array): Promise<Y.Doc> {
  const doc = new Y.Doc();
  try {
    if (state.length < SLICE_FROM_BYTES) Y.applyUpdate(doc, state, LOAD_ORIGIN);
    else {
      for (const slice of sliceUpdate(state, STRUCTS_PER_SLICE)) {
        if (slice) Y.applyUpdate(doc, slice, LOAD_ORIGIN);
        await nextTurn();
      }
    }
    return doc;
  } catch (error) {
    doc.destroy();
    if (state.length < SLICE_FROM_BYTES) throw error;
  }
  // Bytes the slicer cannot read: Yjs itself decides, in one step, whether they are a document.
  const whole = new Y.Doc();
  try {
    Y.applyUpdate(whole, state, LOAD_ORIGIN);
    return whole;
  } catch (error) {
    whole.destroy();
    throw error;
  }
}

/** What a stored document that does not load is missing, in words a chair can read. */
export interface UnreadableBoard {
  kind: 'state-unreadable' | 'update-unreadable';
  reason: string;
}

const detail = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The stored document, or which part of it is unreadable: the compacted state or a log row. */
export async function readStoredBoard(stored: BoardState): Promise<Result<Y.Doc, UnreadableBoard>> {
  let doc: Y.Doc;
  try {
    doc = await docFromState(stored.state);
  } catch (error) {
    return err({
      kind: 'state-unreadable',
      reason: `De opgeslagen staat van het bord (${stored.state.length} bytes, bijgewerkt tot logregel ${stored.compactedThrough}) is geen leesbaar document: ${detail(error)}.`,
    });
  }
  let sinceTurn = 0;
  for (const { seq, update } of stored.updates) {
    try {
      Y.applyUpdate(doc, update, LOAD_ORIGIN);
    } catch (error) {
      doc.destroy();
      return err({ kind: 'update-unreadable', reason: `Logregel ${seq} van het bord (${update.length} bytes) is geen leesbare wijziging: ${detail(error)}.` });
    }
    sinceTurn += update.length;
    if (sinceTurn >= SLICE_FROM_BYTES) {
      sinceTurn = 0;
      await nextTurn();
    }
  }
  return ok(doc);
}

/** Rejects when the stored bytes are not a readable Yjs document. */
export async function docFromStored(stored: BoardState): Promise<Y.Doc> {
  const read = await readStoredBoard(stored);
  if (!read.ok) throw new Error(read.error.reason);
  return read.value;
}
