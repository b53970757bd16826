import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildPlan2025Board } from '../plan-2025/plan-board.ts';
import { deleteRow, insertRow, metaMap, moveRow, readSheet, setCell, setSetting, settingsMap, sheetMap, statedMap } from './board-doc.ts';
import type { BoardOrigin } from './origins.ts';
import { EMPTY_ROWS } from './sheets.ts';
import { checkUpdate } from './update-check.ts';
import type { Role } from '../access/roles.ts';

const me: BoardOrigin = { kind: 'user', userId: 'eva' };

/** The server's copy of the board and a client's copy of it, and the update one client edit makes. */
function edited(write: (doc: Y.Doc) => void): { server: Y.Doc; update: Uint8Array } {
  const server = buildPlan2025Board();
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const before = Y.encodeStateVector(client);
  write(client);
  return { server, update: Y.encodeStateAsUpdate(client, before) };
}

const verdict = (write: (doc: Y.Doc) => void, role: Role = 'editor') => {
  const { server, update } = edited(write);
  return checkUpdate(server, update, role).kind;
};
const firstRow = (doc: Y.Doc, sheet: 'beheer' | 'vernieuwing' | 'roadmap' = 'beheer') => sheetMap(doc, sheet).get(readSheet(doc, sheet)[0]!.id)!;
const rawSheet = (doc: Y.Doc, sheet: 'beheer' | 'vernieuwing') => sheetMap(doc, sheet) as unknown as Y.Map<unknown>;

describe('checking an update against the board schema', () => {
  it('accepts what the board helpers write: cells, new rows, moves, deletions, a chair\'s settings', () => {
    expect(verdict((doc) => setCell(doc, 'beheer', readSheet(doc, 'beheer')[0]!.id, 'amount', 12_000, me))).toBe('ok');
    expect(verdict((doc) => setCell(doc, 'vernieuwing', readSheet(doc, 'vernieuwing')[1]!.id, 'development', 'een\nregel', me))).toBe('ok');
    expect(verdict((doc) => insertRow(doc, 'beheer', { ...EMPTY_ROWS.beheer, bouwsteen: 'Nieuw', amount: 'ntb' }, me))).toBe('ok');
    expect(verdict((doc) => moveRow(doc, 'roadmap', readSheet(doc, 'roadmap')[3]!.id, null, me))).toBe('ok');
    expect(verdict((doc) => deleteRow(doc, 'vernieuwing', readSheet(doc, 'vernieuwing')[0]!.id, me))).toBe('ok');
    expect(verdict((doc) => setSetting(doc, 'renewalBudget', 80_000_000, me), 'chair')).toBe('ok');
    // Several edits of one cell in a row build on each other inside one update.
    expect(
      verdict((doc) => {
        const id = readSheet(doc, 'beheer')[2]!.id;
        for (const amount of [1_000, 2_000, 'ntb' as const]) setCell(doc, 'beheer', id, 'amount', amount, me);
      }),
    ).toBe('ok');
  });

  it.each([
    ['an amount "abc"', (doc: Y.Doc) => firstRow(doc).set('amount', 'abc')],
    ['a fractional amount', (doc: Y.Doc) => firstRow(doc).set('amount', 1.5)],
    ['a BigInt amount', (doc: Y.Doc) => firstRow(doc).set('amount', BigInt(5))],
    ['a name over its length', (doc: Y.Doc) => firstRow(doc).set('bouwsteen', 'x'.repeat(200_000))],
    ['a Y.Text in a cell', (doc: Y.Doc) => firstRow(doc).set('bouwsteen', new Y.Text('hoi'))],
    ['an object in a cell', (doc: Y.Doc) => firstRow(doc).set('note', { html: '<script>' })],
    ['an unknown field', (doc: Y.Doc) => firstRow(doc).set('evil', 'x')],
    ['a domain outside the list', (doc: Y.Doc) => firstRow(doc, 'vernieuwing').set('domain', 'Nergens')],
    ['an invalid position', (doc: Y.Doc) => firstRow(doc, 'roadmap').set('pos', 12)],
    ['a row that is a string', (doc: Y.Doc) => rawSheet(doc, 'beheer').set('r-bogus', 'string row')],
    ['a row that is a Y.Array', (doc: Y.Doc) => rawSheet(doc, 'vernieuwing').set('r-array', new Y.Array())],
    ['a row overwritten by a number', (doc: Y.Doc) => rawSheet(doc, 'vernieuwing').set(readSheet(doc, 'vernieuwing')[0]!.id, 42)],
    ['a row id with a space', (doc: Y.Doc) => rawSheet(doc, 'beheer').set('r bad', new Y.Map())],
    ['a top-level array of its own', (doc: Y.Doc) => doc.getArray('zzz').push(['x'])],
    ['a top-level text of its own', (doc: Y.Doc) => doc.getText('notes').insert(0, 'hallo')],
    ['list content in a sheet', (doc: Y.Doc) => doc.getArray('beheer').push(['x'])],
    ['a value inside a row\'s nested map', (doc: Y.Doc) => {
      const nested = new Y.Map<unknown>();
      firstRow(doc).set('note', nested);
      nested.set('a', 'b');
    }],
  ])('refuses %s from anyone', (_name, write) => {
    expect(verdict(write, 'editor')).toBe('invalid');
    expect(verdict(write, 'chair')).toBe('invalid');
  });

  it('lets only a chair change meta, settings and stated totals, and only to valid values', () => {
    expect(verdict((doc) => setSetting(doc, 'renewalBudget', 1, me), 'editor')).toBe('invalid');
    expect(verdict((doc) => settingsMap(doc).delete('renewalBudget'), 'editor')).toBe('invalid');
    expect(verdict((doc) => settingsMap(doc).delete('renewalBudget'), 'chair')).toBe('ok');
    expect(verdict((doc) => metaMap(doc).set('title', 'Nieuwe titel'), 'chair')).toBe('ok');
    expect(verdict((doc) => metaMap(doc).set('title', 'Nieuwe titel'), 'editor')).toBe('invalid');
    // A schema version from the future would make the board refuse to load.
    expect(verdict((doc) => metaMap(doc).set('schemaVersion', 99), 'chair')).toBe('invalid');
    expect(verdict((doc) => metaMap(doc).set('year', 'abc'), 'chair')).toBe('invalid');
    expect(verdict((doc) => settingsMap(doc).set('renewalBudget', 'abc'), 'chair')).toBe('invalid');
    expect(verdict((doc) => settingsMap(doc).set('ceiling:Nergens', 5), 'chair')).toBe('invalid');
    expect(verdict((doc) => statedMap(doc).set('beheer.total', { label: 5, amount: 'x' }), 'chair')).toBe('invalid');
  });

  it('cannot check an update that builds on items it does not have, and checks the whole diff', () => {
    const server = buildPlan2025Board();
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const id = readSheet(client, 'beheer')[0]!.id;
    const start = Y.encodeStateVector(client);
    setCell(client, 'beheer', id, 'amount', 1_000, me);
    const first = Y.encodeStateAsUpdate(client, start);
    const middle = Y.encodeStateVector(client);
    setCell(client, 'beheer', id, 'amount', 3_000, me);
    // The second edit's item sits next to the first's, which this server never got.
    const second = Y.encodeStateAsUpdate(client, middle);
    expect(checkUpdate(server, second, 'editor').kind).toBe('unresolved');
    expect(checkUpdate(server, Y.encodeStateAsUpdate(client, start), 'editor').kind).toBe('ok');
    Y.applyUpdate(server, first);
    expect(checkUpdate(server, second, 'editor').kind).toBe('ok');
    Y.applyUpdate(server, second);

    // Hiding an invalid value behind a missing neighbour does not get it in: the diff shows it.
    const hidden = Y.encodeStateVector(client);
    setCell(client, 'beheer', id, 'amount', 4_000, me);
    const gap = Y.encodeStateVector(client);
    firstRow(client).set('amount', 'abc');
    expect(checkUpdate(server, Y.encodeStateAsUpdate(client, gap), 'editor').kind).toBe('unresolved');
    expect(checkUpdate(server, Y.encodeStateAsUpdate(client, hidden), 'editor').kind).toBe('invalid');
  });
});
