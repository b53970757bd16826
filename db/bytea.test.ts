import { describe, expect, it } from 'vitest';
import { toPlainBytes } from './bytea.ts';
import { pgliteByteaCodec } from './pglite-bytea.mjs';

describe('toPlainBytes', () => {
  it('copies a pooled Buffer view into a standalone Uint8Array with exactly its bytes', () => {
    const pooled = Buffer.from('00ff10', 'hex');
    expect(pooled.buffer.byteLength).toBeGreaterThan(3);

    const bytes = toPlainBytes(pooled);

    expect(Object.getPrototypeOf(bytes)).toBe(Uint8Array.prototype);
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.buffer.byteLength).toBe(3);
    expect([...bytes]).toEqual([0x00, 0xff, 0x10]);
  });

  it('copies a Uint8Array view that starts inside its buffer', () => {
    const view = new Uint8Array([1, 2, 3, 4]).subarray(1, 3);
    const bytes = toPlainBytes(view);
    expect(bytes.buffer.byteLength).toBe(2);
    expect([...bytes]).toEqual([2, 3]);
  });

  it('returns a plain, whole Uint8Array as it is', () => {
    const whole = new Uint8Array([9, 8, 7]);
    expect(toPlainBytes(whole)).toBe(whole);
  });
});

describe('the PGlite bytea codec', () => {
  it('reads back exactly what it writes, whatever the bytes, as a plain Uint8Array', () => {
    const bytes = Uint8Array.from({ length: 1024 }, (_, i) => (i * 37) % 256).subarray(3, 1000);
    const text = pgliteByteaCodec.serializers[17](bytes);
    expect(text.startsWith('\\x')).toBe(true);
    expect(text).toBe('\\x' + [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join(''));
    const back = pgliteByteaCodec.parsers[17](text);
    expect(Object.getPrototypeOf(back)).toBe(Uint8Array.prototype);
    expect([...back]).toEqual([...bytes]);
  });

  it('refuses what is not bytes', () => {
    expect(() => pgliteByteaCodec.serializers[17]('abc')).toThrow('bytea');
  });
});
