import { describe, expect, it } from 'vitest';
import { toPlainBytes } from './bytea.ts';

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
