import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deletionsOf, encodeDeletions } from './deletions.ts';

function updatesOf(doc: Y.Doc, edit: () => void): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const record = (update: Uint8Array) => updates.push(update);
  doc.on('update', record);
  edit();
  doc.off('update', record);
  return updates;
}

describe('deletions', () => {
  it("are what a batch deleted, readable as an update's delete set", () => {
    const doc = new Y.Doc();
    const rows = doc.getMap<string>('rows');
    rows.set('a', '1');
    rows.set('b', '2');
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const batch = updatesOf(other, () => {
      other.getMap('rows').set('a', '3');
      other.getMap('rows').delete('b');
    });

    const encoded = encodeDeletions(deletionsOf(batch));
    const read = Y.decodeUpdate(encoded);

    expect(read.structs).toEqual([]);
    // Both of doc's items were deleted, and nothing of other's own.
    expect([...read.ds.clients.keys()]).toEqual([doc.clientID]);
    expect(read.ds.clients.get(doc.clientID)).toEqual([{ clock: 0, len: 2 }]);
    expect(Y.equalDeleteSets(read.ds, Y.createDeleteSetFromStructStore(other.store))).toBe(true);
  });

  it('count content that was created and deleted before it was sent', () => {
    const offline = new Y.Doc();
    const rows = offline.getMap<Y.Map<string>>('rows');
    const row = new Y.Map<string>();
    rows.set('a', row);
    row.set('name', 'Nieuwe rij');
    row.set('domain', 'Toegang');
    rows.delete('a');
    // What the server logs is its own update event for the client's diff, not the diff itself.
    const server = new Y.Doc();
    const logged = updatesOf(server, () => Y.applyUpdate(server, Y.encodeStateAsUpdate(offline)));
    expect(Y.decodeUpdate(logged[0]!).structs.some((struct) => struct instanceof Y.GC)).toBe(true);

    expect(Y.equalDeleteSets(deletionsOf(logged), Y.createDeleteSetFromStructStore(server.store))).toBe(true);
  });

  it('of a batch that deletes nothing are empty', () => {
    const doc = new Y.Doc();
    const batch = updatesOf(doc, () => doc.getMap('rows').set('a', '1'));
    expect(Y.decodeUpdate(encodeDeletions(deletionsOf(batch))).ds.clients.size).toBe(0);
  });
});
