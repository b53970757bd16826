import * as Y from 'yjs';
import { metaMap } from './board-doc.ts';
import { migrateBoard } from './migrations.ts';
import type { BoardOrigin } from './origins.ts';

/** A new, empty board document at the current schema version. */
export function createBoardDoc(meta: { title: string; year: number }, origin: BoardOrigin): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    const map = metaMap(doc);
    map.set('title', meta.title);
    map.set('year', meta.year);
  }, origin);
  const migrated = migrateBoard(doc);
  if (!migrated.ok) throw new Error(migrated.error);
  return doc;
}
