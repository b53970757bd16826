// Cuts a Yjs update (format v1) into smaller updates that, applied in order, build the same
// document. Y.applyUpdate integrates a whole update in one synchronous step: for a board of 20,000
// rows that is over half a second in which a server answers nobody. Applied slice by slice, with the
// event loop free in between, a large board loads while every other board keeps its pace.
//
// The cut is made on the bytes: each struct is only scanned to find where it ends (no Item is built,
// which would cost more than the integration saved), and a slice copies whole structs with a new
// header. The delete set comes last, once every struct it names is in the document.
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

interface Run {
  client: number;
  clock: number;
  structs: number;
  from: number;
  to: number;
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

/** Reads past one struct; returns the clock length it covers. */
function skipStruct(decoder: decoding.Decoder): number {
  const info = decoding.readUint8(decoder);
  const kind = info & BITS5;
  if (kind === GC) return decoding.readVarUint(decoder);
  if (kind === SKIP) return decoding.readVarUint(decoder);
  if (info & HAS_ORIGIN) (decoding.readVarUint(decoder), decoding.readVarUint(decoder));
  if (info & HAS_RIGHT_ORIGIN) (decoding.readVarUint(decoder), decoding.readVarUint(decoder));
  if ((info & (HAS_ORIGIN | HAS_RIGHT_ORIGIN)) === 0) {
    // Parent: a root type's name, or the id of the item that holds the type.
    if (decoding.readVarUint(decoder) === 1) decoding.readVarString(decoder);
    else (decoding.readVarUint(decoder), decoding.readVarUint(decoder));
    if (info & HAS_PARENT_SUB) decoding.readVarString(decoder);
  }
  return skipContent(decoder, kind);
}

function encodeSlice(update: Uint8Array, runs: readonly Run[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, runs.length);
  for (const run of runs) {
    encoding.writeVarUint(encoder, run.structs);
    encoding.writeVarUint(encoder, run.client);
    encoding.writeVarUint(encoder, run.clock);
    encoding.writeUint8Array(encoder, update.subarray(run.from, run.to));
  }
  // No deletions: they come with the last slice.
  encoding.writeVarUint(encoder, 0);
  return encoding.toUint8Array(encoder);
}

/**
 * Yields slices of at most `maxStructs` structs each, then one with the delete set. The scan runs
 * between the slices, so a caller that waits between them never blocks for the whole update.
 * Throws on bytes that are not a v1 update; nothing is yielded past the point where they went wrong.
 */
export function* sliceUpdate(update: Uint8Array, maxStructs: number): Generator<Uint8Array> {
  const decoder = decoding.createDecoder(update);
  let pending: Run[] = [];
  let pendingStructs = 0;
  const groups = decoding.readVarUint(decoder);
  for (let group = 0; group < groups; group++) {
    const count = decoding.readVarUint(decoder);
    const client = decoding.readVarUint(decoder);
    let clock = decoding.readVarUint(decoder);
    let run: Run = { client, clock, structs: 0, from: decoder.pos, to: decoder.pos };
    for (let i = 0; i < count; i++) {
      clock += skipStruct(decoder);
      run.structs++;
      run.to = decoder.pos;
      if (++pendingStructs >= maxStructs) {
        yield encodeSlice(update, [...pending, run]);
        pending = [];
        pendingStructs = 0;
        run = { client, clock, structs: 0, from: decoder.pos, to: decoder.pos };
      }
    }
    if (run.structs > 0) pending.push(run);
  }
  if (pending.length > 0) yield encodeSlice(update, pending);
  const deletions = encoding.createEncoder();
  encoding.writeVarUint(deletions, 0);
  encoding.writeUint8Array(deletions, update.subarray(decoder.pos));
  yield encoding.toUint8Array(deletions);
}
