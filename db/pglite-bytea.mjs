// PGlite's own bytea text codec builds one string or closure per byte, which makes a 5 MB board
// state cost seconds and a storm of garbage on every load and compaction. Node's hex codec does the
// same conversion natively; PGlite takes it per type oid. Plain JavaScript, for the database thread
// (db/pglite-worker.mjs), which starts without the TypeScript loader.

/** PostgreSQL's type oid of bytea. */
const BYTEA_OID = 17;

export const pgliteByteaCodec = {
  parsers: {
    // A fresh, whole ArrayBuffer: it can be handed to the main thread without a copy.
    [BYTEA_OID]: (text) => new Uint8Array(Buffer.from(text.slice(2), 'hex')),
  },
  serializers: {
    [BYTEA_OID]: (value) => {
      if (!(value instanceof Uint8Array)) throw new Error('Invalid input for bytea type');
      return '\\x' + Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex');
    },
  },
};
