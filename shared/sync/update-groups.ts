// The client of each struct group of a Yjs update (format v1), in the order written. Yjs reads an
// update into a map from client to its group, so a client written twice keeps only its last group:
// what the rest of the update builds on may then never integrate, or wait pending for clocks that
// someone else's edit later fills. An honest encoder writes each client once; a check that reads
// the update as a flat list of structs must know when it was not.
import * as decoding from 'lib0/decoding';

function skipContent(decoder: decoding.Decoder, ref: number): void {
  switch (ref) {
    case 1: // deleted
      decoding.readVarUint(decoder);
      return;
    case 2: // JSON
      for (let n = decoding.readVarUint(decoder); n > 0; n--) decoding.readVarString(decoder);
      return;
    case 3: // binary
      decoding.readVarUint8Array(decoder);
      return;
    case 4: // string
    case 5: // embed
      decoding.readVarString(decoder);
      return;
    case 6: // format
      decoding.readVarString(decoder);
      decoding.readVarString(decoder);
      return;
    case 7: {
      // type: an XML element or hook carries its name
      const typeRef = decoding.readVarUint(decoder);
      if (typeRef === 3 || typeRef === 5) decoding.readVarString(decoder);
      return;
    }
    case 8: // any
      for (let n = decoding.readVarUint(decoder); n > 0; n--) decoding.readAny(decoder);
      return;
    case 9: // subdocument
      decoding.readVarString(decoder);
      decoding.readAny(decoder);
      return;
    default:
      throw new Error(`unknown content ${ref}`);
  }
}

function skipId(decoder: decoding.Decoder): void {
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
}

/** Throws on bytes that are not an update. */
export function updateClientGroups(update: Uint8Array): number[] {
  const decoder = decoding.createDecoder(update);
  const clients: number[] = [];
  for (let groups = decoding.readVarUint(decoder); groups > 0; groups--) {
    const structs = decoding.readVarUint(decoder);
    clients.push(decoding.readVarUint(decoder));
    decoding.readVarUint(decoder); // first clock
    for (let i = 0; i < structs; i++) {
      const info = decoding.readUint8(decoder);
      const ref = info & 0b11111;
      if (ref === 0 || ref === 10) {
        decoding.readVarUint(decoder); // GC or Skip length
        continue;
      }
      const hasOrigin = (info & 0x80) !== 0;
      const hasRightOrigin = (info & 0x40) !== 0;
      if (hasOrigin) skipId(decoder);
      if (hasRightOrigin) skipId(decoder);
      if (!hasOrigin && !hasRightOrigin) {
        if (decoding.readVarUint(decoder) === 1) decoding.readVarString(decoder);
        else skipId(decoder);
        if ((info & 0x20) !== 0) decoding.readVarString(decoder);
      }
      skipContent(decoder, ref);
    }
  }
  return clients;
}
