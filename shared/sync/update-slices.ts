// Cuts a Yjs update (format v1) into smaller updates that, applied in order, build the same
// document. Y.applyUpdate integrates a whole update in one synchronous step: for a board of 20,000
// rows that is over half a second in which a server answers nobody. Applied slice by slice, with the
// event loop free in between, a large board loads while every other board keeps its pace.
//
// The cut is made on the bytes: each struct is only scanned for where it ends and which items it
// builds on (no Item is built, which would cost more than the integration saved). Slices follow those
// dependencies across clients, the way the edits were made: a struct whose neighbour or parent came
// in a later slice would wait in Yjs's pending store, and every slice after it would retry the lot.
// The delete set comes last, once every struct it names is in the document.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** Struct kinds and content refs of the v1 format (Yjs's own numbering). */
const GC = 0;
const SKIP = 10;
const CONTENT = { deleted: 1, json: 2, binary: 3, string: 4, embed: 5, format: 6, type: 7, any: 8, doc: 9 } as const;
const BITS5 = 31;
const HAS_ORIGIN = 128;
const HAS_RIGHT_ORIGIN = 64;
const HAS_PARENT_SUB = 32;
/** Y.XmlElement and Y.XmlHook carry a name after their type ref. */
const NAMED_TYPE_REFS = new Set([3, 5]);

/** One client's structs in the update, as byte ranges, with what each depends on. */
interface Group {
  client: number;
  /** Byte offset where each struct starts, and one more: where the last one ends. */
  offsets: number[];
  /** Clock of each struct's first unit, and one more: the clock after the last one. */
  clocks: number[];
  /** Dependencies of struct i are deps[depStarts[i] .. depStarts[i + 1]), as (client, clock) pairs. */
  depStarts: number[];
  /** The next struct not yet put in a slice. */
  next: number;
}

/** Reads past one struct's content and returns the clock length it covers. */
function skipContent(decoder: decoding.Decoder, ref: number): number {
  switch (ref) {
    case CONTENT.deleted:
      return decoding.readVarUint(decoder);
    case CONTENT.json: {
      const count = decoding.readVarUint(decoder);
      for (let i = 0; i < count; i++) decoding.readVarString(decoder);
      return count;
    }
    case CONTENT.binary:
      decoding.readVarUint8Array(decoder);
      return 1;
    case CONTENT.string:
      // A clock unit per UTF-16 code unit, as Yjs counts it.
      return decoding.readVarString(decoder).length;
    case CONTENT.embed:
      decoding.readVarString(decoder);
      return 1;
    case CONTENT.format:
      decoding.readVarString(decoder);
      decoding.readVarString(decoder);
      return 1;
    case CONTENT.type:
      if (NAMED_TYPE_REFS.has(decoding.readVarUint(decoder))) decoding.readVarString(decoder);
      return 1;
    case CONTENT.any: {
      const count = decoding.readVarUint(decoder);
      for (let i = 0; i < count; i++) decoding.readAny(decoder);
      return count;
    }
    case CONTENT.doc:
      decoding.readVarString(decoder);
      decoding.readAny(decoder);
      return 1;
    default:
      throw new Error(`unknown content ref ${ref}`);
  }
}

/** Reads past one struct, noting the ids it builds on in `deps`; returns the clock length it covers. */
function skipStruct(decoder: decoding.Decoder, deps: number[]): number {
  const info = decoding.readUint8(decoder);
  const kind = info & BITS5;
  if (kind === GC || kind === SKIP) return decoding.readVarUint(decoder);
  if (info & HAS_ORIGIN) deps.push(decoding.readVarUint(decoder), decoding.readVarUint(decoder));
  if (info & HAS_RIGHT_ORIGIN) deps.push(decoding.readVarUint(decoder), decoding.readVarUint(decoder));
  if ((info & (HAS_ORIGIN | HAS_RIGHT_ORIGIN)) === 0) {
    // Parent: a root type's name, or the id of the item that holds the type.
    if (decoding.readVarUint(decoder) === 1) decoding.readVarString(decoder);
    else deps.push(decoding.readVarUint(decoder), decoding.readVarUint(decoder));
    if (info & HAS_PARENT_SUB) decoding.readVarString(decoder);
  }
  return skipContent(decoder, kind);
}

/** Structs scanned between two pauses of the scan: a few milliseconds' work. */
const SCAN_PAUSE_EVERY = 20_000;

/** Scans the whole update, yielding null now and then so that a caller can let other work run. */
interface Scanned {
  groups: Group[];
  deps: number[];
  deleteSetAt: number;
  /** Structs whose content is a new type. */
  types: number;
}

function* scan(update: Uint8Array): Generator<null, Scanned> {
  const decoder = decoding.createDecoder(update);
  const deps: number[] = [];
  const groups: Group[] = [];
  let types = 0;
  const count = decoding.readVarUint(decoder);
  for (let g = 0; g < count; g++) {
    const structs = decoding.readVarUint(decoder);
    const client = decoding.readVarUint(decoder);
    let clock = decoding.readVarUint(decoder);
    const group: Group = { client, offsets: [decoder.pos], clocks: [clock], depStarts: [deps.length], next: 0 };
    for (let i = 0; i < structs; i++) {
      if (((update[decoder.pos] ?? 0) & BITS5) === CONTENT.type) types++;
      clock += skipStruct(decoder, deps);
      group.offsets.push(decoder.pos);
      group.clocks.push(clock);
      group.depStarts.push(deps.length);
      if (group.clocks.length % SCAN_PAUSE_EVERY === 0) yield null;
    }
    groups.push(group);
  }
  return { groups, deps, deleteSetAt: decoder.pos, types };
}

/** A slice being filled: per group, the range of its structs in it (contiguous, in order). */
type Slice = Map<Group, { first: number; end: number }>;

export interface UpdateShape {
  /**
   * The client of each struct group, in the order written. Yjs reads an update into a map from
   * client to group, so a client written twice keeps only its last group: what the rest builds on
   * may then never integrate, or wait pending for clocks someone else's edit later fills.
   */
  clients: number[];
  /** Items whose content is a new type (a Y.Map, Y.Array, ...). */
  types: number;
}

/** What an update holds, read from its bytes without building a struct. Throws on bytes that are not a v1 update. */
function scanWhole(update: Uint8Array): Scanned {
  const scanning = scan(update);
  let step = scanning.next();
  while (!step.done) step = scanning.next();
  return step.value;
}

export function updateShape(update: Uint8Array): UpdateShape {
  const { groups, types } = scanWhole(update);
  return { clients: groups.map((group) => group.client), types };
}

/**
 * The update without the structs of some clients, and without deletions of their clocks beyond
 * those the document already has (`known`): what is left of a client's update when the server
 * will not take what it carries under other people's client ids.
 */
export function withoutClients(update: Uint8Array, dropped: ReadonlySet<number>, known: (client: number) => number): Uint8Array {
  const { groups, deleteSetAt } = scanWhole(update);
  const kept: Slice = new Map();
  for (const group of groups) if (!dropped.has(group.client) && group.offsets.length > 1) kept.set(group, { first: 0, end: group.offsets.length - 1 });
  return encodeSlice(update, kept, (encoder) => {
    const decoder = decoding.createDecoder(update.subarray(deleteSetAt));
    const deletes: { client: number; ranges: [number, number][] }[] = [];
    for (let clients = decoding.readVarUint(decoder); clients > 0; clients--) {
      const client = decoding.readVarUint(decoder);
      const limit = dropped.has(client) ? known(client) : Infinity;
      const ranges: [number, number][] = [];
      for (let count = decoding.readVarUint(decoder); count > 0; count--) {
        const clock = decoding.readVarUint(decoder);
        const end = Math.min(clock + decoding.readVarUint(decoder), limit);
        if (end > clock) ranges.push([clock, end - clock]);
      }
      if (ranges.length > 0) deletes.push({ client, ranges });
    }
    encoding.writeVarUint(encoder, deletes.length);
    for (const { client, ranges } of deletes) {
      encoding.writeVarUint(encoder, client);
      encoding.writeVarUint(encoder, ranges.length);
      for (const [clock, length] of ranges) {
        encoding.writeVarUint(encoder, clock);
        encoding.writeVarUint(encoder, length);
      }
    }
  });
}

/** No deletions: a slice's come with the last slice. */
const noDeletions = (encoder: encoding.Encoder) => encoding.writeVarUint(encoder, 0);

function encodeSlice(update: Uint8Array, slice: Slice, writeDeletions = noDeletions): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, slice.size);
  for (const [group, { first, end }] of slice) {
    encoding.writeVarUint(encoder, end - first);
    encoding.writeVarUint(encoder, group.client);
    encoding.writeVarUint(encoder, group.clocks[first]!);
    encoding.writeUint8Array(encoder, update.subarray(group.offsets[first], group.offsets[end]));
  }
  writeDeletions(encoder);
  return encoding.toUint8Array(encoder);
}

/**
 * Yields slices of at most `maxStructs` structs each, then one with the delete set. While it scans
 * the update, before the first slice, it yields null now and then: a point to pause, with nothing to
 * apply. Throws on bytes that are not a v1 update, before yielding any slice.
 */
export function* sliceUpdate(update: Uint8Array, maxStructs: number): Generator<Uint8Array | null> {
  const { groups, deps, deleteSetAt } = yield* scan(update);
  const byClient = new Map(groups.map((group) => [group.client, group]));
  /** Whether the struct holding this id is in the document by the slice being filled. */
  const present = (client: number, clock: number) => {
    const group = byClient.get(client);
    // Outside the update: already in the document, or missing there as it would be anyway.
    if (!group || clock < group.clocks[0]! || clock >= group.clocks.at(-1)!) return true;
    return clock < group.clocks[group.next]!;
  };
  const ready = (group: Group) => {
    const i = group.next;
    for (let d = group.depStarts[i]!; d < group.depStarts[i + 1]!; d += 2) if (!present(deps[d]!, deps[d + 1]!)) return false;
    return true;
  };
  const done = (group: Group) => group.next >= group.clocks.length - 1;

  let slice: Slice = new Map();
  let inSlice = 0;
  function* take(group: Group): Generator<Uint8Array> {
    const range = slice.get(group);
    if (range) range.end++;
    else slice.set(group, { first: group.next, end: group.next + 1 });
    group.next++;
    if (++inSlice < maxStructs) return;
    yield encodeSlice(update, slice);
    slice = new Map();
    inSlice = 0;
  }
  let left = groups.filter((group) => !done(group));
  while (left.length > 0) {
    let progressed = false;
    for (const group of left) {
      while (!done(group) && ready(group)) {
        yield* take(group);
        progressed = true;
      }
    }
    if (!progressed) {
      // Nothing is ready: the update builds on items it does not hold. Yjs keeps such structs
      // pending whatever the order, so take them as they come until something is ready again.
      const stuck = left[0]!;
      while (!done(stuck) && !ready(stuck)) yield* take(stuck);
    }
    left = left.filter((group) => !done(group));
  }
  if (inSlice > 0) yield encodeSlice(update, slice);
  const deletions = encoding.createEncoder();
  encoding.writeVarUint(deletions, 0);
  encoding.writeUint8Array(deletions, update.subarray(deleteSetAt));
  yield encoding.toUint8Array(deletions);
}
