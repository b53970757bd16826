// Writes Yjs updates (format v1) struct by struct, without a Y.Doc: what a hostile client can send
// and an honest Yjs never would (copies of known ids that differ, cycles of origins, GC structs for
// other people's client ids, far-future clocks, parents that are not types). For tests and
// benchmarks that attack the sync path.
import * as encoding from 'lib0/encoding';

export interface RawId {
  client: number;
  clock: number;
}

export type RawContent =
  | { kind: 'any'; values: unknown[] }
  | { kind: 'deleted'; length: number }
  | { kind: 'string'; text: string }
  | { kind: 'json'; values: unknown[] }
  | { kind: 'binary'; bytes: Uint8Array }
  /** 0 array, 1 map, 2 text, 3 xml element, 4 xml fragment, 5 xml hook, 6 xml text. */
  | { kind: 'type'; typeRef: number }
  | { kind: 'embed'; value: unknown }
  | { kind: 'format'; key: string; value: unknown };

export type RawStruct =
  | { kind: 'gc'; length: number }
  | { kind: 'skip'; length: number }
  | {
      kind: 'item';
      origin?: RawId | null;
      rightOrigin?: RawId | null;
      /** Written only when both origins are null, as Yjs does: a root name or the id of the item holding a type. */
      parent?: string | RawId | null;
      parentSub?: string | null;
      content: RawContent;
    };

/** One client's structs, from a first clock on; each struct takes the clocks of its length. */
export interface RawClientStructs {
  client: number;
  clock: number;
  structs: RawStruct[];
}

export interface RawUpdate {
  clients: RawClientStructs[];
  deletes?: { client: number; ranges: { clock: number; length: number }[] }[];
}

const CONTENT_REF = { deleted: 1, json: 2, binary: 3, string: 4, embed: 5, format: 6, type: 7, any: 8 } as const;

const writeId = (encoder: encoding.Encoder, id: RawId) => {
  encoding.writeVarUint(encoder, id.client);
  encoding.writeVarUint(encoder, id.clock);
};

function writeContent(encoder: encoding.Encoder, content: RawContent): void {
  switch (content.kind) {
    case 'any':
      encoding.writeVarUint(encoder, content.values.length);
      for (const value of content.values) encoding.writeAny(encoder, value as Parameters<typeof encoding.writeAny>[1]);
      return;
    case 'deleted':
      encoding.writeVarUint(encoder, content.length);
      return;
    case 'string':
      encoding.writeVarString(encoder, content.text);
      return;
    case 'json':
      encoding.writeVarUint(encoder, content.values.length);
      for (const value of content.values) encoding.writeVarString(encoder, value === undefined ? 'undefined' : JSON.stringify(value));
      return;
    case 'binary':
      encoding.writeVarUint8Array(encoder, content.bytes);
      return;
    case 'type':
      encoding.writeVarUint(encoder, content.typeRef);
      return;
    case 'embed':
      encoding.writeVarString(encoder, JSON.stringify(content.value));
      return;
    case 'format':
      encoding.writeVarString(encoder, content.key);
      encoding.writeVarString(encoder, JSON.stringify(content.value));
      return;
  }
}

function writeStruct(encoder: encoding.Encoder, struct: RawStruct): void {
  if (struct.kind === 'gc') {
    encoding.writeUint8(encoder, 0);
    encoding.writeVarUint(encoder, struct.length);
    return;
  }
  if (struct.kind === 'skip') {
    encoding.writeUint8(encoder, 10);
    encoding.writeVarUint(encoder, struct.length);
    return;
  }
  const origin = struct.origin ?? null;
  const rightOrigin = struct.rightOrigin ?? null;
  const parentSub = struct.parentSub ?? null;
  const info = CONTENT_REF[struct.content.kind] | (origin ? 0x80 : 0) | (rightOrigin ? 0x40 : 0) | (parentSub !== null ? 0x20 : 0);
  encoding.writeUint8(encoder, info);
  if (origin) writeId(encoder, origin);
  if (rightOrigin) writeId(encoder, rightOrigin);
  if (!origin && !rightOrigin) {
    const parent = struct.parent ?? '';
    encoding.writeVarUint(encoder, typeof parent === 'string' ? 1 : 0);
    if (typeof parent === 'string') encoding.writeVarString(encoder, parent);
    else writeId(encoder, parent);
    if (parentSub !== null) encoding.writeVarString(encoder, parentSub);
  }
  writeContent(encoder, struct.content);
}

/** The length in clocks of a struct, as Yjs counts it. */
export function rawLength(struct: RawStruct): number {
  if (struct.kind !== 'item') return struct.length;
  const { content } = struct;
  switch (content.kind) {
    case 'any':
    case 'json':
      return content.values.length;
    case 'deleted':
      return content.length;
    case 'string':
      return content.text.length;
    default:
      return 1;
  }
}

export function encodeRawUpdate(update: RawUpdate): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, update.clients.length);
  for (const { client, clock, structs } of update.clients) {
    encoding.writeVarUint(encoder, structs.length);
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
    for (const struct of structs) writeStruct(encoder, struct);
  }
  const deletes = update.deletes ?? [];
  encoding.writeVarUint(encoder, deletes.length);
  for (const { client, ranges } of deletes) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, ranges.length);
    for (const range of ranges) {
      encoding.writeVarUint(encoder, range.clock);
      encoding.writeVarUint(encoder, range.length);
    }
  }
  return encoding.toUint8Array(encoder);
}
