// A seeded generator of hostile Yjs updates, written struct by struct against the server's current
// document: origin cycles, forged copies of known ids, GC and Skip structs for other people's client
// ids and far-future clocks, right origins into chair-only maps, spoofed parents, deletions of
// chair-only keys and of clocks nobody has, clients written twice, content of every wrong type;
// and honest edits among them, so that accepted updates are checked too.
import * as Y from 'yjs';
import { CHAIR_MAPS } from '../../shared/board/schema-values.ts';
import { COLUMNS, SHEETS, type ColumnDef } from '../../shared/board/sheets.ts';
import { encodeRawUpdate, rawLength, type RawClientStructs, type RawContent, type RawId, type RawStruct, type RawUpdate } from '../../shared/sync/raw-update.ts';

export type Move =
  | 'cycle' | 'forged-copy' | 'foreign-gc' | 'foreign-skip' | 'right-origin-chair' | 'parent-spoof' | 'delete-chair'
  | 'delete-future' | 'wrong-content' | 'forward-reference' | 'gap' | 'valid-edit' | 'valid-row' | 'deleted-over-chair';

const MOVES: [Move, number][] = [
  ['cycle', 10], ['forged-copy', 10], ['foreign-gc', 8], ['foreign-skip', 4], ['right-origin-chair', 6], ['parent-spoof', 8],
  ['delete-chair', 6], ['delete-future', 5], ['wrong-content', 12], ['forward-reference', 4], ['gap', 4], ['valid-edit', 14],
  ['valid-row', 6], ['deleted-over-chair', 4],
];
const TOTAL = MOVES.reduce((sum, [, weight]) => sum + weight, 0);

export interface HostileContext {
  /** The server's document as it is now. */
  doc: Y.Doc;
  /** The attacker's own client id for this case (its clock continues where the server has it). */
  own: number;
  /** Client ids of other members and of the server, which the attacker must never extend. */
  foreign: readonly number[];
  random: () => number;
}

export interface HostileCase {
  moves: Move[];
  update: Uint8Array;
}

const HOSTILE_VALUES: unknown[] = [
  'abc', -1, 1.5, 2 ** 60, Number.MAX_SAFE_INTEGER, null, true, { evil: 1 }, ['x'], 'x'.repeat(5_000), '=cmd|calc', 'Nergens',
  new Uint8Array([1, 2, 3]), '\u0000', 'ntb', '-', 0, 12_000, 'Interactie', 'Nieuw',
];

function allItems(doc: Y.Doc): Y.Item[] {
  const items: Y.Item[] = [];
  for (const structs of doc.store.clients.values()) for (const struct of structs) if (struct instanceof Y.Item) items.push(struct);
  return items;
}

const idOf = (item: Y.Item): RawId => ({ client: item.id.client, clock: item.id.clock });

export function hostileCase(context: HostileContext): HostileCase {
  const { doc, own, foreign, random } = context;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const chance = (p: number) => random() < p;
  const items = allItems(doc);
  const mapValue = (name: string) => {
    const values = [...doc.getMap(name)._map.values()];
    return values.length > 0 ? pick(values) : pick(items);
  };
  const chairItem = () => mapValue(pick([...CHAIR_MAPS]));
  const rowOf = () => {
    const sheet = pick(SHEETS);
    const rows = [...doc.getMap<Y.Map<unknown>>(sheet).values()];
    return { sheet, row: rows.length > 0 ? pick(rows) : null };
  };
  const cellItem = () => {
    const { sheet, row } = rowOf();
    if (!row) return { sheet, item: pick(items), field: 'amount' };
    const field = pick(COLUMNS[sheet] as readonly ColumnDef[]).field;
    return { sheet, item: row._map.get(field) ?? pick([...row._map.values()]), field };
  };
  const state = (client: number) => Y.getState(doc.store, client);
  const randomValue = () => pick(HOSTILE_VALUES);
  const wrongContent = (): RawContent =>
    pick<() => RawContent>([
      () => ({ kind: 'any', values: [randomValue()] }),
      () => ({ kind: 'any', values: [randomValue(), randomValue()] }),
      () => ({ kind: 'string', text: 'hallo' }),
      () => ({ kind: 'json', values: [{ a: 1 }] }),
      () => ({ kind: 'binary', bytes: new Uint8Array([9, 9]) }),
      () => ({ kind: 'embed', value: { image: 'x' } }),
      () => ({ kind: 'format', key: 'bold', value: true }),
      () => ({ kind: 'type', typeRef: pick([0, 1, 2, 4, 6]) }),
      () => ({ kind: 'deleted', length: 1 + Math.floor(random() * 3) }),
    ])();
  const anyId = (): RawId => {
    if (chance(0.7)) return idOf(pick(items));
    const client = chance(0.5) ? pick(foreign) : own;
    return { client, clock: Math.floor(random() * (state(client) + 5)) };
  };

  const groups: RawClientStructs[] = [];
  const deletes: NonNullable<RawUpdate['deletes']> = [];
  let ownClock = state(own);
  const addOwn = (...structs: RawStruct[]) => {
    groups.push({ client: own, clock: ownClock, structs });
    ownClock += structs.reduce((sum, struct) => sum + rawLength(struct), 0);
  };

  const moves: Move[] = [];
  const count = chance(0.6) ? 1 : 2 + Math.floor(random() * 2);
  for (let i = 0; i < count; i++) {
    let roll = random() * TOTAL;
    const move = MOVES.find(([, weight]) => (roll -= weight) < 0)![0];
    moves.push(move);
    switch (move) {
      case 'cycle': {
        const target = idOf(chance(0.5) ? chairItem() : cellItem().item);
        addOwn({ kind: 'item', origin: target, content: { kind: 'any', values: [randomValue()] } });
        groups.push({ client: target.client, clock: target.clock, structs: [{ kind: 'item', origin: { client: own, clock: ownClock - 1 }, content: { kind: 'any', values: [0] } }] });
        break;
      }
      case 'forged-copy': {
        const target = pick(items);
        const forged: RawStruct = pick<() => RawStruct>([
          () => ({ kind: 'item', origin: anyId(), content: { kind: 'any', values: [randomValue()] } }),
          () => ({ kind: 'item', parent: pick(['settings', 'meta', 'beheer', 'zzz']), parentSub: pick(['renewalBudget', 'title', 'r-forged', 'amount']), content: { kind: 'any', values: [randomValue()] } }),
          () => ({ kind: 'item', rightOrigin: anyId(), content: wrongContent() }),
          () => ({ kind: 'gc', length: 1 }),
        ])();
        groups.push({ client: target.id.client, clock: target.id.clock, structs: [forged] });
        if (chance(0.5)) addOwn({ kind: 'item', origin: idOf(target), content: { kind: 'any', values: [randomValue()] } });
        break;
      }
      case 'foreign-gc':
      case 'foreign-skip': {
        const client = pick(foreign);
        const clock = chance(0.6) ? state(client) : state(client) + Math.floor(random() * 2 ** 40);
        const length = chance(0.5) ? 1 : Math.floor(random() * 2 ** 40) + 1;
        groups.push({ client, clock, structs: [{ kind: move === 'foreign-gc' ? 'gc' : 'skip', length }] });
        break;
      }
      case 'right-origin-chair':
        addOwn({ kind: 'item', rightOrigin: idOf(chairItem()), content: chance(0.5) ? { kind: 'any', values: [randomValue()] } : wrongContent() });
        break;
      case 'parent-spoof': {
        const parent: string | RawId = chance(0.5) ? idOf(pick(items)) : pick(['meta', 'settings', 'stated', 'beheer', 'roadmap', 'zzz', '']);
        addOwn({ kind: 'item', parent, parentSub: chance(0.8) ? pick(['amount', 'renewalBudget', 'schemaVersion', 'title', 'r-spoof', 'pos']) : null, content: chance(0.5) ? { kind: 'any', values: [randomValue()] } : wrongContent() });
        break;
      }
      case 'delete-chair': {
        const target = chairItem();
        deletes.push({ client: target.id.client, ranges: [{ clock: target.id.clock, length: chance(0.5) ? 1 : target.length }] });
        break;
      }
      case 'delete-future': {
        const client = pick([...foreign, own]);
        deletes.push({ client, ranges: [{ clock: chance(0.5) ? 0 : state(client), length: Math.floor(random() * 2 ** 40) + 1 }] });
        break;
      }
      case 'wrong-content': {
        const { item } = cellItem();
        addOwn({ kind: 'item', origin: idOf(item), content: wrongContent() });
        break;
      }
      case 'forward-reference':
        addOwn({ kind: 'item', origin: { client: own, clock: ownClock + 1 + Math.floor(random() * 10) }, content: { kind: 'any', values: [1] } });
        break;
      case 'gap':
        groups.push({ client: own, clock: ownClock + 1 + Math.floor(random() * 100), structs: [{ kind: 'item', parent: 'roadmap', parentSub: 'r-gap', content: { kind: 'type', typeRef: 1 } }] });
        break;
      case 'valid-edit': {
        const { sheet, row } = rowOf();
        if (!row) break;
        const amountField = (COLUMNS[sheet] as readonly ColumnDef[]).find((column) => column.kind.type === 'amount')?.field;
        const field = amountField && chance(0.7) ? amountField : 'pos';
        const current = row._map.get(field);
        const value = field === 'pos' ? (row.get('pos') as string) : pick([Math.floor(random() * 100) * 1_000, 'ntb', '-']);
        if (current) addOwn({ kind: 'item', origin: idOf(current), content: { kind: 'any', values: [value] } });
        break;
      }
      case 'valid-row': {
        const rowId = `r${Math.floor(random() * 1e9)}`;
        const holder: RawId = { client: own, clock: ownClock };
        addOwn(
          { kind: 'item', parent: 'roadmap', parentSub: rowId, content: { kind: 'type', typeRef: 1 } },
          { kind: 'item', parent: holder, parentSub: 'activity', content: { kind: 'any', values: [chance(0.8) ? 'Nieuwe activiteit' : randomValue()] } },
        );
        break;
      }
      case 'deleted-over-chair':
        addOwn({ kind: 'item', origin: idOf(chairItem()), content: { kind: 'deleted', length: 1 } });
        break;
    }
  }
  return { moves, update: encodeRawUpdate({ clients: groups, deletes }) };
}
