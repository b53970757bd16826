// The totals of one board, as the server serves them (GET /api/boards/:id/totals) and the dashboard
// shows them. All amounts are whole euros (unit "EUR"); the grids show them in thousands.
import type { Amount } from '../amount.ts';
import type { Domain, DomainOrGeneriek, RenewalStatus } from '../domain.ts';

export interface RenewalGroupTotals {
  proposals: number;
  requested: number;
  allocated: number;
  /** requested - allocated, over the amounts that are numbers. */
  gap: number;
  /** Doorkijk for the two years after the plan year. */
  outlook: [number, number];
  /** How many of this group's amount cells hold "ntb". */
  ntb: number;
}

export interface ControlTotal {
  key: string;
  label: string;
  source: string;
  stated: number;
  /** Null when Planbord cannot compute what this statement is about. */
  computed: number | null;
  /** computed - stated. */
  difference: number | null;
  /** The rounding of the statement in euros, if it was rounded. */
  roundedTo: number | null;
  /** True when the difference is zero, or within half the rounding of a rounded statement. */
  agrees: boolean;
}

export type Violation =
  | {
      rule: 'allocated-above-requested';
      message: string;
      sheet: 'vernieuwing';
      rowId: string;
      field: 'allocated';
      name: string;
      domain: DomainOrGeneriek;
      amount: number;
      limit: number;
      excess: number;
    }
  | { rule: 'renewal-budget-exceeded'; message: string; amount: number; limit: number; excess: number }
  | { rule: 'domain-ceiling-exceeded'; message: string; domain: Domain; amount: number; limit: number; excess: number };

export interface DomainTotals {
  beheer: number;
  renewalAllocated: number;
  /** B&E plus allocated renewal: what the domain's ceiling (kader) bounds. */
  total: number;
  ceiling: Amount;
}

export interface BoardTotals {
  unit: 'EUR';
  year: number;
  beheer: {
    total: number;
    lines: number;
    ntb: number;
    byDomain: Record<Domain, number>;
    byOpdrachtnemer: Record<string, number>;
  };
  renewal: RenewalGroupTotals & {
    outlookYears: [number, number];
    /** ntb counts per column. */
    ntbByField: { requested: number; allocated: number; outlook1: number; outlook2: number };
    byDomain: Record<DomainOrGeneriek, RenewalGroupTotals>;
    byStatus: Record<RenewalStatus, RenewalGroupTotals>;
    budget: Amount;
  };
  /** B&E versus allocated renewal; shares in basis points (1/100 %) of their sum. */
  split: { beheer: number; renewal: number; total: number; beheerShareBp: number; renewalShareBp: number };
  domains: Record<Domain, DomainTotals>;
  controls: ControlTotal[];
  violations: Violation[];
}
