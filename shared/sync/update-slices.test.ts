import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seededRandom } from '../seeded-random.ts';
import { sliceUpdate, withoutClients } from './update-slices.ts';

/** Several people editing every kind of Yjs content, with their updates crossing. */
function busyDocument(seed: number, gc: boolean): Y.Doc {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const docs = Array.from({ length: 3 }, () => new Y.Doc({ gc }));
  for (let round = 0; round < 40; round++) {
    const doc = pick(docs);
    doc.transact(() => {
      const map = doc.getMap('rows');
      const text = doc.getText('notes');
      const list = doc.getArray<unknown>('list');
      const xml = doc.getXmlFragment('xml');
      switch (Math.floor(random() * 9)) {
        case 0: {
          const row = new Y.Map<unknown>();
          row.set('amount', Math.floor(random() * 1e9));
          row.set('name', `Rij ${round} – é 😀`);
          map.set(`row-${round}`, row);
          break;
        }
        case 1: {
          const keys = [...map.keys()];
          if (keys.length > 0) map.delete(pick(keys));
          break;
        }
        case 2:
          text.insert(Math.floor(random() * (text.length + 1)), `tekst ${round} 😀 `, random() < 0.5 ? { bold: true } : undefined);
          break;
        case 3:
          if (text.length > 2) text.delete(Math.floor(random() * (text.length - 1)), 1);
          break;
        case 4:
          list.insert(0, [round, `x${round}`, { nested: [1, null, true] }, new Uint8Array([round, 255])]);
          break;
        case 5:
          if (list.length > 0) list.delete(0, Math.min(list.length, 2));
          break;
        case 6: {
          const element = new Y.XmlElement(`p${round % 3}`);
          element.insert(0, [new Y.XmlText(`alinea ${round}`)]);
          xml.insert(0, [element]);
          break;
        }
        case 7:
          text.insertEmbed(0, { image: `plaatje-${round}.png` });
          break;
        default:
          list.insert(list.length, [new Y.Doc({ guid: `sub-${seed}-${round}` })]);
      }
    });
    // Pass what is new around, not always to everyone, so later edits build on others' items.
    for (const other of docs) if (other !== doc && random() < 0.7) Y.applyUpdate(other, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(other)));
  }
  const all = new Y.Doc({ gc });
  for (const doc of docs) Y.applyUpdate(all, Y.encodeStateAsUpdate(doc));
  return all;
}

function applySlices(update: Uint8Array, maxStructs: number, gc: boolean): Y.Doc {
  const doc = new Y.Doc({ gc });
  for (const slice of sliceUpdate(update, maxStructs)) if (slice) Y.applyUpdate(doc, slice);
  return doc;
}

describe('sliceUpdate', () => {
  it('builds exactly the document the whole update builds, whatever the slice size', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const gc = seed % 2 === 0;
      const source = busyDocument(seed, gc);
      const update = Y.encodeStateAsUpdate(source);
      const whole = new Y.Doc({ gc });
      Y.applyUpdate(whole, update);
      for (const maxStructs of [1, 2, 7, 1_000]) {
        const sliced = applySlices(update, maxStructs, gc);
        expect(sliced.store.pendingStructs, `seed ${seed}`).toBeNull();
        expect(Y.encodeStateAsUpdate(sliced), `seed ${seed}, ${maxStructs} per slice`).toEqual(Y.encodeStateAsUpdate(whole));
        expect(sliced.getText('notes').toDelta()).toEqual(whole.getText('notes').toDelta());
        expect(sliced.getMap('rows').toJSON()).toEqual(whole.getMap('rows').toJSON());
      }
    }
  });

  it('cuts into slices of at most the given number of structs, the deletions last', () => {
    const doc = new Y.Doc();
    const rows = doc.getMap('rows');
    for (let i = 0; i < 100; i++) rows.set(`r${i}`, i);
    rows.delete('r5');
    const slices = [...sliceUpdate(Y.encodeStateAsUpdate(doc), 30)].filter((slice) => slice !== null);
    const structCounts = slices.map((slice) => Y.decodeUpdate(slice).structs.length);
    expect(structCounts.slice(0, -1).every((count) => count > 0 && count <= 30)).toBe(true);
    expect(structCounts.at(-1)).toBe(0);
    expect(slices.slice(0, -1).every((slice) => Y.decodeUpdate(slice).ds.clients.size === 0)).toBe(true);
    expect(Y.decodeUpdate(slices.at(-1)!).ds.clients.size).toBe(1);
  });

  it('refuses bytes that are not an update', () => {
    const update = Y.encodeStateAsUpdate(busyDocument(3, true));
    expect(() => [...sliceUpdate(update.subarray(0, update.length >> 1), 5)]).toThrow();
    expect(() => [...sliceUpdate(new Uint8Array([1, 1, 1, 0, 0x1f]), 5)]).toThrow();
  });
});

describe('an update without some clients', () => {
  it("keeps everything but those clients' structs and their deletions beyond what is known", () => {
    const server = new Y.Doc();
    const mine = new Y.Doc();
    const theirs = new Y.Doc();
    mine.getMap('rows').set('a', 1);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(mine));
    const known = Y.encodeStateVector(server);
    Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine));
    theirs.getMap('rows').set('b', 2);
    theirs.getMap('rows').set('b', 3); // deletes their own 2: a deletion beyond what the server knows
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs));
    mine.getMap('rows').set('c', 4);
    mine.getMap('rows').delete('a');

    const update = Y.encodeStateAsUpdate(mine, known);
    const stripped = withoutClients(update, new Set([theirs.clientID]), (client) => Y.getState(server.store, client));
    const decoded = Y.decodeUpdate(stripped);
    expect(decoded.structs.length).toBeGreaterThan(0);
    expect(decoded.structs.every((struct) => struct.id.client === mine.clientID)).toBe(true);
    expect([...decoded.ds.clients.keys()]).toEqual([mine.clientID]);
    Y.applyUpdate(server, stripped);
    expect(server.getMap('rows').toJSON()).toEqual({ c: 4 });
    expect(server.store.pendingStructs).toBeNull();
    expect(server.store.pendingDs).toBeNull();
  });
});
