// A board's document as the database holds it: the compacted state, then the log rows after it, in
// one transaction tagged as a load so persistence does not write them back.
import * as Y from 'yjs';
import type { BoardState } from '../../db/board-store.ts';
import { LOAD_ORIGIN } from '../../shared/board/origins.ts';

/** Throws when the stored bytes are not a readable Yjs document. */
export function docFromStored(stored: BoardState): Y.Doc {
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      Y.applyUpdate(doc, stored.state, LOAD_ORIGIN);
      for (const { update } of stored.updates) Y.applyUpdate(doc, update, LOAD_ORIGIN);
    }, LOAD_ORIGIN);
  } catch (error) {
    doc.destroy();
    throw error;
  }
  return doc;
}
