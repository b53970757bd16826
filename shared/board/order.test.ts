import { describe, expect, it } from 'vitest';
import { compareByPosition, evenKeys, isPositionKey, keyBetween } from './order.ts';

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('keyBetween', () => {
  it('always lands strictly between its neighbours', () => {
    const random = seeded(7);
    const keys = [keyBetween(null, null, random)];
    for (let i = 0; i < 2000; i++) {
      const at = Math.floor(random() * (keys.length + 1));
      const key = keyBetween(keys[at - 1] ?? null, keys[at] ?? null, random);
      keys.splice(at, 0, key);
    }
    for (let i = 1; i < keys.length; i++) expect(keys[i - 1]! < keys[i]!).toBe(true);
    expect(keys.every(isPositionKey)).toBe(true);
  });

  it('gives two clients inserting at the same spot different keys', () => {
    const a = keyBetween('h', 'i', seeded(1));
    const b = keyBetween('h', 'i', seeded(2));
    expect(a).not.toBe(b);
    expect(a > 'h' && a < 'i' && b > 'h' && b < 'i').toBe(true);
  });

  it('keeps keys short when rows are appended one by one', () => {
    let key: string | null = null;
    for (let i = 0; i < 1000; i++) key = keyBetween(key, null);
    expect(key!.length).toBeLessThan(80);
  });

  it('refuses neighbours out of order', () => {
    expect(() => keyBetween('b', 'a')).toThrow();
  });
});

describe('evenKeys', () => {
  it('spreads short distinct ordered keys over a new list', () => {
    const keys = evenKeys(20_000);
    expect(new Set(keys).size).toBe(20_000);
    for (let i = 1; i < keys.length; i++) expect(keys[i - 1]! < keys[i]!).toBe(true);
    expect(Math.max(...keys.map((k) => k.length))).toBeLessThanOrEqual(4);
    expect(keys.every(isPositionKey)).toBe(true);
    expect(keyBetween(keys[0]!, keys[1]!) > keys[0]!).toBe(true);
  });
});

describe('compareByPosition', () => {
  it('breaks ties on equal keys by row id', () => {
    const rows = [
      { pos: 'k', id: 'b' },
      { pos: 'k', id: 'a' },
      { pos: 'a', id: 'z' },
    ];
    expect(rows.sort(compareByPosition).map((r) => r.id)).toEqual(['z', 'a', 'b']);
  });
});
