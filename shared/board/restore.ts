// Restoring a snapshot as forward edits on the live document: only what differs is written, in one
// transaction. The live document is never replaced, so clients that reconnect or come back online
// merge with the restored state instead of bringing the old values back.
import * as Y from 'yjs';
import { POS_FIELD, readSheet, sheetMap, statedMap, settingsMap } from './board-doc.ts';
import type { BoardOrigin } from './origins.ts';
import { SHEETS } from './sheets.ts';

function syncMap(target: Y.Map<unknown>, source: Y.Map<unknown>): void {
  for (const key of [...target.keys()]) if (!source.has(key)) target.delete(key);
  for (const [key, value] of source.entries()) {
    if (JSON.stringify(target.get(key)) !== JSON.stringify(value)) target.set(key, value);
  }
}

export function restoreInto(live: Y.Doc, snapshot: Y.Doc, origin: BoardOrigin): void {
  live.transact(() => {
    for (const sheet of SHEETS) {
      const liveRows = sheetMap(live, sheet);
      const wanted = new Map(readSheet(snapshot, sheet).map((entry) => [entry.id, entry]));
      for (const id of [...liveRows.keys()]) if (!wanted.has(id)) liveRows.delete(id);
      for (const [id, { pos, row }] of wanted) {
        const current = liveRows.get(id);
        const fields = { ...(row as unknown as Record<string, unknown>), [POS_FIELD]: pos };
        if (current instanceof Y.Map) {
          for (const [field, value] of Object.entries(fields)) if (current.get(field) !== value) current.set(field, value);
        } else {
          const added = new Y.Map<unknown>();
          for (const [field, value] of Object.entries(fields)) added.set(field, value);
          liveRows.set(id, added);
        }
      }
    }
    syncMap(settingsMap(live), settingsMap(snapshot));
    syncMap(statedMap(live), statedMap(snapshot));
  }, origin);
}
