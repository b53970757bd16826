// The totals engine: exact and incremental. Each row's contribution is remembered, so a changed row
// is subtracted and added again in constant time; reading the totals costs the number of groups
// (domains, statuses, operators) and violations, never the number of rows. Sums are whole euros in
// plain numbers: amount and row limits (see amount.ts) keep them below 2^53, so they are exact.
import type { Amount } from '../amount.ts';
import type { BoardSettings, StatedTotal } from '../board/board-doc.ts';
import type { BeheerRow, RenewalRow } from '../board/sheets.ts';
import {
  DOMAINS,
  DOMAINS_AND_GENERIEK,
  RENEWAL_STATUSES,

  type Domain,
  type DomainOrGeneriek,
  type RenewalStatus,
} from '../domain.ts';
import { evaluateControls } from './controls.ts';
import { evaluateRules } from './rules.ts';
import type { BoardTotals, RenewalGroupTotals, Violation } from './types.ts';

const euros = (amount: Amount): number => (typeof amount === 'number' ? amount : 0);
const isNtb = (amount: Amount): number => (amount === 'ntb' ? 1 : 0);

interface BeheerContribution {
  domain: Domain;
  opdrachtnemer: string;
  amount: number;
  ntb: number;
}

interface RenewalContribution {
  domain: DomainOrGeneriek;
  status: RenewalStatus;
  requested: number;
  allocated: number;
  outlook1: number;
  outlook2: number;
  ntbRequested: number;
  ntbAllocated: number;
  ntbOutlook1: number;
  ntbOutlook2: number;
}

interface RenewalGroup {
  proposals: number;
  requested: number;
  allocated: number;
  outlook1: number;
  outlook2: number;
  ntbRequested: number;
  ntbAllocated: number;
  ntbOutlook1: number;
  ntbOutlook2: number;
}

const emptyGroup = (): RenewalGroup => ({
  proposals: 0,
  requested: 0,
  allocated: 0,
  outlook1: 0,
  outlook2: 0,
  ntbRequested: 0,
  ntbAllocated: 0,
  ntbOutlook1: 0,
  ntbOutlook2: 0,
});

function addToGroup(group: RenewalGroup, row: RenewalContribution, sign: 1 | -1): void {
  group.proposals += sign;
  group.requested += sign * row.requested;
  group.allocated += sign * row.allocated;
  group.outlook1 += sign * row.outlook1;
  group.outlook2 += sign * row.outlook2;
  group.ntbRequested += sign * row.ntbRequested;
  group.ntbAllocated += sign * row.ntbAllocated;
  group.ntbOutlook1 += sign * row.ntbOutlook1;
  group.ntbOutlook2 += sign * row.ntbOutlook2;
}

function groupTotals(group: RenewalGroup): RenewalGroupTotals {
  return {
    proposals: group.proposals,
    requested: group.requested,
    allocated: group.allocated,
    gap: group.requested - group.allocated,
    outlook: [group.outlook1, group.outlook2],
    ntb: group.ntbRequested + group.ntbAllocated + group.ntbOutlook1 + group.ntbOutlook2,
  };
}

function allocatedAboveRequested(id: string, row: RenewalRow): Violation | null {
  if (typeof row.requested !== 'number' || typeof row.allocated !== 'number') return null;
  if (row.allocated <= row.requested) return null;
  return {
    rule: 'allocated-above-requested',
    message: `"${row.name}": toegekend is hoger dan gevraagd.`,
    sheet: 'vernieuwing',
    rowId: id,
    field: 'allocated',
    name: row.name,
    domain: row.domain,
    amount: row.allocated,
    limit: row.requested,
    excess: row.allocated - row.requested,
  };
}

const byRowId = (a: Violation, b: Violation): number => {
  const left = 'rowId' in a ? a.rowId : '';
  const right = 'rowId' in b ? b.rowId : '';
  return left < right ? -1 : left > right ? 1 : 0;
};

export class TotalsEngine {
  private readonly beheerRows = new Map<string, BeheerContribution>();
  private readonly renewalRows = new Map<string, RenewalContribution>();
  private readonly overAllocated = new Map<string, Violation>();
  /** The sorted row violations, rebuilt only when one of them changed. */
  private rowViolations: Violation[] | null = [];

  private beheerTotal = 0;
  private beheerNtb = 0;
  private readonly beheerByDomain = new Map<Domain, number>(DOMAINS.map((d) => [d, 0]));
  private readonly beheerByOperator = new Map<string, { amount: number; lines: number }>();

  private readonly renewalAll = emptyGroup();
  private readonly renewalByDomain = new Map<DomainOrGeneriek, RenewalGroup>(
    DOMAINS_AND_GENERIEK.map((d) => [d, emptyGroup()]),
  );
  private readonly renewalByStatus = new Map<RenewalStatus, RenewalGroup>(
    RENEWAL_STATUSES.map((s) => [s, emptyGroup()]),
  );

  private settings: BoardSettings = {
    renewalBudget: 'none',
    ceilings: Object.fromEntries(DOMAINS.map((d) => [d, 'none'])) as Record<Domain, Amount>,
  };
  private stated: StatedTotal[] = [];
  private year = 0;
  private cached: BoardTotals | null = null;

  setYear(year: number): void {
    this.year = year;
    this.cached = null;
  }

  setSettings(settings: BoardSettings): void {
    this.settings = settings;
    this.cached = null;
  }

  setStatedTotals(stated: StatedTotal[]): void {
    this.stated = stated;
    this.cached = null;
  }

  /** Sets (or with null removes) one B&E row. */
  setBeheerRow(id: string, row: BeheerRow | null): void {
    const old = this.beheerRows.get(id);
    if (old) this.applyBeheer(old, -1);
    if (row) {
      const next: BeheerContribution = {
        domain: row.domain,
        opdrachtnemer: row.opdrachtnemer.trim(),
        amount: euros(row.amount),
        ntb: isNtb(row.amount),
      };
      this.beheerRows.set(id, next);
      this.applyBeheer(next, 1);
    } else {
      this.beheerRows.delete(id);
    }
    this.cached = null;
  }

  /** Sets (or with null removes) one renewal row. */
  setRenewalRow(id: string, row: RenewalRow | null): void {
    const old = this.renewalRows.get(id);
    if (old) this.applyRenewal(old, -1);
    if (this.overAllocated.delete(id)) this.rowViolations = null;
    if (row) {
      const next: RenewalContribution = {
        domain: row.domain,
        status: row.status,
        requested: euros(row.requested),
        allocated: euros(row.allocated),
        outlook1: euros(row.outlook1),
        outlook2: euros(row.outlook2),
        ntbRequested: isNtb(row.requested),
        ntbAllocated: isNtb(row.allocated),
        ntbOutlook1: isNtb(row.outlook1),
        ntbOutlook2: isNtb(row.outlook2),
      };
      this.renewalRows.set(id, next);
      this.applyRenewal(next, 1);
      const violation = allocatedAboveRequested(id, row);
      if (violation) {
        this.overAllocated.set(id, violation);
        this.rowViolations = null;
      }
    } else {
      this.renewalRows.delete(id);
    }
    this.cached = null;
  }

  private applyBeheer(row: BeheerContribution, sign: 1 | -1): void {
    this.beheerTotal += sign * row.amount;
    this.beheerNtb += sign * row.ntb;
    this.beheerByDomain.set(row.domain, (this.beheerByDomain.get(row.domain) ?? 0) + sign * row.amount);
    const operator = this.beheerByOperator.get(row.opdrachtnemer) ?? { amount: 0, lines: 0 };
    operator.amount += sign * row.amount;
    operator.lines += sign;
    if (operator.lines === 0) this.beheerByOperator.delete(row.opdrachtnemer);
    else this.beheerByOperator.set(row.opdrachtnemer, operator);
  }

  private applyRenewal(row: RenewalContribution, sign: 1 | -1): void {
    addToGroup(this.renewalAll, row, sign);
    addToGroup(this.renewalByDomain.get(row.domain)!, row, sign);
    addToGroup(this.renewalByStatus.get(row.status)!, row, sign);
  }

  totals(): BoardTotals {
    if (this.cached) return this.cached;
    const all = this.renewalAll;
    const beheerByDomain = Object.fromEntries(this.beheerByDomain) as Record<Domain, number>;
    const renewalByDomain = Object.fromEntries(
      [...this.renewalByDomain].map(([domain, group]) => [domain, groupTotals(group)]),
    ) as Record<DomainOrGeneriek, RenewalGroupTotals>;
    const domains = Object.fromEntries(
      DOMAINS.map((domain) => {
        const beheer = beheerByDomain[domain];
        const renewalAllocated = renewalByDomain[domain].allocated;
        return [domain, { beheer, renewalAllocated, total: beheer + renewalAllocated, ceiling: this.settings.ceilings[domain] }];
      }),
    ) as BoardTotals['domains'];
    const splitTotal = this.beheerTotal + all.allocated;
    const beheerShareBp = splitTotal === 0 ? 0 : Math.round((this.beheerTotal * 10_000) / splitTotal);

    const totals: BoardTotals = {
      unit: 'EUR',
      year: this.year,
      beheer: {
        total: this.beheerTotal,
        lines: this.beheerRows.size,
        ntb: this.beheerNtb,
        byDomain: beheerByDomain,
        byOpdrachtnemer: Object.fromEntries(
          [...this.beheerByOperator].sort(([a], [b]) => a.localeCompare(b, 'nl')).map(([name, o]) => [name, o.amount]),
        ),
      },
      renewal: {
        ...groupTotals(all),
        outlookYears: [this.year + 1, this.year + 2],
        ntbByField: {
          requested: all.ntbRequested,
          allocated: all.ntbAllocated,
          outlook1: all.ntbOutlook1,
          outlook2: all.ntbOutlook2,
        },
        byDomain: renewalByDomain,
        byStatus: Object.fromEntries(
          [...this.renewalByStatus].map(([status, group]) => [status, groupTotals(group)]),
        ) as Record<RenewalStatus, RenewalGroupTotals>,
        budget: this.settings.renewalBudget,
      },
      split: {
        beheer: this.beheerTotal,
        renewal: all.allocated,
        total: splitTotal,
        beheerShareBp,
        renewalShareBp: splitTotal === 0 ? 0 : 10_000 - beheerShareBp,
      },
      domains,
      controls: [],
      violations: [],
    };
    totals.controls = evaluateControls(this.stated, totals);
    this.rowViolations ??= [...this.overAllocated.values()].sort(byRowId);
    totals.violations = [...this.rowViolations, ...evaluateRules(totals)];
    this.cached = totals;
    return totals;
  }
}

