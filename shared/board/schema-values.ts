// What the board schema allows as a value at each place of the document: one definition for the
// check of incoming updates and for the check of a whole board.
import { checkAmount } from '../amount.ts';
import { DOMAINS } from '../domain.ts';
import { POS_FIELD } from './board-doc.ts';
import { SCHEMA_VERSION } from './migrations.ts';
import { isPositionKey } from './order.ts';
import { columnOf, type SheetName } from './sheets.ts';
import { MAX_YEAR, MIN_YEAR, validateValue } from './validate.ts';

/** Where a value stands: directly in a top-level map, in a row of a sheet, or deeper (never allowed). */
export type Container = { kind: 'root'; name: string } | { kind: 'row'; sheet: SheetName } | { kind: 'nested' };

/** Meta keys a board cannot load without: nobody removes them. */
export const REQUIRED_META = new Set(['schemaVersion', 'title', 'year']);
export const SETTINGS_KEYS = new Set(['renewalBudget', ...DOMAINS.map((domain) => `ceiling:${domain}`)]);
/** Maps only a chair changes: the board's identity and budgets, and the totals its sources state. */
export const CHAIR_MAPS = new Set(['meta', 'settings', 'stated']);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isYear = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value >= MIN_YEAR && value <= MAX_YEAR;

export function metaValueOk(key: string, value: unknown): boolean {
  switch (key) {
    case 'schemaVersion':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= SCHEMA_VERSION;
    case 'title':
      return typeof value === 'string' && value.trim() !== '' && value.length <= 200;
    case 'year':
      return isYear(value);
    default:
      return false;
  }
}

export function statedValueOk(value: unknown): boolean {
  return (
    isObject(value) &&
    typeof value.label === 'string' &&
    value.label.length <= 500 &&
    typeof value.amount === 'number' &&
    Number.isSafeInteger(value.amount) &&
    (value.roundedTo === null || (typeof value.roundedTo === 'number' && Number.isSafeInteger(value.roundedTo))) &&
    typeof value.source === 'string' &&
    value.source.length <= 2000
  );
}

/** Why a value may not stand at a place, or null when it may. */
export function valueProblem(container: Container, key: string, value: unknown): string | null {
  if (container.kind === 'row') {
    if (key === POS_FIELD) return isPositionKey(value) ? null : 'invalid row position';
    const column = columnOf(container.sheet, key);
    if (!column) return `unknown field "${key}" on ${container.sheet}`;
    const checked = validateValue(column.kind, value);
    // The stored value must be the validated one exactly (setCell stores that, e.g. with "\n" line ends).
    return checked.ok && checked.value === value ? null : `invalid ${container.sheet}.${key}`;
  }
  if (container.kind !== 'root') return 'nested value';
  switch (container.name) {
    case 'meta':
      return metaValueOk(key, value) ? null : `invalid meta.${key}`;
    case 'settings':
      return SETTINGS_KEYS.has(key) && checkAmount(value).ok ? null : `invalid setting "${key}"`;
    case 'stated':
      return statedValueOk(value) ? null : `invalid stated total "${key}"`;
    default:
      return `no values directly in ${container.name}`;
  }
}

