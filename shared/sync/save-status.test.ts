import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeDeletions, type DeleteSet } from './deletions.ts';
import { MESSAGE_SAVED } from './protocol.ts';
import { trackSaveStatus } from './save-status.ts';

function savedMessage(committed: Uint8Array, deletions: DeleteSet): decoding.Decoder {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint8Array(encoder, committed);
  encoding.writeVarUint8Array(encoder, encodeDeletions(deletions));
  return decoding.createDecoder(encoding.toUint8Array(encoder));
}

function deleteSet(client: number, ranges: [clock: number, len: number][]): DeleteSet {
  const ds = Y.createDeleteSet();
  ds.clients.set(client, ranges.map(([clock, len]) => ({ clock, len })) as never);
  return ds;
}

describe('save status', () => {
  it('adds up confirmed deletions: a row deletion confirmed partly at join and partly by a later batch is saved', () => {
    // A row of three fields, made by someone else (clocks 0-3: the row, then its fields).
    const author = new Y.Doc();
    const row = new Y.Map<string>();
    author.getMap('rows').set('r', row);
    row.set('a', '1');
    row.set('b', '2');
    row.set('c', '3');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(author));
    const provider = { doc, messageHandlers: [] as unknown[] };
    const status = trackSaveStatus(provider);
    const handle = provider.messageHandlers[MESSAGE_SAVED] as (encoder: unknown, decoder: decoding.Decoder) => void;
    const committed = Y.encodeStateVector(doc);

    // This client deletes the row (and with it all four items) before it hears that someone else
    // already deleted field b (clock 2), which the server confirms when this client joins.
    doc.getMap('rows').delete('r');
    expect(status.state).toBe('unsaved');
    handle(null, savedMessage(committed, deleteSet(author.clientID, [[2, 1]])));
    expect(status.state).toBe('unsaved');
    // The server applies this client's deletion: b was gone already, so its batch confirms the rest.
    handle(null, savedMessage(committed, deleteSet(author.clientID, [[0, 2], [3, 1]])));
    expect(status.state).toBe('saved');
    status.destroy();
  });

  it('stays unsaved while a deletion is confirmed only in part', () => {
    const author = new Y.Doc();
    author.getMap('rows').set('a', '1');
    author.getMap('rows').set('b', '2');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(author));
    const provider = { doc, messageHandlers: [] as unknown[] };
    const status = trackSaveStatus(provider);
    const handle = provider.messageHandlers[MESSAGE_SAVED] as (encoder: unknown, decoder: decoding.Decoder) => void;
    doc.transact(() => {
      doc.getMap('rows').delete('a');
      doc.getMap('rows').delete('b');
    });
    handle(null, savedMessage(Y.encodeStateVector(doc), deleteSet(author.clientID, [[0, 1]])));
    expect(status.state).toBe('unsaved');
    status.destroy();
  });
});
