// Money in Planbord is exact: a board stores whole euros as safe integers, and the two non-numbers of
// the plan, "ntb" (nader te bepalen) and "-" (none), stay apart from each other and from 0.
// The plan and its users speak in thousands of euros written the Dutch way ("12.434" = 12.434.000 euro);
// parsing and formatting in that unit is string arithmetic, never floating point.
import { err, ok, type Result } from './result.ts';

export type Amount = number | 'ntb' | 'none';

/**
 * The largest amount one cell may hold (100 billion euros). With at most MAX_ROWS_PER_SHEET rows a
 * sum stays below Number.MAX_SAFE_INTEGER, so totals of whole euros are exact in plain numbers.
 */
export const MAX_AMOUNT_EUROS = 100_000_000_000;
export const MAX_ROWS_PER_SHEET = 50_000;

export function isAmount(value: unknown): value is Amount {
  return value === 'ntb' || value === 'none' || isEuros(value);
}

export function isEuros(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_AMOUNT_EUROS;
}

export function checkAmount(value: unknown): Result<Amount> {
  if (value === 'ntb' || value === 'none') return ok(value);
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return err('Een bedrag is een aantal euro, "ntb" of "-".');
  }
  if (!Number.isInteger(value)) return err('Een bedrag is een heel aantal euro.');
  if (value < 0) return err('Een bedrag kan niet negatief zijn.');
  if (value > MAX_AMOUNT_EUROS) return err('Dit bedrag is groter dan Planbord toestaat (100 miljard euro).');
  return ok(value);
}

const NTB_SPELLINGS = new Set(['ntb', 'n.t.b.', 'n.t.b', 'nader te bepalen']);
const NONE_SPELLINGS = new Set(['-', '–', '—']);

/**
 * Parses an amount typed or printed in thousands of euros, the Dutch way: "12.434", "12434",
 * "12434,5", "1.234.567,125", "ntb", "n.t.b.", "-". At most three decimals (whole euros).
 */
export function parseThousands(input: string): Result<Amount> {
  const text = input.replace(/[\s\u00a0€]/g, '').toLowerCase();
  if (text === '') return err('Vul een bedrag in, "ntb" of "-".');
  if (NTB_SPELLINGS.has(text)) return ok('ntb');
  if (NONE_SPELLINGS.has(text)) return ok('none');
  if (text.startsWith('-')) return err('Een bedrag kan niet negatief zijn.');

  const match = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/.exec(text);
  if (!match) {
    return err(`"${input.trim()}" is geen bedrag. Schrijf bijvoorbeeld 12.434 of 12434,5 (x € 1.000), "ntb" of "-".`);
  }
  const whole = (match[1] ?? '').replaceAll('.', '');
  const fraction = match[2] ?? '';
  if (fraction.length > 3) return err('Een bedrag in duizenden euro heeft hoogstens drie decimalen (hele euro).');
  const digits = (whole + fraction.padEnd(3, '0')).replace(/^0+(?=\d)/, '');
  if (digits.length > 16) return err('Dit bedrag is groter dan Planbord toestaat (100 miljard euro).');
  return checkAmount(Number(digits));
}

/** Formats euros in thousands as the plan prints them: 12434000 → "12.434", 12434500 → "12.434,5". */
export function formatThousands(amount: Amount): string {
  if (amount === 'ntb') return 'ntb';
  if (amount === 'none') return '-';
  const whole = Math.floor(amount / 1000);
  const fraction = String(amount % 1000).padStart(3, '0').replace(/0+$/, '');
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return fraction ? `${grouped},${fraction}` : grouped;
}

/** Formats a signed sum of euros in thousands (differences can be negative). */
export function formatSignedThousands(euros: number): string {
  return euros < 0 ? `-${formatThousands(-euros)}` : formatThousands(euros);
}

/** Whole euros from a printed plan amount, for seeding and checks; throws on text that is no amount. */
export function thousandsToAmount(printed: string): Amount {
  const parsed = parseThousands(printed);
  if (!parsed.ok) throw new Error(`Not an amount: "${printed}": ${parsed.error}`);
  return parsed.value;
}
