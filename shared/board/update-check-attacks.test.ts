// Hand-encoded updates that an honest Yjs never writes, against the schema check: each one, applied,
// would change what only a chair may change or make the board unreadable.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildPlan2025Board } from '../plan-2025/plan-board.ts';
import { encodeRawUpdate, type RawId, type RawUpdate } from '../sync/raw-update.ts';
import { metaMap, readSettings, readSheet, settingsMap, sheetMap } from './board-doc.ts';
import { boardProblems } from './board-problems.ts';
import { checkUpdate } from './update-check.ts';

const ATTACKER = 424_242;

/** The id of the item holding a map's current value at a key. */
function valueId(map: Y.Map<unknown>, key: string): RawId {
  const item = map._map.get(key)!;
  return { client: item.id.client, clock: item.id.clock };
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** An item of a new client placed after an existing value, plus a forged copy of that value pointing back at it. */
function originCycle(target: RawId, values: unknown[]): RawUpdate {
  return {
    clients: [
      { client: ATTACKER, clock: 0, structs: [{ kind: 'item', origin: target, content: { kind: 'any', values } }] },
      { client: target.client, clock: target.clock, structs: [{ kind: 'item', origin: { client: ATTACKER, clock: 0 }, content: { kind: 'any', values: [0] } }] },
    ],
  };
}

describe('hostile updates against the schema check', () => {
  it('refuses a new value hidden behind a forged copy of a chair-only value (origin cycle)', () => {
    const server = buildPlan2025Board();
    const update = encodeRawUpdate(originCycle(valueId(settingsMap(server), 'renewalBudget'), [1]));
    expect(checkUpdate(server, update, 'editor').kind).toBe('invalid');
    // Applied anyway, Yjs skips the forged copy and writes the editor's value: the attack is real.
    const victim = copyOf(server);
    Y.applyUpdate(victim, update);
    expect(readSettings(victim).renewalBudget).toBe(1);
  });

  it.each([
    ['a schema version from the future', 'schemaVersion', 999],
    ['an object as the title', 'title', { evil: true }],
  ])('refuses %s through the same forgery, which would leave the board unreadable', (_name, key, value) => {
    const server = buildPlan2025Board();
    const update = encodeRawUpdate(originCycle(valueId(metaMap(server), key), [value]));
    expect(checkUpdate(server, update, 'editor').kind).toBe('invalid');
    expect(checkUpdate(server, update, 'chair').kind).toBe('invalid');
    const victim = copyOf(server);
    Y.applyUpdate(victim, update);
    expect(boardProblems(victim)).not.toEqual([]);
  });

  it('refuses a 4,000,000-character cell through the same forgery', () => {
    const server = buildPlan2025Board();
    const row = sheetMap(server, 'beheer').get(readSheet(server, 'beheer')[0]!.id)!;
    const update = encodeRawUpdate(originCycle(valueId(row, 'bouwsteen'), ['x'.repeat(4_000_000)]));
    expect(checkUpdate(server, update, 'editor').kind).toBe('invalid');
  });

  it('refuses a forged copy of a known id even without a cycle', () => {
    const server = buildPlan2025Board();
    const target = valueId(settingsMap(server), 'renewalBudget');
    const forged: RawUpdate = {
      clients: [{ client: target.client, clock: target.clock, structs: [{ kind: 'item', parent: 'beheer', parentSub: 'r-forged', content: { kind: 'any', values: [5] } }] }],
    };
    expect(checkUpdate(server, encodeRawUpdate(forged), 'chair').kind).toBe('invalid');
  });

  it('refuses a cycle of origins between new items', () => {
    const server = buildPlan2025Board();
    const update = encodeRawUpdate({
      clients: [
        { client: ATTACKER, clock: 0, structs: [{ kind: 'item', origin: { client: ATTACKER + 1, clock: 0 }, content: { kind: 'any', values: [1] } }] },
        { client: ATTACKER + 1, clock: 0, structs: [{ kind: 'item', origin: { client: ATTACKER, clock: 0 }, content: { kind: 'any', values: [1] } }] },
      ],
    });
    expect(checkUpdate(server, update, 'chair').kind).toBe('invalid');
  });

  it('refuses a value inserted before a chair-only value (right origin) and a deleted value that would erase it', () => {
    const server = buildPlan2025Board();
    const target = valueId(settingsMap(server), 'renewalBudget');
    const before = encodeRawUpdate({ clients: [{ client: ATTACKER, clock: 0, structs: [{ kind: 'item', rightOrigin: target, content: { kind: 'any', values: [1] } }] }] });
    expect(checkUpdate(server, before, 'editor').kind).toBe('invalid');
    const erase = encodeRawUpdate({ clients: [{ client: ATTACKER, clock: 0, structs: [{ kind: 'item', origin: target, content: { kind: 'deleted', length: 1 } }] }] });
    expect(checkUpdate(server, erase, 'editor').kind).toBe('invalid');
    const victim = copyOf(server);
    Y.applyUpdate(victim, erase);
    expect(settingsMap(victim).has('renewalBudget')).toBe(false);
  });

  it('refuses a parent that is not a type, and a reference to a later clock of the same client', () => {
    const server = buildPlan2025Board();
    const value = valueId(settingsMap(server), 'renewalBudget');
    const spoofed = encodeRawUpdate({ clients: [{ client: ATTACKER, clock: 0, structs: [{ kind: 'item', parent: value, parentSub: 'amount', content: { kind: 'any', values: [1] } }] }] });
    expect(checkUpdate(server, spoofed, 'chair').kind).toBe('invalid');
    const forward = encodeRawUpdate({ clients: [{ client: ATTACKER, clock: 0, structs: [{ kind: 'item', origin: { client: ATTACKER, clock: 5 }, content: { kind: 'any', values: [1] } }] }] });
    expect(checkUpdate(server, forward, 'chair').kind).toBe('invalid');
  });

  it('refuses to delete meta a board needs, even for a chair', () => {
    const server = buildPlan2025Board();
    const client = copyOf(server);
    const before = Y.encodeStateVector(client);
    metaMap(client).delete('year');
    expect(checkUpdate(server, Y.encodeStateAsUpdate(client, before), 'chair').kind).toBe('invalid');
  });

  it('reports every client id an update extends, GC and Skip structs included', () => {
    const server = buildPlan2025Board();
    const someone = [...server.store.clients.keys()][0]!;
    const gc = encodeRawUpdate({ clients: [{ client: someone, clock: Y.getState(server.store, someone), structs: [{ kind: 'gc', length: 2 ** 40 }] }] });
    const verdict = checkUpdate(server, gc, 'editor');
    expect(verdict).toEqual({ kind: 'ok', writtenClients: new Set([someone]) });
    const skip = encodeRawUpdate({ clients: [{ client: ATTACKER, clock: 0, structs: [{ kind: 'skip', length: 10 }] }] });
    expect(checkUpdate(server, skip, 'editor')).toEqual({ kind: 'ok', writtenClients: new Set([ATTACKER]) });
  });

  it('does not apply deletions of clocks the document lacks (they would wait and erase future edits)', () => {
    const server = buildPlan2025Board();
    const someone = [...server.store.clients.keys()][0]!;
    const future = encodeRawUpdate({ clients: [], deletes: [{ client: someone, ranges: [{ clock: 0, length: 2 ** 40 }] }] });
    expect(checkUpdate(server, future, 'chair').kind).toBe('unresolved');
  });

  it('caps the rows one update adds and the rows of a sheet', () => {
    const server = buildPlan2025Board();
    const rows = (count: number): RawUpdate => ({
      clients: [
        {
          client: ATTACKER,
          clock: 0,
          structs: Array.from({ length: count }, (_, i) => ({ kind: 'item' as const, parent: 'roadmap', parentSub: `r-${i}`, content: { kind: 'type' as const, typeRef: 1 } })),
        },
      ],
    });
    expect(checkUpdate(server, encodeRawUpdate(rows(10)), 'editor', { maxRowChangesPerUpdate: 10, maxRowsPerSheet: 1_000 }).kind).toBe('ok');
    expect(checkUpdate(server, encodeRawUpdate(rows(11)), 'editor', { maxRowChangesPerUpdate: 10, maxRowsPerSheet: 1_000 }).kind).toBe('invalid');
    const existing = sheetMap(server, 'roadmap').size;
    expect(checkUpdate(server, encodeRawUpdate(rows(10)), 'editor', { maxRowChangesPerUpdate: 100, maxRowsPerSheet: existing + 9 }).kind).toBe('invalid');
  });

  it('refuses a client written twice (Yjs keeps only its last group)', () => {
    const server = buildPlan2025Board();
    const row = { kind: 'item' as const, parent: 'roadmap', parentSub: 'r-twice', content: { kind: 'type' as const, typeRef: 1 } };
    const twice = encodeRawUpdate({
      clients: [
        { client: ATTACKER, clock: 0, structs: [row] },
        { client: ATTACKER, clock: 1, structs: [{ kind: 'item', parent: { client: ATTACKER, clock: 0 }, parentSub: 'activity', content: { kind: 'any', values: ['x'] } }] },
      ],
    });
    expect(checkUpdate(server, twice, 'editor').kind).toBe('invalid');
  });

  it('accepts an honest copy of what the server has, sent again with new edits', () => {
    const server = buildPlan2025Board();
    const client = copyOf(server);
    sheetMap(client, 'beheer').get(readSheet(client, 'beheer')[0]!.id)!.set('amount', 5_000);
    expect(checkUpdate(server, Y.encodeStateAsUpdate(client), 'editor').kind).toBe('ok');
  });
});
