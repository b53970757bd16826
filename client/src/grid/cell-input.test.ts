import { describe, expect, it } from 'vitest';
import { columnOf } from '../../../shared/board/sheets.ts';
import { formatCell, parseCellInput } from './cell-input.ts';

const amount = columnOf('beheer', 'amount')!;
const domain = columnOf('beheer', 'domain')!;
const year = columnOf('roadmap', 'targetYear')!;

describe('parseCellInput', () => {
  it('reads amounts in thousands the Dutch way, ntb and -', () => {
    expect(parseCellInput(amount, '12.434')).toEqual({ ok: true, value: 12_434_000 });
    expect(parseCellInput(amount, '12434,5')).toEqual({ ok: true, value: 12_434_500 });
    expect(parseCellInput(amount, 'ntb')).toEqual({ ok: true, value: 'ntb' });
    expect(parseCellInput(amount, '-')).toEqual({ ok: true, value: 'none' });
  });

  it('refuses what is not valid, naming the column', () => {
    const bad = parseCellInput(amount, 'twaalf');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/^Bedrag B&E: /);
    expect(parseCellInput(domain, 'Mars').ok).toBe(false);
    expect(parseCellInput(year, '20x5').ok).toBe(false);
  });

  it('matches choices without regard to case and reads empty years as none', () => {
    expect(parseCellInput(domain, 'toegang')).toEqual({ ok: true, value: 'Toegang' });
    expect(parseCellInput(year, '')).toEqual({ ok: true, value: null });
    expect(parseCellInput(year, '2027')).toEqual({ ok: true, value: 2027 });
  });

  it('formats what it parses back to the same text', () => {
    expect(formatCell(amount, 12_434_000)).toBe('12.434');
    expect(formatCell(amount, 'none')).toBe('-');
  });
});
