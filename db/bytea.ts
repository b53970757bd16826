// Drizzle 0.45 has no bytea column. Yjs updates must come back byte-exact and as plain Uint8Array:
// postgres.js hands out Buffers (small ones are views into a shared pool, with a byteOffset) and
// PGlite hands out Uint8Arrays, so fromDriver normalises both to an exact, standalone copy.
import { customType } from 'drizzle-orm/pg-core';

export function toPlainBytes(value: Uint8Array): Uint8Array {
  const isPlain =
    Object.getPrototypeOf(value) === Uint8Array.prototype &&
    value.byteOffset === 0 &&
    value.byteLength === value.buffer.byteLength;
  return isPlain ? value : new Uint8Array(value);
}

/** PostgreSQL's type oid of bytea. */
const BYTEA_OID = 17;

/**
 * PGlite's own bytea text codec builds one string or closure per byte, which makes a 5 MB board
 * state cost seconds and a storm of garbage on every load and compaction. Node's hex codec does the
 * same conversion natively; PGlite takes it per type oid.
 */
export const pgliteByteaCodec = {
  parsers: {
    [BYTEA_OID]: (text: string): Uint8Array => toPlainBytes(Buffer.from(text.slice(2), 'hex')),
  },
  serializers: {
    [BYTEA_OID]: (value: unknown): string => {
      if (!(value instanceof Uint8Array)) throw new Error('Invalid input for bytea type');
      return '\\x' + Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex');
    },
  },
};

export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType() {
    return 'bytea';
  },
  toDriver(value) {
    return value;
  },
  fromDriver(value) {
    return toPlainBytes(value);
  },
});
