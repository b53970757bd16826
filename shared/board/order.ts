// Row order as fractional positions: each row holds a string key, and rows sort by (key, id).
// Moving a row rewrites one field, so concurrent moves of one row never duplicate it (the last
// write wins), and concurrent inserts at one spot keep both rows: every key gets a random tail,
// so two clients inserting between the same neighbours still pick different keys.
//
// A key is a base-36 fraction (digits 0-9a-z after an implied "0."), never ending in "0", so plain
// string comparison orders keys numerically.

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;
const JITTER_DIGITS = 4;

export type RandomSource = () => number;

function digitAt(key: string, index: number): number {
  const char = key[index];
  if (char === undefined) return 0;
  const digit = DIGITS.indexOf(char);
  if (digit < 0) throw new Error(`Invalid position key "${key}"`);
  return digit;
}

function randomDigit(random: RandomSource, low: number, high: number): string {
  return DIGITS[low + Math.floor(random() * (high - low + 1))] ?? DIGITS[low]!;
}

function jitter(random: RandomSource): string {
  let tail = '';
  for (let i = 0; i < JITTER_DIGITS - 1; i++) tail += randomDigit(random, 0, BASE - 1);
  return tail + randomDigit(random, 1, BASE - 1);
}

export function isPositionKey(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 200 && /^[0-9a-z]*[1-9a-z]$/.test(value);
}

/**
 * A key strictly between `before` and `after`. Pass null for the start or the end of the list.
 * Requires before < after when both are given.
 */
export function keyBetween(before: string | null, after: string | null, random: RandomSource = Math.random): string {
  const low = before ?? '';
  let high = after;
  if (high !== null && !(low < high)) throw new Error(`Position keys out of order: "${low}" >= "${high}"`);
  let prefix = '';
  for (let i = 0; ; i++) {
    const lowDigit = digitAt(low, i);
    const highDigit = high === null ? BASE : digitAt(high, i);
    if (highDigit - lowDigit > 1) {
      // Appending takes the smallest step, so keys grow slowly when rows are added at the end.
      const digit = high === null ? DIGITS[lowDigit + 1] : randomDigit(random, lowDigit + 1, highDigit - 1);
      return prefix + digit + jitter(random);
    }
    prefix += DIGITS[lowDigit];
    // Adjacent digits: keeping the lower one puts us below `high` whatever follows.
    if (highDigit - lowDigit === 1) high = null;
  }
}

/** Short, evenly spread keys for `count` rows of a new list (seeding, import). */
export function evenKeys(count: number): string[] {
  let length = 1;
  while (BASE ** length < 2 * (count + 1)) length++;
  const span = BASE ** length;
  const keys: string[] = [];
  for (let i = 0; i < count; i++) {
    const value = Math.floor(((i + 1) * span) / (count + 1));
    keys.push(value.toString(BASE).padStart(length, '0').replace(/0+$/, ''));
  }
  return keys;
}

export function compareByPosition(a: { pos: string; id: string }, b: { pos: string; id: string }): number {
  if (a.pos !== b.pos) return a.pos < b.pos ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
