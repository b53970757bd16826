import { describe, expect, it } from 'vitest';
import { parseTsv, toTsv } from './tsv.ts';

describe('parseTsv', () => {
  it('reads a block copied from Excel', () => {
    expect(parseTsv('12.434\tLogius\r\n2.065\tRVO\r\n')).toEqual([['12.434', 'Logius'], ['2.065', 'RVO']]);
    expect(parseTsv('a\t"two\nlines"\t"say ""hi"""')).toEqual([['a', 'two\nlines', 'say "hi"']]);
    expect(parseTsv('single')).toEqual([['single']]);
    expect(parseTsv('a\t\tc')).toEqual([['a', '', 'c']]);
  });

  it('round-trips through toTsv', () => {
    const rows = [['x', 'tab\there', 'quote"'], ['', 'line\nbreak', '12.434']];
    expect(parseTsv(toTsv(rows))).toEqual(rows);
  });
});
