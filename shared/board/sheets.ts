// The three sheets of a board and their columns. One definition serves validation, the document
// helpers, the grids and the exports, so a column is described once.
import type { Amount } from '../amount.ts';
import {
  DOMAINS,
  DOMAINS_AND_GENERIEK,
  HORIZONS,
  RENEWAL_STATUSES,
  type Domain,
  type DomainOrGeneriek,
  type Horizon,
  type RenewalStatus,
} from '../domain.ts';

export const SHEETS = ['beheer', 'vernieuwing', 'roadmap'] as const;
export type SheetName = (typeof SHEETS)[number];

export const ROADMAP_KINDS = ['opgave', 'actie'] as const;
export type RoadmapKind = (typeof ROADMAP_KINDS)[number];

export interface BeheerRow {
  bouwsteen: string;
  domain: Domain;
  opdrachtnemer: string;
  amount: Amount;
  note: string;
}

export interface RenewalRow {
  name: string;
  domain: DomainOrGeneriek;
  status: RenewalStatus;
  /** "Ontwikkeling <year>": one bullet per line. */
  development: string;
  requested: Amount;
  allocated: Amount;
  /** Doorkijk: the first and second year after the plan year. */
  outlook1: Amount;
  outlook2: Amount;
  opdrachtnemers: string;
  footnotes: string;
}

export interface RoadmapRow {
  domain: DomainOrGeneriek;
  /** An activity of a task for the plan year, or an item of the action plan on a horizon. */
  kind: RoadmapKind;
  /** The task (opgave) or goal the item belongs to. */
  opgave: string;
  activity: string;
  horizon: Horizon;
  targetYear: number | null;
}

export interface SheetRows {
  beheer: BeheerRow;
  vernieuwing: RenewalRow;
  roadmap: RoadmapRow;
}

export type ColumnKind =
  | { type: 'text'; maxLength: number; multiline?: boolean }
  | { type: 'amount' }
  | { type: 'choice'; options: readonly string[] }
  | { type: 'year'; optional: true };

export interface ColumnDef<S extends SheetName = SheetName> {
  field: keyof SheetRows[S] & string;
  /** Dutch header as the plan uses it. */
  label: string;
  kind: ColumnKind;
}

const name = (maxLength: number): ColumnKind => ({ type: 'text', maxLength });
const longText = (maxLength: number): ColumnKind => ({ type: 'text', maxLength, multiline: true });
const amount: ColumnKind = { type: 'amount' };

export const COLUMNS: { readonly [S in SheetName]: readonly ColumnDef<S>[] } = {
  beheer: [
    { field: 'bouwsteen', label: 'Bouwsteen', kind: name(1000) },
    { field: 'domain', label: 'Domein', kind: { type: 'choice', options: DOMAINS } },
    { field: 'opdrachtnemer', label: 'Opdrachtnemer', kind: name(300) },
    { field: 'amount', label: 'Bedrag B&E', kind: amount },
    { field: 'note', label: 'Toelichting', kind: longText(2000) },
  ],
  vernieuwing: [
    { field: 'name', label: 'Naam', kind: name(300) },
    { field: 'domain', label: 'Domein', kind: { type: 'choice', options: DOMAINS_AND_GENERIEK } },
    { field: 'status', label: 'Status', kind: { type: 'choice', options: RENEWAL_STATUSES } },
    { field: 'development', label: 'Ontwikkeling', kind: longText(10_000) },
    { field: 'requested', label: 'Gevraagd', kind: amount },
    { field: 'allocated', label: 'Toegekend', kind: amount },
    { field: 'outlook1', label: 'Doorkijk jaar 1', kind: amount },
    { field: 'outlook2', label: 'Doorkijk jaar 2', kind: amount },
    { field: 'opdrachtnemers', label: 'Opdrachtnemers', kind: name(500) },
    { field: 'footnotes', label: 'Voetnoten', kind: longText(2000) },
  ],
  roadmap: [
    { field: 'domain', label: 'Domein', kind: { type: 'choice', options: DOMAINS_AND_GENERIEK } },
    { field: 'kind', label: 'Soort', kind: { type: 'choice', options: ROADMAP_KINDS } },
    { field: 'opgave', label: 'Opgave', kind: longText(1000) },
    { field: 'activity', label: 'Activiteit', kind: longText(5000) },
    { field: 'horizon', label: 'Horizon', kind: { type: 'choice', options: HORIZONS } },
    { field: 'targetYear', label: 'Streefjaar', kind: { type: 'year', optional: true } },
  ],
};

/** The value a new row starts with in each column. */
export const EMPTY_ROWS: { readonly [S in SheetName]: SheetRows[S] } = {
  beheer: { bouwsteen: '', domain: 'Interactie', opdrachtnemer: '', amount: 'none', note: '' },
  vernieuwing: {
    name: '',
    domain: 'Generiek',
    status: 'Nieuw',
    development: '',
    requested: 'none',
    allocated: 'none',
    outlook1: 'none',
    outlook2: 'none',
    opdrachtnemers: '',
    footnotes: '',
  },
  roadmap: { domain: 'Generiek', kind: 'actie', opgave: '', activity: '', horizon: '0-2', targetYear: null },
};

export function isSheetName(value: unknown): value is SheetName {
  return typeof value === 'string' && (SHEETS as readonly string[]).includes(value);
}

export function columnOf(sheet: SheetName, field: string): ColumnDef | undefined {
  return (COLUMNS[sheet] as readonly ColumnDef[]).find((column) => column.field === field);
}

/** The columns of a sheet, typed for code that treats every sheet alike. */
export function columnsOf(sheet: SheetName): readonly ColumnDef[] {
  return COLUMNS[sheet] as readonly ColumnDef[];
}
