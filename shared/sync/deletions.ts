// The deletions that a "saved" message confirms, as a Yjs update without structs: what a batch of
// updates deleted, not what the whole document ever deleted, so confirming a batch costs the batch
// and not the board.
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** Yjs's delete set; yjs exports the functions but not the class. */
export type DeleteSet = ReturnType<typeof Y.createDeleteSet>;

/**
 * The union of what these updates delete. Content created and deleted before it was sent arrives
 * as GC structs, which are deleted without ever entering a delete set: they count as deletions too.
 */
export function deletionsOf(updates: readonly Uint8Array[]): DeleteSet {
  return Y.mergeDeleteSets(
    updates.map((update) => {
      const { structs, ds } = Y.decodeUpdate(update);
      for (const struct of structs) {
        if (!(struct instanceof Y.GC)) continue;
        const ranges = ds.clients.get(struct.id.client) ?? [];
        ranges.push({ clock: struct.id.clock, len: struct.length });
        ds.clients.set(struct.id.client, ranges);
      }
      return ds;
    }),
  );
}

/** A delete set as a (V1) update with no structs, which Y.decodeUpdate reads back. */
export function encodeDeletions(deleteSet: DeleteSet): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  const clients = [...deleteSet.clients].filter(([, items]) => items.length > 0);
  encoding.writeVarUint(encoder, clients.length);
  for (const [client, items] of clients) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, items.length);
    for (const { clock, len } of items) {
      encoding.writeVarUint(encoder, clock);
      encoding.writeVarUint(encoder, len);
    }
  }
  return encoding.toUint8Array(encoder);
}
