// Where every struct of a Yjs update would land in a document, worked out as Yjs integrates it
// (Item.getMissing, then Item.integrate) but against the document's own items: for an id the
// document already has, its item is the truth, never the update's copy. Whatever Yjs would not
// integrate as read here is refused before anything is applied: a copy of a known id that differs
// from the document's, a cycle of origins, a reference to a later clock of the same client, a
// neighbour and a parent that disagree, a gap in a client's clocks, a deletion of clocks nobody
// has. Knows nothing of boards: the schema is checked on the landings this returns.
import * as Y from 'yjs';
import { updateShape, type UpdateShape } from './update-slices.ts';

/** The type an item lands in: a root type by name, a type the document has, or one this update creates. */
export type LandingParent =
  | { kind: 'root'; name: string }
  | { kind: 'type'; type: Y.AbstractType<unknown> }
  | { kind: 'new'; holder: Y.Item };

export interface Landing {
  parent: LandingParent;
  /** The map key, or null for list content. */
  key: string | null;
}

export interface NewItem {
  /** As decoded from the update. */
  item: Y.Item;
  /** The first clock the document lacks: Yjs integrates the item from here on. */
  from: number;
  /** Where it lands, or null when Yjs discards it (it becomes a GC: its neighbour or parent is gone). */
  landing: Landing | null;
}

export interface Placement {
  /** Items the update adds, in the order of the update. */
  items: NewItem[];
  /** Items of the document, not yet deleted, that the update's delete set deletes. */
  deletes: Y.Item[];
  /** Client ids whose clocks the update extends (any struct beyond the document's state). */
  writtenClients: Set<number>;
}

export type PlacementResult =
  | { kind: 'placed'; placement: Placement }
  /** It builds on structs the document does not have (yet): it cannot be checked, nor applied whole. */
  | { kind: 'unresolved'; reason: string }
  | { kind: 'invalid'; reason: string };

type Struct = Y.Item | Y.GC | Y.Skip;
type Resolved = { from: 'doc'; struct: Y.Item | Y.GC } | { from: 'update'; entry: NewItem | Y.GC };

class Refusal {
  constructor(
    readonly kind: 'unresolved' | 'invalid',
    readonly reason: string,
  ) {}
}
const invalid = (reason: string) => new Refusal('invalid', reason);
const unresolved = (reason: string) => new Refusal('unresolved', reason);

const sameId = (a: Y.ID | null, b: Y.ID | null) => (a === null || b === null ? a === b : a.client === b.client && a.clock === b.clock);
const isSafeClock = (value: number) => Number.isSafeInteger(value) && value >= 0;

export interface PlacementLimits {
  /** Types (Y.Map, Y.Array, ...) one update may create: past it, refused before anything is placed. */
  maxNewTypes: number;
  /** The update's shape when the caller has already read it (the sync path reads it first). */
  shape?: UpdateShape;
}

export function placeUpdate(doc: Y.Doc, update: Uint8Array, limits: PlacementLimits = { maxNewTypes: Infinity }): PlacementResult {
  try {
    return { kind: 'placed', placement: place(doc, update, limits) };
  } catch (error) {
    if (error instanceof Refusal) return { kind: error.kind, reason: error.reason };
    throw error;
  }
}

function place(doc: Y.Doc, update: Uint8Array, limits: PlacementLimits): Placement {
  const store = doc.store;
  // Read from the bytes before any struct is built: refusing a flood of new types must cost little.
  const shape = limits.shape ?? updateShape(update);
  if (shape.types > limits.maxNewTypes) throw invalid(`more than ${limits.maxNewTypes} new types`);
  if (new Set(shape.clients).size !== shape.clients.length) throw invalid('a client written twice');
  const { structs, ds } = Y.decodeUpdate(update);
  const stateOf = (client: number) => Y.getState(store, client);

  // The update's structs beyond the document's state, per client, in clock order.
  const fresh = new Map<number, (NewItem | Y.GC)[]>();
  /** Per client, the clock after the last struct the update adds: what its delete set may reach. */
  const reach = new Map<number, number>();
  const items: NewItem[] = [];
  const writtenClients = new Set<number>();
  const copies: Y.Item[] = [];
  let previous: Struct | null = null;
  for (const struct of structs) {
    const { client, clock } = struct.id;
    const end = clock + struct.length;
    if (!isSafeClock(client) || !isSafeClock(clock) || struct.length < 1 || !isSafeClock(end)) throw invalid('a struct with an impossible id');
    if (previous !== null && previous.id.client === client && clock < previous.id.clock + previous.length) throw invalid('structs out of clock order');
    previous = struct;
    const state = stateOf(client);
    if (end <= state) {
      if (struct instanceof Y.Item) copies.push(struct);
      continue;
    }
    writtenClients.add(client);
    if (struct instanceof Y.Skip) continue; // a gap: what follows it cannot integrate
    const expected = reach.get(client) ?? state;
    if (clock > expected) throw unresolved(`clocks of client ${client} missing before ${clock}`);
    reach.set(client, end);
    const entry = struct instanceof Y.Item ? { item: struct, from: Math.max(clock, state), landing: null } : struct;
    if (struct instanceof Y.Item) items.push(entry as NewItem);
    const list = fresh.get(client) ?? [];
    list.push(entry);
    fresh.set(client, list);
  }

  const findFresh = (id: Y.ID): NewItem | Y.GC | undefined => {
    const list = fresh.get(id.client);
    if (!list) return undefined;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const entry = list[mid]!;
      const struct = entry instanceof Y.GC ? entry : entry.item;
      const from = entry instanceof Y.GC ? struct.id.clock : entry.from;
      if (id.clock < from) high = mid - 1;
      else if (id.clock >= struct.id.clock + struct.length) low = mid + 1;
      else return entry;
    }
    return undefined;
  };

  /** The struct an id names: the document's when it has the clock, else the update's new part. */
  const resolve = (id: Y.ID, referrer: Y.Item): Resolved => {
    if (!isSafeClock(id.client) || !isSafeClock(id.clock)) throw invalid('a reference with an impossible id');
    if (id.client === referrer.id.client && id.clock >= referrer.id.clock) throw invalid('a reference to a later clock of the same client');
    if (id.clock < stateOf(id.client)) return { from: 'doc', struct: Y.getItem(store, id) as Y.Item | Y.GC };
    const entry = findFresh(id);
    if (entry === undefined) throw unresolved(`builds on ${id.client}:${id.clock}, which the document lacks`);
    return { from: 'update', entry };
  };

  const docLanding = (item: Y.Item): Landing | null =>
    item.parent instanceof Y.AbstractType ? { parent: { kind: 'type', type: item.parent }, key: item.parentSub } : null;

  const landingOfType = (id: Y.ID, referrer: Y.Item, key: string | null): Landing | null | NewItem => {
    const holder = resolve(id, referrer);
    if (holder.from === 'doc') {
      if (holder.struct instanceof Y.GC) return null;
      if (!(holder.struct.content instanceof Y.ContentType) || holder.struct.id.clock !== id.clock) throw invalid('a parent that is not a type');
      return { parent: { kind: 'type', type: holder.struct.content.type }, key };
    }
    if (holder.entry instanceof Y.GC) return null;
    if (!(holder.entry.item.content instanceof Y.ContentType) || holder.entry.item.id.clock !== id.clock) throw invalid('a parent that is not a type');
    return holder.entry;
  };

  const placed = new Set<NewItem>();
  const placing = new Set<NewItem>();

  /**
   * The landing of one new item, given its dependencies' landings; or the new item it waits for.
   * Mirrors Item.getMissing: left from the origin, right from the right origin, a GC neighbour
   * discards it, the parent comes from the left, else the right, unless the item names it.
   */
  const step = (entry: NewItem): Landing | null | NewItem => {
    const { item } = entry;
    const neighbour = (id: Y.ID | null): Resolved | null => (id === null ? null : resolve(id, item));
    const left = neighbour(item.origin);
    const right = neighbour(item.rightOrigin);
    for (const side of [left, right]) {
      if (side?.from === 'update' && !(side.entry instanceof Y.GC) && !placed.has(side.entry)) return side.entry;
    }
    // A new item Yjs discards has become a GC by the time its dependents integrate.
    const isGc = (side: Resolved | null) =>
      side !== null && (side.from === 'doc' ? side.struct instanceof Y.GC : side.entry instanceof Y.GC || side.entry.landing === null);
    let landing: Landing | null;
    if (isGc(left) || isGc(right)) landing = null;
    else if (item.parent === null) {
      const landingOf = (side: Resolved | null): Landing | null | undefined => {
        if (side === null) return undefined;
        if (side.from === 'doc') return docLanding(side.struct as Y.Item);
        return (side.entry as NewItem).landing;
      };
      const fromLeft = landingOf(left);
      const fromRight = landingOf(right);
      if (fromLeft !== undefined && fromRight !== undefined && !sameLanding(fromLeft, fromRight)) throw invalid('neighbours in different places');
      landing = fromLeft !== undefined ? fromLeft : (fromRight ?? null);
    } else if (typeof item.parent === 'string') {
      landing = { parent: { kind: 'root', name: item.parent }, key: item.parentSub };
    } else if (item.parent instanceof Y.ID) {
      const parent = landingOfType(item.parent, item, item.parentSub);
      if (parent !== null && 'item' in parent) {
        if (!placed.has(parent)) return parent;
        landing = parent.landing === null ? null : { parent: { kind: 'new', holder: parent.item }, key: item.parentSub };
      } else landing = parent;
    } else throw invalid('an item with an unknown parent');

    // Part of it is known: Yjs integrates the rest after the document's item at from - 1, in the
    // parent worked out above. Both must be the same place.
    if (entry.from > item.id.clock && landing !== null) {
      const before = Y.getItem(store, Y.createID(item.id.client, entry.from - 1));
      if (!(before instanceof Y.Item) || !sameLanding(docLanding(before), landing)) throw invalid('a continued item in another place');
    }
    return landing;
  };

  for (const entry of items) {
    if (placed.has(entry)) continue;
    const stack: NewItem[] = [entry];
    placing.add(entry);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const result = step(top);
      if (result !== null && 'item' in result) {
        if (placing.has(result)) throw invalid('a cycle of origins');
        placing.add(result);
        stack.push(result);
        continue;
      }
      top.landing = result;
      placed.add(top);
      placing.delete(top);
      stack.pop();
    }
  }

  for (const copy of copies) checkCopy(doc, copy);

  // Deletions: of the document's items, or of items this update adds; never of clocks nobody has
  // (Yjs would keep them pending and delete whatever later arrives there).
  const deletes: Y.Item[] = [];
  for (const [client, ranges] of ds.clients) {
    const state = stateOf(client);
    const limit = Math.max(state, reach.get(client) ?? 0);
    const stored = store.clients.get(client);
    for (const { clock, len } of ranges) {
      if (!isSafeClock(clock) || len < 1 || !isSafeClock(clock + len)) throw invalid('a deletion with an impossible range');
      if (clock + len > limit) throw unresolved(`deletes clocks of client ${client} that the document lacks`);
      if (!stored || clock >= state) continue;
      for (let i = Y.findIndexSS(stored, clock); i < stored.length && stored[i]!.id.clock < clock + len; i++) {
        const struct = stored[i]!;
        if (struct instanceof Y.Item && !struct.deleted) deletes.push(struct);
      }
    }
  }
  return { items, deletes, writtenClients };
}

function sameLanding(a: Landing | null, b: Landing | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.key !== b.key || a.parent.kind !== b.parent.kind) return false;
  switch (a.parent.kind) {
    case 'root':
      return a.parent.name === (b.parent as { name: string }).name;
    case 'type':
      return a.parent.type === (b.parent as { type: unknown }).type;
    case 'new':
      return a.parent.holder === (b.parent as { holder: unknown }).holder;
  }
}

/**
 * A copy of an item the document has is skipped by Yjs, but only after Yjs has looked up what it
 * references; and a copy that differs is at best a confused client, at worst a forgery meant to
 * steer the check. It must be the document's item: same origins, same key, same parent, same
 * content (a deleted copy or a deleted original aside: deletion is not a difference of content).
 */
function checkCopy(doc: Y.Doc, copy: Y.Item): void {
  const store = doc.store;
  const original = Y.getItem(store, copy.id) as Y.Item | Y.GC;
  const known = (id: Y.ID | null) => id === null || (isSafeClock(id.clock) && id.clock < Y.getState(store, id.client));
  if (original instanceof Y.GC) {
    // Nothing left to compare with; the references must at least be ones Yjs can look up.
    const parentKnown = !(copy.parent instanceof Y.ID) || known(copy.parent);
    if (!known(copy.origin) || !known(copy.rightOrigin) || !parentKnown) throw invalid('a copy of a known struct that differs');
    return;
  }
  const { client, clock } = copy.id;
  const origin = original.id.clock === clock ? original.origin : Y.createID(client, clock - 1);
  const differs = () => {
    if (!sameId(copy.origin, origin) || !sameId(copy.rightOrigin, original.rightOrigin)) return true;
    // Parent and key are written only for an item without neighbours; otherwise they are its neighbours'.
    if (copy.parent !== null && (parentOf(doc, copy.parent) !== original.parent || copy.parentSub !== original.parentSub)) return true;
    if (copy.content instanceof Y.ContentDeleted || original.content instanceof Y.ContentDeleted) return false;
    if (copy.content.constructor !== original.content.constructor) return true;
    if (copy.content instanceof Y.ContentType) return copy.content.type.constructor !== (original.content as Y.ContentType).type.constructor;
    const offset = clock - original.id.clock;
    const mine = copy.content.getContent();
    const theirs = original.content.getContent().slice(offset, offset + mine.length);
    return mine.length !== theirs.length || mine.some((value, i) => !sameValue(value, theirs[i]));
  };
  if (differs()) throw invalid('a copy of a known struct that differs');
}

function parentOf(doc: Y.Doc, parent: string | Y.ID | Y.AbstractType<unknown>): unknown {
  if (typeof parent === 'string') return doc.share.get(parent);
  if (!(parent instanceof Y.ID) || parent.clock >= Y.getState(doc.store, parent.client)) return undefined;
  const holder = Y.getItem(doc.store, parent);
  return holder instanceof Y.Item && holder.content instanceof Y.ContentType ? holder.content.type : undefined;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    return a instanceof Uint8Array && b instanceof Uint8Array && a.length === b.length && a.every((byte, i) => byte === b[i]);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return keysA.length === keysB.length && keysA.every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
