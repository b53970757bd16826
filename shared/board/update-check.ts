// Checks a Yjs update against the board schema before it is applied. Yjs accepts any structure
// that decodes, so without this an editor's client could write what no grid would: an amount
// "abc", a BigInt, a 2 MB name, a Y.Text in a cell, a row that is not a Y.Map, a top-level type of
// its own, a schema version from the future (the board would no longer load), or a budget that
// only a chair may set. Every struct of the update is placed (which map, which key) from its own
// parent information, or from the item it was inserted next to, looked up in the update or the
// document; then its content must be what the schema allows there.
import * as Y from 'yjs';
import { checkAmount } from '../amount.ts';
import { hasRole, type Role } from '../access/roles.ts';
import { DOMAINS } from '../domain.ts';
import { POS_FIELD } from './board-doc.ts';
import { SCHEMA_VERSION } from './migrations.ts';
import { isPositionKey } from './order.ts';
import { isRowId } from './row-id.ts';
import { columnOf, isSheetName, type SheetName } from './sheets.ts';
import { MAX_YEAR, MIN_YEAR, validateValue } from './validate.ts';

export type UpdateVerdict =
  | { kind: 'ok' }
  /** The update builds on items the server does not have (yet): it cannot be checked now. */
  | { kind: 'unresolved' }
  | { kind: 'invalid'; reason: string };

type Container = { kind: 'root'; name: string } | { kind: 'row'; sheet: SheetName } | { kind: 'nested' };
/** Where a struct lands; 'discarded' when Yjs will drop it (its neighbour or parent is gone). */
type Place = { container: Container; key: string | null } | 'unresolved' | 'discarded';

const SETTINGS_KEYS = new Set(['renewalBudget', ...DOMAINS.map((domain) => `ceiling:${domain}`)]);
/** Maps only a chair changes: the board's identity and budgets, and the totals its sources state. */
const CHAIR_MAPS = new Set(['meta', 'settings', 'stated']);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isYear = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value >= MIN_YEAR && value <= MAX_YEAR;

function metaValueOk(key: string, value: unknown): boolean {
  switch (key) {
    case 'schemaVersion':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= SCHEMA_VERSION;
    case 'title':
      return typeof value === 'string' && value.trim() !== '' && value.length <= 200;
    case 'year':
      return isYear(value);
    default:
      return false;
  }
}

function statedValueOk(value: unknown): boolean {
  return (
    isObject(value) &&
    typeof value.label === 'string' &&
    value.label.length <= 500 &&
    typeof value.amount === 'number' &&
    Number.isSafeInteger(value.amount) &&
    (value.roundedTo === null || (typeof value.roundedTo === 'number' && Number.isSafeInteger(value.roundedTo))) &&
    typeof value.source === 'string' &&
    value.source.length <= 2000
  );
}

/** Why a value may not stand at a place, or null when it may. */
function valueProblem(container: Container, key: string, value: unknown): string | null {
  if (container.kind === 'row') {
    if (key === POS_FIELD) return isPositionKey(value) ? null : 'invalid row position';
    const column = columnOf(container.sheet, key);
    if (!column) return `unknown field "${key}" on ${container.sheet}`;
    const checked = validateValue(column.kind, value);
    // The stored value must be the validated one exactly (setCell stores that, e.g. with "\n" line ends).
    return checked.ok && checked.value === value ? null : `invalid ${container.sheet}.${key}`;
  }
  if (container.kind !== 'root') return 'nested value';
  switch (container.name) {
    case 'meta':
      return metaValueOk(key, value) ? null : `invalid meta.${key}`;
    case 'settings':
      return SETTINGS_KEYS.has(key) && checkAmount(value).ok ? null : `invalid setting "${key}"`;
    case 'stated':
      return statedValueOk(value) ? null : `invalid stated total "${key}"`;
    default:
      return `no values directly in ${container.name}`;
  }
}

function contentProblem(place: { container: Container; key: string | null }, content: Y.Item["content"], role: Role): string | null {
  // Deleted content carries nothing, wherever it is.
  if (content instanceof Y.ContentDeleted) return null;
  const { container, key } = place;
  if (container.kind === 'nested') return 'content inside a nested type';
  if (container.kind === 'root') {
    if (isSheetName(container.name)) {
      if (key === null || !isRowId(key)) return `invalid row id on ${container.name}`;
      return content instanceof Y.ContentType && content.type instanceof Y.Map ? null : `a row of ${container.name} that is not a map`;
    }
    if (!CHAIR_MAPS.has(container.name)) return `unknown top-level type "${container.name}"`;
    if (!hasRole(role, 'chair')) return `only a chair changes ${container.name}`;
  }
  if (key === null) return 'list content in a map';
  if (!(content instanceof Y.ContentAny)) return `unsupported content at ${key}`;
  for (const value of content.getContent()) {
    const problem = valueProblem(container, key, value);
    if (problem) return problem;
  }
  return null;
}

const rootName = (doc: Y.Doc, type: Y.AbstractType<unknown>): string | null => {
  for (const [name, shared] of doc.share) if (shared === type) return name;
  return null;
};

export function checkUpdate(doc: Y.Doc, update: Uint8Array, role: Role): UpdateVerdict {
  const { structs, ds } = Y.decodeUpdate(update);
  const byClient = new Map<number, Y.Item[]>();
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const list = byClient.get(struct.id.client) ?? [];
    list.push(struct);
    byClient.set(struct.id.client, list);
  }
  // An update lists each client's structs in clock order: search, do not scan, or an update of
  // many items would cost their square.
  const inUpdate = (id: Y.ID): Y.Item | undefined => {
    const items = byClient.get(id.client);
    if (!items) return undefined;
    let low = 0;
    let high = items.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const item = items[mid]!;
      if (id.clock < item.id.clock) high = mid - 1;
      else if (id.clock >= item.id.clock + item.length) low = mid + 1;
      else return item;
    }
    return undefined;
  };
  const inDoc = (id: Y.ID): Y.Item | Y.GC | null => (id.clock < Y.getState(doc.store, id.client) ? Y.getItem(doc.store, id) : null);

  // The container a type lives in, given the item that holds the type.
  const integratedContainer = (type: Y.AbstractType<unknown>): Container => {
    const holder = type._item;
    if (holder === null) return { kind: 'root', name: rootName(doc, type) ?? '' };
    const parent = holder.parent;
    if (type instanceof Y.Map && holder.parentSub !== null && parent instanceof Y.AbstractType && parent._item === null) {
      const name = rootName(doc, parent);
      if (name !== null && isSheetName(name)) return { kind: 'row', sheet: name };
    }
    return { kind: 'nested' };
  };

  const placing = new Set<Y.Item>();
  const places = new Map<Y.Item, Place>();
  const placeOf = (item: Y.Item): Place => {
    const known = places.get(item);
    if (known) return known;
    if (placing.has(item)) return 'discarded'; // a cycle of origins cannot integrate
    placing.add(item);
    const place = locate(item);
    placing.delete(item);
    places.set(item, place);
    return place;
  };
  const containerOfType = (id: Y.ID): Container | 'unresolved' | 'discarded' => {
    const fromUpdate = inUpdate(id);
    if (fromUpdate) {
      const holderPlace = placeOf(fromUpdate);
      if (typeof holderPlace === 'string') return holderPlace;
      if (!(fromUpdate.content instanceof Y.ContentType)) return 'discarded';
      const { container, key } = holderPlace;
      const isRow = container.kind === 'root' && isSheetName(container.name) && key !== null && fromUpdate.content.type instanceof Y.Map;
      return isRow ? { kind: 'row', sheet: container.name as SheetName } : { kind: 'nested' };
    }
    const fromDoc = inDoc(id);
    if (fromDoc === null) return 'unresolved';
    if (!(fromDoc instanceof Y.Item) || fromDoc.deleted || !(fromDoc.content instanceof Y.ContentType)) return 'discarded';
    return integratedContainer(fromDoc.content.type);
  };
  function locate(item: Y.Item): Place {
    const parent: unknown = item.parent;
    if (typeof parent === 'string') return { container: { kind: 'root', name: parent }, key: item.parentSub };
    if (parent instanceof Y.ID) {
      const container = containerOfType(parent);
      return typeof container === 'string' ? container : { container, key: item.parentSub };
    }
    // No parent written: it is the parent (and key) of the item it was inserted next to.
    const neighbour = item.origin ?? item.rightOrigin;
    if (neighbour === null) return 'discarded';
    const fromUpdate = inUpdate(neighbour);
    if (fromUpdate) return placeOf(fromUpdate);
    const fromDoc = inDoc(neighbour);
    if (fromDoc === null) return 'unresolved';
    if (!(fromDoc instanceof Y.Item) || !(fromDoc.parent instanceof Y.AbstractType)) return 'discarded';
    return { container: integratedContainer(fromDoc.parent), key: fromDoc.parentSub };
  }

  let unresolved = false;
  for (const items of byClient.values()) {
    for (const item of items) {
      const place = placeOf(item);
      if (place === 'unresolved') unresolved = true;
      if (typeof place === 'string') continue;
      const problem = contentProblem(place, item.content, role);
      if (problem) return { kind: 'invalid', reason: problem };
    }
  }

  // Deletions: editors delete rows and cells, but not what only a chair may change.
  if (!hasRole(role, 'chair')) {
    for (const [client, ranges] of ds.clients) {
      const stored = doc.store.clients.get(client);
      if (!stored) continue;
      const end = Y.getState(doc.store, client);
      for (const { clock, len } of ranges) {
        if (clock >= end) continue;
        for (let i = Y.findIndexSS(stored, clock); i < stored.length && stored[i]!.id.clock < clock + len; i++) {
          const struct = stored[i]!;
          if (!(struct instanceof Y.Item) || struct.deleted || !(struct.parent instanceof Y.AbstractType)) continue;
          const container = integratedContainer(struct.parent);
          if (container.kind === 'root' && CHAIR_MAPS.has(container.name)) return { kind: 'invalid', reason: `only a chair changes ${container.name}` };
        }
      }
    }
  }
  return unresolved ? { kind: 'unresolved' } : { kind: 'ok' };
}
