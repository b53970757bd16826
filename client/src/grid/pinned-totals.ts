// The subtotal per domain and the grand total pinned under the budget grids, from the totals engine.
import type { SheetName } from '../../../shared/board/sheets.ts';
import { DOMAINS, DOMAINS_AND_GENERIEK, type DomainOrGeneriek } from '../../../shared/domain.ts';
import type { BoardTotals, RenewalGroupTotals } from '../../../shared/totals/types.ts';
import type { GridRow } from './column-defs.ts';

export function pinnedTotals(sheet: SheetName, totals: BoardTotals, domainFilter: DomainOrGeneriek | ''): GridRow[] {
  const label = (domain: string) => `Subtotaal ${domain}`;
  // With one domain shown, the grand total still covers the whole board: say so.
  const all = domainFilter ? ' (alle domeinen)' : '';
  if (sheet === 'beheer') {
    const domains = DOMAINS.filter((domain) => !domainFilter || domain === domainFilter);
    return [
      ...domains.map((domain) => ({ id: `total:${domain}`, pos: '', totalLabel: label(domain), amount: totals.beheer.byDomain[domain] })),
      { id: 'total:all', pos: '', totalLabel: `Totaal B&E${all}`, amount: totals.beheer.total },
    ];
  }
  if (sheet === 'vernieuwing') {
    const domains = DOMAINS_AND_GENERIEK.filter((domain) => !domainFilter || domain === domainFilter);
    const row = (id: string, totalLabel: string, group: RenewalGroupTotals): GridRow => ({
      id,
      pos: '',
      totalLabel,
      requested: group.requested,
      allocated: group.allocated,
      outlook1: group.outlook[0],
      outlook2: group.outlook[1],
    });
    return [
      ...domains.map((domain) => row(`total:${domain}`, label(domain), totals.renewal.byDomain[domain])),
      row('total:all', `Totaal vernieuwing${all}`, totals.renewal),
    ];
  }
  return [];
}

/** Cells that break a budget rule, keyed "rowId:field", with the rule's message. */
export function violationMarks(totals: BoardTotals): Map<string, string> {
  const marks = new Map<string, string>();
  for (const violation of totals.violations) {
    if ('rowId' in violation) marks.set(`${violation.rowId}:${violation.field}`, violation.message);
  }
  return marks;
}
