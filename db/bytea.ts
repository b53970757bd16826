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
