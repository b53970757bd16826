import { describe, expect, it } from 'vitest';
import { checkAmount, formatSignedThousands, formatThousands, MAX_AMOUNT_EUROS, parseThousands } from './amount.ts';

const parsed = (text: string) => parseThousands(text);

describe('parseThousands', () => {
  it('reads Dutch thousands notation into whole euros', () => {
    expect(parsed('12.434')).toEqual({ ok: true, value: 12_434_000 });
    expect(parsed('12434')).toEqual({ ok: true, value: 12_434_000 });
    expect(parsed('12434,5')).toEqual({ ok: true, value: 12_434_500 });
    expect(parsed('1.234.567,125')).toEqual({ ok: true, value: 1_234_567_125 });
    expect(parsed(' € 750 ')).toEqual({ ok: true, value: 750_000 });
    expect(parsed('0')).toEqual({ ok: true, value: 0 });
  });

  it('keeps ntb, none and zero apart', () => {
    expect(parsed('ntb')).toEqual({ ok: true, value: 'ntb' });
    expect(parsed('n.t.b.')).toEqual({ ok: true, value: 'ntb' });
    expect(parsed('-')).toEqual({ ok: true, value: 'none' });
    expect(parsed('0,000')).toEqual({ ok: true, value: 0 });
  });

  it('refuses what is not an exact non-negative amount, with a reason', () => {
    for (const bad of ['', 'abc', '12.5', '1.2345', '12,3456', '-5', '1e3', '12..434', ',5', '1,2,3']) {
      const result = parsed(bad);
      expect(result.ok, bad).toBe(false);
      if (!result.ok) expect(result.error.length).toBeGreaterThan(5);
    }
    expect(parsed('100.000.001').ok).toBe(false);
    expect(parsed('99999999999999999999').ok).toBe(false);
  });
});

describe('formatThousands', () => {
  it('prints as the plan does and round-trips through the parser', () => {
    expect(formatThousands(12_434_000)).toBe('12.434');
    expect(formatThousands(12_434_500)).toBe('12.434,5');
    expect(formatThousands(263_463_000)).toBe('263.463');
    expect(formatThousands(5)).toBe('0,005');
    expect(formatThousands('ntb')).toBe('ntb');
    expect(formatThousands('none')).toBe('-');
    for (const euros of [0, 1, 999, 1000, 1_234_567_891, MAX_AMOUNT_EUROS]) {
      expect(parseThousands(formatThousands(euros))).toEqual({ ok: true, value: euros });
    }
    expect(formatSignedThousands(-4_000)).toBe('-4');
  });
});

describe('checkAmount', () => {
  it('accepts whole euros, ntb and none only', () => {
    expect(checkAmount(12).ok).toBe(true);
    expect(checkAmount('ntb').ok).toBe(true);
    expect(checkAmount('none').ok).toBe(true);
    for (const bad of [1.5, -1, NaN, Infinity, '12', null, undefined, {}, MAX_AMOUNT_EUROS + 1]) {
      expect(checkAmount(bad).ok).toBe(false);
    }
  });
});
